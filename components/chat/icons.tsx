// Icons for message features (decorative: callers label the control).
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

export const PlusIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M12 5v14M5 12h14" />
  </Svg>
);
export const PhotoIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect {...stroke} x="3" y="4" width="18" height="16" rx="2.5" />
    <circle {...stroke} cx="9" cy="10" r="1.8" />
    <path {...stroke} d="m4 18 5-5 3.5 3.5L15 14l5 5" />
  </Svg>
);
export const DocumentIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8Z" />
    <path {...stroke} d="M14 3v5h5M9 13h6M9 17h4" />
  </Svg>
);
export const LocationIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11Z" />
    <circle {...stroke} cx="12" cy="10" r="2.3" />
  </Svg>
);
export const ReplyIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M10 8 5 12.5l5 4.5" />
    <path {...stroke} d="M5.5 12.5H14a5 5 0 0 1 5 5V19" />
  </Svg>
);
export const ForwardIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="m14 8 5 4.5-5 4.5" />
    <path {...stroke} d="M18.5 12.5H10a5 5 0 0 0-5 5V19" />
  </Svg>
);
export const SmileIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="12" cy="12" r="9" />
    <path {...stroke} d="M8.5 14.5a4.5 4.5 0 0 0 7 0M9 9.5h.01M15 9.5h.01" />
  </Svg>
);
export const PencilIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16Z" />
    <path {...stroke} d="m13.5 6.5 4 4" />
  </Svg>
);
export const HistoryIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M3.5 12a8.5 8.5 0 1 0 2.5-6" />
    <path {...stroke} d="M3 4v4h4M12 8v4l3 2" />
  </Svg>
);
export const StarIcon = ({ filled, ...p }: IconProps & { filled?: boolean }) => (
  <Svg {...p}>
    <path
      {...stroke}
      fill={filled ? "currentColor" : "none"}
      d="m12 3.5 2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9Z"
    />
  </Svg>
);
export const StarOffIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="m12 3.5 2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9Z" />
    <path {...stroke} d="M3 3l18 18" />
  </Svg>
);
export const DownloadIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M12 4v11M7 10.5l5 5 5-5M5 20h14" />
  </Svg>
);
export const ChevronLeftIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="m15 5-7 7 7 7" />
  </Svg>
);
export const ChevronRightIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="m9 5 7 7-7 7" />
  </Svg>
);
export const CrosshairIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="12" cy="12" r="7" />
    <circle fill="currentColor" cx="12" cy="12" r="2.5" />
    <path {...stroke} d="M12 2v3M12 19v3M2 12h3M19 12h3" />
  </Svg>
);
export const ExternalIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M14 4h6v6M20 4l-9 9M18 14v4a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4" />
  </Svg>
);
export const PlayIcon = (p: IconProps) => (
  <Svg {...p}>
    <path fill="currentColor" d="M8 5.5v13a.8.8 0 0 0 1.2.7l10.2-6.5a.8.8 0 0 0 0-1.4L9.2 4.8A.8.8 0 0 0 8 5.5Z" />
  </Svg>
);
export const MusicIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M9 18V6l11-2v12" />
    <circle {...stroke} cx="6.5" cy="18" r="2.5" />
    <circle {...stroke} cx="17.5" cy="16" r="2.5" />
  </Svg>
);
