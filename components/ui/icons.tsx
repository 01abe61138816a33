// Inline SVG icons (decorative: callers label the control).
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

export const NewChatIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M12 20H6.5L3 22V6a3 3 0 0 1 3-3h8" />
    <path {...stroke} d="M19 3v8M15 7h8" />
    <path {...stroke} d="M7.5 10h6M7.5 14h8" />
  </Svg>
);
export const SearchIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="11" cy="11" r="6.5" />
    <path {...stroke} d="m20 20-4.2-4.2" />
  </Svg>
);
export const BackIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M20 12H5M11 5l-7 7 7 7" />
  </Svg>
);
export const CloseIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M6 6l12 12M18 6 6 18" />
  </Svg>
);
export const MicIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect {...stroke} x="9" y="3" width="6" height="11" rx="3" />
    <path {...stroke} d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21" />
  </Svg>
);
export const ClearChatIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="12" cy="12" r="9" />
    <path {...stroke} d="M8 12h8" />
  </Svg>
);
export const SendIcon = (p: IconProps) => (
  <Svg {...p}>
    <path fill="currentColor" d="M3.4 20.4 21.85 12.5a.55.55 0 0 0 0-1L3.4 3.6a.55.55 0 0 0-.77.62L4.5 10.5l8.5 1.5-8.5 1.5-1.87 6.28a.55.55 0 0 0 .77.62Z" />
  </Svg>
);
export const ChevronDownIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="m6 9 6 6 6-6" />
  </Svg>
);
export const ArrowDownIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M12 5v14M5 12l7 7 7-7" />
  </Svg>
);
export const SunIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="12" cy="12" r="4" />
    <path {...stroke} d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
  </Svg>
);
export const MoonIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" />
  </Svg>
);
export const MonitorIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect {...stroke} x="3" y="4" width="18" height="12" rx="2" />
    <path {...stroke} d="M8 20h8M12 16v4" />
  </Svg>
);
export const LogoutIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 17l5-5-5-5M15 12H4" />
  </Svg>
);
export const TrashIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3" />
  </Svg>
);
export const InfoIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="12" cy="12" r="9" />
    <path {...stroke} d="M12 11v5M12 8h.01" />
  </Svg>
);
export const CopyIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect {...stroke} x="9" y="9" width="11" height="11" rx="2" />
    <path {...stroke} d="M5 15V6a2 2 0 0 1 2-2h8" />
  </Svg>
);
export const UsersIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="9" cy="8" r="3.5" />
    <path {...stroke} d="M2.5 20a6.5 6.5 0 0 1 13 0M16 4.5a3.5 3.5 0 0 1 0 7M21.5 20a6.5 6.5 0 0 0-4-6" />
  </Svg>
);
export const ExitIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M9 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h3M14 17l5-5-5-5M19 12H9" />
  </Svg>
);
export const AlertIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle fill="currentColor" cx="12" cy="12" r="10" />
    <path stroke="white" strokeWidth="2.2" strokeLinecap="round" d="M12 7v6M12 16.5h.01" />
  </Svg>
);
export const OfflineIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M2 8.5a15 15 0 0 1 4.5-2.8M10.6 5.1A15 15 0 0 1 22 8.5M5 12a10 10 0 0 1 3.5-2M15 10.2A10 10 0 0 1 19 12M8.5 15.5a5 5 0 0 1 7 0M12 19h.01M3 3l18 18" />
  </Svg>
);
export const PinIcon = (p: IconProps) => (
  <Svg {...p}>
    <path fill="currentColor" d="M15.5 3.5 20.5 8.5l-2 .8-3.6 3.6.4 4.1-1.4 1.4-3.5-3.5L6 19.3 4.7 18l4.4-4.4L5.6 10l1.4-1.4 4.1.4 3.6-3.6Z" />
  </Svg>
);
export const MutedIcon = (p: IconProps) => (
  <Svg {...p}>
    <path fill="currentColor" d="M11 5 6.5 9H3v6h3.5L11 19V5Z" />
    <path {...stroke} d="m16 9 5 6M21 9l-5 6" />
  </Svg>
);
export const BlockIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="12" cy="12" r="8.5" />
    <path {...stroke} d="m6 6 12 12" />
  </Svg>
);
export const CompassIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="12" cy="12" r="9" />
    <path fill="currentColor" d="m15.5 8.5-2 5-5 2 2-5 5-2Z" />
  </Svg>
);
export const ChatsIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M20 11.5a7.5 7.5 0 0 1-11 6.6L4 19.5l1.4-4.6A7.5 7.5 0 1 1 20 11.5Z" />
  </Svg>
);
export const MoreIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle fill="currentColor" cx="12" cy="5" r="1.8" />
    <circle fill="currentColor" cx="12" cy="12" r="1.8" />
    <circle fill="currentColor" cx="12" cy="19" r="1.8" />
  </Svg>
);
export const ArchiveIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect {...stroke} x="3" y="4" width="18" height="4.5" rx="1" />
    <path {...stroke} d="M5 8.5V18a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8.5M10 12.5h4" />
  </Svg>
);
export const UnarchiveIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect {...stroke} x="3" y="4" width="18" height="4.5" rx="1" />
    <path {...stroke} d="M5 8.5V18a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8.5M12 17v-5.5M9.5 14l2.5-2.5 2.5 2.5" />
  </Svg>
);
export const PinOffIcon = (p: IconProps) => (
  <Svg {...p}>
    <path fill="currentColor" d="M15.5 3.5 20.5 8.5l-2 .8-3.6 3.6.4 4.1-1.4 1.4-3.5-3.5L6 19.3 4.7 18l4.4-4.4L5.6 10l1.4-1.4 4.1.4 3.6-3.6Z" opacity=".55" />
    <path {...stroke} d="M3 3l18 18" />
  </Svg>
);
export const BellIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16ZM10 20.5a2 2 0 0 0 4 0" />
  </Svg>
);
export const ChevronRightIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="m9 6 6 6-6 6" />
  </Svg>
);
export const PencilIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16v4ZM13.5 6.5l4 4" />
  </Svg>
);
export const CheckIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M5 12.5 10 17.5 19 7" />
  </Svg>
);
export const CameraIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M4 8h3l1.5-2.5h7L17 8h3a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1Z" />
    <circle {...stroke} cx="12" cy="13.5" r="3.5" />
  </Svg>
);
export const DocIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5Z" />
    <path {...stroke} d="M14 3v5h5M9 13h6M9 17h4" />
  </Svg>
);
export const LinkIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
    <path {...stroke} d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
  </Svg>
);
export const PlayIcon = (p: IconProps) => (
  <Svg {...p}>
    <path fill="currentColor" d="M8 5.5v13a.8.8 0 0 0 1.2.7l10.2-6.5a.8.8 0 0 0 0-1.4L9.2 4.8A.8.8 0 0 0 8 5.5Z" />
  </Svg>
);
export const UserIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="12" cy="8" r="4" />
    <path {...stroke} d="M4 21a8 8 0 0 1 16 0" />
  </Svg>
);
export const KeyboardIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect {...stroke} x="2" y="5" width="20" height="14" rx="2" />
    <path {...stroke} d="M6 9h.01M10 9h.01M14 9h.01M18 9h.01M6 13h.01M18 13h.01M10 13h4M8 16h8" />
  </Svg>
);
export const SettingsIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="12" cy="12" r="3" />
    <path {...stroke} d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1Z" />
  </Svg>
);

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
export const PollIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M5 20V11M12 20V4M19 20v-6" />
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
/** A reply arrow and one person: "Reply privately". */
export const ReplyPrivatelyIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M8 10 3.5 14 8 18" />
    <path {...stroke} d="M4 14h7a4.5 4.5 0 0 1 4.5 4.5V20" />
    <circle {...stroke} cx="17.5" cy="5.5" r="2.5" />
    <path {...stroke} d="M13 13a4.5 4.5 0 0 1 9 0" />
  </Svg>
);
export const ForwardIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="m14 8 5 4.5-5 4.5" />
    <path {...stroke} d="M18.5 12.5H10a5 5 0 0 0-5 5V19" />
  </Svg>
);
/** WhatsApp's double arrow for "Forwarded many times". */
export const ForwardManyIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="m11 8 5 4.5-5 4.5" />
    <path {...stroke} d="m16 8 5 4.5-5 4.5" />
    <path {...stroke} d="M15.5 12.5H9a5 5 0 0 0-5 5V19" />
  </Svg>
);
export const SmileIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="12" cy="12" r="9" />
    <path {...stroke} d="M8.5 14.5a4.5 4.5 0 0 0 7 0M9 9.5h.01M15 9.5h.01" />
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
export const MusicIcon = (p: IconProps) => (
  <Svg {...p}>
    <path {...stroke} d="M9 18V6l11-2v12" />
    <circle {...stroke} cx="6.5" cy="18" r="2.5" />
    <circle {...stroke} cx="17.5" cy="16" r="2.5" />
  </Svg>
);
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
export const TimerIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle {...stroke} cx="12" cy="13" r="8" />
    <path {...stroke} d="M12 9v4l2.5 2.5M9.5 2.5h5" />
  </Svg>
);
export const HeartIcon = ({ filled, ...p }: IconProps & { filled?: boolean }) => (
  <Svg {...p}>
    <path
      {...stroke}
      fill={filled ? "currentColor" : "none"}
      d="M12 20s-7.5-4.6-9.2-9.1C1.6 7.6 3.9 4.5 7.2 4.5c2 0 3.6 1.1 4.8 2.8 1.2-1.7 2.8-2.8 4.8-2.8 3.3 0 5.6 3.1 4.4 6.4C19.5 15.4 12 20 12 20Z"
    />
  </Svg>
);
