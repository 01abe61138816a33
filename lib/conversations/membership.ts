import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

export const CONVERSATION_NOT_FOUND = "Conversation not found";

/**
 * The acting user's current membership, or NOT_FOUND: outsiders learn nothing, not even that
 * the conversation exists.
 */
export async function requireMembership(db: Db, userId: string, conversationId: string) {
  const membership = await db.participant.findFirst({
    where: { conversationId, userId, leftAt: null },
    select: {
      role: true,
      readSeq: true,
      deliveredSeq: true,
      conversation: { select: { id: true, type: true, visibility: true, lastSeq: true, archivedAt: true, directKey: true } },
    },
  });
  if (!membership) throw notFound(CONVERSATION_NOT_FOUND);
  return membership;
}

/** Conversation ids the user currently belongs to (socket rooms at connect). */
export async function membershipIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.participant.findMany({ where: { userId, leftAt: null }, select: { conversationId: true } });
  return rows.map((r) => r.conversationId);
}

/**
 * Read access to a conversation's messages: members, and site admins for public groups (they
 * moderate without joining). Everyone else: NOT_FOUND.
 */
export async function requireReadAccess(db: Db, actor: { id: string; role: string }, conversationId: string): Promise<void> {
  if (actor.role === "ADMIN") {
    const isPublic = await db.conversation.count({ where: { id: conversationId, type: "GROUP", visibility: "PUBLIC" } });
    if (isPublic) return;
  }
  await requireMembership(db, actor.id, conversationId);
}
