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

// Decrypting a session cookie (HKDF key derivation, then AES-CBC + HMAC through WebCrypto) costs
// about 1 ms of CPU per request here: a fifth of a history page's budget. A token never changes,
// so what it proves is remembered until it expires. Only that proof is remembered: whether the
// session it names is still active is read from the database on every request (sessions.ts), so
// logout and revocation still take effect at once.
const VERIFIED_MAX = 10_000;
type Verified = { claims: SessionClaims; secret: string; expiresAtMs: number };
const verified = new Map<string, Verified>();

function rememberVerified(key: string, entry: Verified): void {
  // Oldest first out: a Map iterates in insertion order.
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
  verified.set(key, entry);
}

export async function readSessionClaims(lookup: CookieLookup, secret: string): Promise<SessionClaims | null> {
  for (const name of SESSION_COOKIE_NAMES) {
    const token = readChunked(lookup, name);
    if (!token) continue;
    const key = `${name}\n${token}`;
    const known = verified.get(key);
    if (known && known.secret === secret && Date.now() < known.expiresAtMs) return { ...known.claims };
    if (known) verified.delete(key);
    try {
      const claims = await decode({ token, secret, salt: name });
      if (claims && typeof claims.sid === "string" && typeof claims.uid === "string") {
        const result = { sid: claims.sid, uid: claims.uid };
        if (typeof claims.exp === "number") rememberVerified(key, { claims: result, secret, expiresAtMs: claims.exp * 1000 });
        return result;
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
