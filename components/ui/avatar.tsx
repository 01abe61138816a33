"use client";
import { useState, type ReactNode } from "react";

type AvatarProps = {
  label: string;
  initials?: string;
  icon?: string | null;
  color: string;
  imageUrl?: string | null;
  size?: number;
  online?: boolean;
  className?: string;
};

/**
 * A round avatar: picture, emoji icon or initials on a colour. Decorative; callers label the row.
 * A picture that fails to load (404 once its owner blocked me, a deleted file) shows the initials.
 */
export function Avatar({ label, initials, icon, color, imageUrl, size = 40, online, className = "" }: AvatarProps) {
  const glyph = (
    // Drawn as generated content: purely decorative, so it never leaks into a control's name.
    <span
      className="flex h-full w-full items-center justify-center rounded-full font-semibold text-white before:content-[attr(data-glyph)]"
      style={{ background: color, fontSize: icon ? size * 0.5 : size * 0.38, lineHeight: 1 }}
      data-glyph={icon ?? initials ?? ""}
    />
  );
  return (
    <span
      className={`relative inline-flex shrink-0 select-none ${className}`}
      style={{ width: size, height: size }}
      aria-hidden="true"
      title={label}
    >
      {/* Keyed on the URL: a new picture (or the same one again after none) gets a fresh try. */}
      {imageUrl ? <Picture key={imageUrl} url={imageUrl} fallback={glyph} /> : glyph}
      {online && (
        <span
          className="absolute right-0 bottom-0 rounded-full border-2 border-panel bg-badge"
          style={{ width: Math.max(10, size * 0.26), height: Math.max(10, size * 0.26) }}
          data-testid="online-dot"
        />
      )}
    </span>
  );
}

function Picture({ url, fallback }: { url: string; fallback: ReactNode }) {
  const [failed, setFailed] = useState(false);
  if (failed) return fallback;
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img src={url} alt="" className="h-full w-full rounded-full object-cover" referrerPolicy="no-referrer" onError={() => setFailed(true)} />
  );
}
