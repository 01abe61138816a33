type AvatarProps = {
  label: string;
  initials?: string;
  icon?: string | null;
  color: string;
  imageUrl?: string | null;
  size?: number;
  online?: boolean;
};

/** A round avatar: picture, emoji icon or initials on a colour. Decorative; callers label the row. */
export function Avatar({ label, initials, icon, color, imageUrl, size = 40, online }: AvatarProps) {
  return (
    <span className="relative inline-flex shrink-0" style={{ width: size, height: size }} aria-hidden="true" title={label}>
      {imageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={imageUrl} alt="" className="h-full w-full rounded-full object-cover" referrerPolicy="no-referrer" />
      ) : (
        <span
          className="flex h-full w-full items-center justify-center rounded-full font-semibold text-white"
          style={{ background: color, fontSize: icon ? size * 0.5 : size * 0.38 }}
        >
          {icon ?? initials}
        </span>
      )}
      {online && (
        <span className="absolute right-0 bottom-0 h-3 w-3 rounded-full border-2 border-panel bg-badge" />
      )}
    </span>
  );
}
