import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A message in one of my conversations, not hidden for me; else NOT_FOUND. */
export async function findVisibleMessage<S extends Prisma.MessageSelect>(ctx: Ctx, messageId: string, select: S) {
  const message = await ctx.db.message.findFirst({
    where: {
      id: messageId,
      conversation: { participants: { some: { userId: ctx.actor.id, leftAt: null } } },
      hides: { none: { userId: ctx.actor.id } },
    },
    select,
  });
  if (!message) throw notFound("Message not found");
  return message as Prisma.MessageGetPayload<{ select: S }>;
}
