/**
 * Where to go after signing in (`/login?next=/join/abc`): only a path on this site, so the
 * parameter can't send anyone elsewhere (no `//host`, `/\host` or absolute URLs).
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 512) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f]/.test(value)) return "/";
  return value;
}
