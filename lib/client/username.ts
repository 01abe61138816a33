// @username rules, as the server checks them (lib/users/profile-defaults.ts USERNAME_PATTERN).

export const USERNAME_RULE = "3–24 characters: lowercase letters, digits and underscores";
const PATTERN = /^[a-z0-9_]{3,24}$/;

/** What the user typed, as the server will store it (trimmed, lowercase). */
export function normalizeUsername(raw: string): string {
  return raw.trim().replace(/^@/, "").toLowerCase();
}

export type UsernameCheck = { ok: true; value: string } | { ok: false; value: string; message: string };

/** Local validation before asking the server whether it is free. */
export function validateUsername(raw: string): UsernameCheck {
  const value = normalizeUsername(raw);
  if (value.length === 0) return { ok: false, value, message: "Enter a username" };
  if (value.length < 3) return { ok: false, value, message: "At least 3 characters" };
  if (value.length > 24) return { ok: false, value, message: "At most 24 characters" };
  if (!PATTERN.test(value)) return { ok: false, value, message: "Only lowercase letters, digits and underscores" };
  return { ok: true, value };
}
