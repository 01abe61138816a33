// Derived profile fields: initials, a stable avatar colour and a username candidate.

// Every colour keeps white initials at ≥ 4.5:1 contrast (WCAG AA).
const AVATAR_COLORS = [
  "#b3261e", "#ad1457", "#c2185b", "#6a1b9a", "#7b1fa2", "#4527a0", "#283593",
  "#1565c0", "#0277bd", "#00796b", "#00695c", "#2e7d32", "#8d5b00", "#bf360c", "#5d4037", "#37474f",
] as const;

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words.slice(0, 1);
  const initials = letters.map((w) => Array.from(w)[0]!.toUpperCase()).join("");
  return initials || "?";
}

export function avatarColorFor(seed: string): string {
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return AVATAR_COLORS[hash % AVATAR_COLORS.length]!;
}

export const USERNAME_PATTERN = /^[a-z0-9_]{3,24}$/;

/** A username base from a name or email: lowercase ascii letters, digits and underscores. */
export function usernameBase(name: string, email: string): string {
  const fromName = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  const fromEmail = email.split("@")[0]!.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  let base = (fromName.length >= 3 ? fromName : fromEmail).slice(0, 18).replace(/_+$/, "");
  if (base.length < 3) base = `user_${base}`.replace(/_+$/, "");
  return base;
}
