import type { Ctx } from "@/lib/context";
import { CONVERSATION_NOT_FOUND } from "@/lib/conversations/membership";
import { forbidden, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { chatWritableFields } from "@/lib/messages/chat-writable";

/** Who acts and the transaction they act in: a database half, which publishes nothing before the commit. */
export type TxCtx = { actor: Ctx["actor"]; db: Prisma.TransactionClient };

/**
 * Who may manage a group: site admins manage public groups (from the admin console); a private
 * group is managed by its owner and admins. Outsiders of a private group learn nothing.
 */
export async function requireGroupManager(ctx: TxCtx, conversationId: string) {
  // Flat selects: a relation select would overlap queries on a transaction's one connection.
  const conversation = await ctx.db.conversation.findFirst({
    where: { id: conversationId, type: "GROUP" },
    select: {
      id: true, name: true, icon: true, iconBg: true, about: true, visibility: true,
      isDefault: true, autoJoin: true, onlyAdminsSend: true, lastSeq: true, messageTimerSec: true, ...chatWritableFields,
    },
  });
  if (!conversation) throw notFound(CONVERSATION_NOT_FOUND);
  const me = await ctx.db.participant.findFirst({ where: { conversationId, userId: ctx.actor.id, leftAt: null }, select: { role: true } });
  const myRole = me?.role ?? null;
  if (conversation.visibility === "PUBLIC") {
    if (ctx.actor.role !== "ADMIN") throw forbidden("Only admins can manage public groups");
  } else {
    if (!myRole) throw notFound(CONVERSATION_NOT_FOUND);
    if (myRole === "MEMBER") throw forbidden("Only group admins can do that");
  }
  return { conversation, myRole };
}

type GroupManager = Awaited<ReturnType<typeof requireGroupManager>>;

/**
 * Runs the database half of a manager's change (`write`) in one transaction, checked as
 * requireGroupManager under locks held to its commit: the group's row (other managers' changes
 * queue on it), then the actor's membership row (so do their leave and any other write to it),
 * in the order every writer to a group takes them (message and receipt batches,
 * appointOwnerIfNone), so they queue rather than deadlock. An admin demoted or removed by the
 * owner is thus refused once that commits, and a demotion arriving meanwhile waits for the
 * change. Callers announce after it resolves, once the change is committed.
 */
export async function asGroupManager<T>(ctx: Ctx, conversationId: string, write: (tx: TxCtx, manager: GroupManager) => Promise<T>): Promise<T> {
  return ctx.db.$transaction(async (db) => {
    const tx: TxCtx = { actor: ctx.actor, db };
    return write(tx, await lockGroupManager(tx, conversationId));
  });
}

/** Inside a transaction: takes asGroupManager's locks, in its order, and checks the actor under them. */
export async function lockGroupManager(tx: TxCtx, conversationId: string): Promise<GroupManager> {
  await tx.db.$executeRaw`SELECT 1 FROM "Conversation" WHERE id = ${conversationId}::uuid FOR NO KEY UPDATE`;
  await tx.db.$executeRaw`
    SELECT 1 FROM "Participant" WHERE "conversationId" = ${conversationId}::uuid AND "userId" = ${tx.actor.id}::uuid FOR SHARE`;
  return requireGroupManager(tx, conversationId);
}
