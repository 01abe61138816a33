// Icons of the group screens (decorative: callers label the control).
import type { SVGProps } from "react";

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function Svg({ size = 24, children, ...rest }: IconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" aria-hidden="true" focusable="false" {...rest}>
      {children}
    </svg>
  );
}

const stroke = { stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;

export const NewGroupIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="9" cy="8" r="3.5" />
    <path {...stroke} d="M2.5 20a6.5 6.5 0 0 1 11.8-3.8" />
    <path {...stroke} d="M19 13v8M15 17h8" />
  </Svg>
);
export const AddMemberIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="10" cy="8" r="4" />
    <path {...stroke} d="M3 20a7 7 0 0 1 12.5-4.3" />
    <path {...stroke} d="M19 14v6M16 17h6" />
  </Svg>
);
export const LinkIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1 1" />
    <path {...stroke} d="M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1-1" />
  </Svg>
);
export const PencilIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16v4z" />
    <path {...stroke} d="m13.5 6.5 4 4" />
  </Svg>
);
export const CheckIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M5 12.5 10 17.5 19.5 7" />
  </Svg>
);
export const ArrowRightIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M4 12h15M13 5l7 7-7 7" />
  </Svg>
);
export const ShieldStarIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M12 3 4.5 6v5.5c0 4.5 3.2 8.3 7.5 9.5 4.3-1.2 7.5-5 7.5-9.5V6L12 3z" />
    <path {...stroke} d="m12 8.5 1.1 2.2 2.4.3-1.8 1.6.5 2.4-2.2-1.2-2.2 1.2.5-2.4-1.8-1.6 2.4-.3z" />
  </Svg>
);
export const RemoveUserIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="10" cy="8" r="4" />
    <path {...stroke} d="M3 20a7 7 0 0 1 12.5-4.3" />
    <path {...stroke} d="M16 17h6" />
  </Svg>
);
export const BanIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="12" cy="12" r="8.5" />
    <path {...stroke} d="m6 6 12 12" />
  </Svg>
);
export const ChatBubbleIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M20 11.5a8 8 0 0 1-11.6 7.1L4 20l1.4-4.2A8 8 0 1 1 20 11.5z" />
  </Svg>
);
export const ChevronDownSmall = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="m6 9 6 6 6-6" />
  </Svg>
);
