import { decode } from "next-auth/jwt";

// One reader of the Auth.js session cookie for pages, route handlers and socket handshakes.

export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export type SessionClaims = { sid: string; uid: string };

type CookieLookup = (name: string) => string | undefined;

/** Auth.js splits large cookies into `<name>.0`, `<name>.1`, …: join them back. */
function readChunked(lookup: CookieLookup, name: string): string | undefined {
  const whole = lookup(name);
  if (whole) return whole;
  let value = "";
  for (let i = 0; ; i++) {
    const part = lookup(`${name}.${i}`);
    if (part === undefined) break;
    value += part;
  }
  return value || undefined;
}

export async function readSessionClaims(lookup: CookieLookup, secret: string): Promise<SessionClaims | null> {
  for (const name of SESSION_COOKIE_NAMES) {
    const token = readChunked(lookup, name);
    if (!token) continue;
    try {
      const claims = await decode({ token, secret, salt: name });
      if (claims && typeof claims.sid === "string" && typeof claims.uid === "string") {
        return { sid: claims.sid, uid: claims.uid };
      }
    } catch {
      // Forged, expired or signed with another secret: treated as signed out.
    }
  }
  return null;
}

export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}
