import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";

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

/** The user behind a session id, or null when the session was revoked, expired or never existed. */
export async function loadActiveSession(db: Db, sessionId: string, userId: string): Promise<SessionUser | null> {
  const session = await db.session.findFirst({
    where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: {
      user: {
        select: {
          id: true, role: true, name: true, email: true, username: true,
          initials: true, avatarColor: true, avatarUrl: true,
        },
      },
    },
  });
  return session ? { ...session.user, sessionId } : null;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
