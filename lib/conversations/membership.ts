import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

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
      clearedSeq: true,
      conversation: { select: { id: true, type: true, visibility: true, lastSeq: true, archivedAt: true, directKey: true, onlyAdminsSend: true, messageTimerSec: true } },
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
 * Site admins moderate public groups without joining them: they read their messages and files and
 * delete there for everyone. This is the one statement of that rule, as a Prisma filter on the
 * conversation, a check of one already read, and SQL (`readAccessSql`).
 */
const MODERATED = { type: "GROUP", visibility: "PUBLIC" } as const satisfies Prisma.ConversationWhereInput;

/** The Prisma filter for conversations the actor moderates, or null when they moderate none. */
export function moderatedConversations(actor: { role: string }): Prisma.ConversationWhereInput | null {
  return actor.role === "ADMIN" ? MODERATED : null;
}

export function moderates(actor: { role: string }, conversation: { type: string; visibility: string }): boolean {
  return actor.role === "ADMIN" && conversation.type === MODERATED.type && conversation.visibility === MODERATED.visibility;
}

/**
 * Read access to a conversation's messages, as a boolean SQL expression: members, and site admins
 * for public groups (they moderate without joining). Queries that read messages embed it, so the
 * check costs no round trip of its own.
 */
export function readAccessSql(actor: { id: string; role: string }, conversationId: string): Prisma.Sql {
  const member = Prisma.sql`EXISTS (SELECT 1 FROM "Participant" p
    WHERE p."conversationId" = ${conversationId}::uuid AND p."userId" = ${actor.id}::uuid AND p."leftAt" IS NULL)`;
  if (!moderatedConversations(actor)) return member;
  return Prisma.sql`(${member} OR EXISTS (SELECT 1 FROM "Conversation" c
    WHERE c.id = ${conversationId}::uuid AND c.type::text = ${MODERATED.type} AND c.visibility::text = ${MODERATED.visibility}))`;
}
