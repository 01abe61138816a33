import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The messages a user sees: in one of their conversations and not hidden for them. */
export const visibleTo = (userId: string) =>
  ({
    conversation: { participants: { some: { userId, leftAt: null } } },
    hides: { none: { userId } },
  }) satisfies Prisma.MessageWhereInput;

/** These messages, each in one of my conversations and not hidden for me; else NOT_FOUND. In no set order. */
export async function findVisibleMessages<S extends Prisma.MessageSelect>(ctx: Ctx, messageIds: string[], select: S) {
  const messages = await ctx.db.message.findMany({
    where: { id: { in: messageIds }, ...visibleTo(ctx.actor.id) },
    select,
  });
  if (messages.length !== new Set(messageIds).size) throw notFound("Message not found");
  return messages as Prisma.MessageGetPayload<{ select: S }>[];
}

/** A message in one of my conversations, not hidden for me; else NOT_FOUND. */
export async function findVisibleMessage<S extends Prisma.MessageSelect>(ctx: Ctx, messageId: string, select: S) {
  const [message] = await findVisibleMessages(ctx, [messageId], select);
  return message!;
}
