import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Of these messages, the ids `userId` sees: in a chat they are a member of, after where they
 * cleared it, and not hidden for them (deleted for me, or withheld from me). The one rule for
 * reaching a message by its id, whatever the call (react, star, vote, pin, edit history,
 * forward, a quote, a file).
 */
export async function visibleMessageIds(db: Db, userId: string, messageIds: string[]): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT m.id FROM "Message" m
    JOIN "Participant" p ON p."conversationId" = m."conversationId" AND p."userId" = ${userId}::uuid AND p."leftAt" IS NULL
    WHERE m.id = ANY(${messageIds}::uuid[]) AND m.seq > p."clearedSeq"
      AND NOT EXISTS (SELECT 1 FROM "MessageHide" h WHERE h."messageId" = m.id AND h."userId" = ${userId}::uuid)`;
  return new Set(rows.map((r) => r.id));
}

/** These messages, each one I see (visibleMessageIds); else NOT_FOUND. In no set order. */
export async function findVisibleMessages<S extends Prisma.MessageSelect>(ctx: Ctx, messageIds: string[], select: S) {
  const wanted = [...new Set(messageIds)];
  const visible = await visibleMessageIds(ctx.db, ctx.actor.id, wanted);
  if (visible.size !== wanted.length) throw notFound("Message not found");
  const messages = await ctx.db.message.findMany({ where: { id: { in: wanted } }, select });
  // Gone between the two reads (expired): as if never there.
  if (messages.length !== wanted.length) throw notFound("Message not found");
  return messages as Prisma.MessageGetPayload<{ select: S }>[];
}

/** A message I see (visibleMessageIds); else NOT_FOUND. */
export async function findVisibleMessage<S extends Prisma.MessageSelect>(ctx: Ctx, messageId: string, select: S) {
  const [message] = await findVisibleMessages(ctx, [messageId], select);
  return message!;
}
