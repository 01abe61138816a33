import type { IncomingMessage } from "node:http";
import type { Socket } from "socket.io";
import type { Db } from "@/lib/db/client";
import { loadActiveSession, type SessionUser } from "@/lib/auth/sessions";
import { parseCookieHeader, readSessionClaims } from "@/lib/auth/session-token";

/**
 * Origins allowed to open a socket: the public origin (AUTH_URL) and the origin the request was
 * addressed to. Browsers always send Origin on websocket and polling requests, so a missing one
 * is a non-browser client (bench, API), which must still present a valid session.
 */
export function isAllowedOrigin(req: IncomingMessage, publicUrl: string | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  const allowed = new Set<string>();
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  const host = req.headers.host;
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return allowed.has(origin);
}

export async function authenticateHandshake(socket: Socket, db: Db, secret: string): Promise<SessionUser | null> {
  const cookies = parseCookieHeader(socket.request.headers.cookie);
  const claims = await readSessionClaims((name) => cookies.get(name), secret);
  if (!claims) return null;
  return loadActiveSession(db, claims.sid, claims.uid);
}
