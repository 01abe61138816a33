// Round group icons for the console (people's avatars are components/ui/avatar). Decorative: rows carry the names.

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
