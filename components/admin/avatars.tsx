// Round group icons and user avatars for the console. Decorative: rows carry the names.

export function GroupIcon({ icon, color, size = 44 }: { icon: string | null; color: string; size?: number }) {
  return (
    <span
      aria-hidden="true"
      className="inline-flex shrink-0 items-center justify-center rounded-full leading-none select-none"
      style={{ width: size, height: size, background: color, fontSize: size * 0.5 }}
    >
      {icon ?? "👥"}
    </span>
  );
}

export function UserAvatar({
  initials,
  color,
  imageUrl,
  size = 40,
}: {
  initials: string;
  color: string;
  imageUrl?: string | null;
  size?: number;
}) {
  if (imageUrl) {
    return (
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={imageUrl}
        alt=""
        width={size}
        height={size}
        referrerPolicy="no-referrer"
        className="shrink-0 rounded-full object-cover"
        style={{ width: size, height: size }}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className="inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white select-none"
      style={{ width: size, height: size, background: color, fontSize: size * 0.38 }}
    >
      {initials}
    </span>
  );
}
