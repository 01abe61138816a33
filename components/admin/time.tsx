"use client";
// A <time> that shows local, relative time in the browser. The server (and hydration) render a
// UTC date, so the markup always matches; the browser then switches to its own time zone.
import { useSyncExternalStore } from "react";
import { formatAbsolute, formatRelative } from "./format";

const subscribe = (onChange: () => void) => {
  const timer = setInterval(onChange, 30_000);
  return () => clearInterval(timer);
};
const minuteNow = () => Math.floor(Date.now() / 30_000) * 30_000;
const serverNow = () => null;

export function Time({ iso, mode = "relative", className }: { iso: string; mode?: "relative" | "absolute"; className?: string }) {
  const now = useSyncExternalStore(subscribe, minuteNow, serverNow);
  const text = now === null ? formatAbsolute(iso, true) : mode === "relative" ? formatRelative(iso, now) : formatAbsolute(iso);
  return (
    <time dateTime={iso} title={now === null ? undefined : formatAbsolute(iso)} className={className}>
      {text}
    </time>
  );
}
