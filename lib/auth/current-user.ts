import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { resolveAuthSecret } from "./secret";
import { loadActiveSession, type SessionUser } from "./sessions";
import { parseCookieHeader, readSessionClaims } from "./session-token";

/** The signed-in user of this request, or null (no cookie, forged cookie, revoked session). */
export async function currentUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  const claims = await readSessionClaims((name) => jar.get(name)?.value, resolveAuthSecret());
  if (!claims) return null;
  return loadActiveSession(db(), claims.sid, claims.uid);
}

/** For pages: the signed-in user, or a redirect to the login page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** The signed-in user behind a request's cookies: route handlers use this (no Next context needed). */
export async function userFromRequest(req: Request): Promise<SessionUser | null> {
  const jar = parseCookieHeader(req.headers.get("cookie") ?? undefined);
  const claims = await readSessionClaims((name) => jar.get(name), resolveAuthSecret());
  if (!claims) return null;
  return loadActiveSession(db(), claims.sid, claims.uid);
}
