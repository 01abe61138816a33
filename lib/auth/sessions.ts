import type { Db } from "@/lib/db/client";
import { preparedStatement } from "@/lib/db/prepared-statements";
import { queryDirect } from "@/lib/db/direct-query";
import { Prisma, type Role } from "@/lib/generated/prisma/client";

export type SessionUser = {
  id: string;
  sessionId: string;
  role: Role;
  name: string;
  email: string;
  username: string;
  initials: string;
  avatarColor: string;
  avatarUrl: string | null;
};

export async function createSession(db: Db, userId: string, maxAgeDays: number, userAgent?: string | null) {
  const expiresAt = new Date(Date.now() + maxAgeDays * 86_400_000);
  return db.session.create({ data: { userId, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null } });
}

/**
 * The user behind a session id, or null when the session was revoked, expired or never existed.
 * Every authenticated request asks this, so it is one prepared statement (Prisma's findFirst with
 * the user relation takes two round trips). Prisma keeps timestamps as UTC in columns without a
 * time zone.
 */
export async function loadActiveSession(db: Db, sessionId: string, userId: string): Promise<SessionUser | null> {
  const [user] = await queryDirect<Omit<SessionUser, "sessionId">>(db, Prisma.sql`${preparedStatement("active-session")}
    SELECT u.id, u.role::text AS role, u.name, u.email, u.username, u.initials, u."avatarColor", u."avatarUrl"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId}::uuid AND s."userId" = ${userId}::uuid AND s."revokedAt" IS NULL AND s."expiresAt" > (now() AT TIME ZONE 'UTC')`);
  return user ? { ...user, sessionId } : null;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
