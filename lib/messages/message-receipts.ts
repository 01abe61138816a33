import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import type { MessageReceipts } from "@/lib/realtime/contract";
import { toUserSummary, userSummarySelect } from "@/lib/users/user-summary";
import { id } from "@/lib/validation";

export const messageReceiptsInput = z.object({ messageId: id });

/** "Message info" for my own message: which members have read it, which only received it. */
export async function messageReceipts(ctx: Ctx, input: z.input<typeof messageReceiptsInput>): Promise<MessageReceipts> {
  const { messageId } = messageReceiptsInput.parse(input);
  const me = ctx.actor.id;
  const message = await ctx.db.message.findFirst({
    where: { id: messageId, senderId: me, conversation: { participants: { some: { userId: me, leftAt: null } } } },
    select: { conversationId: true, seq: true },
  });
  if (!message) throw notFound("Message not found");
  const others = await ctx.db.participant.findMany({
    where: { conversationId: message.conversationId, leftAt: null, userId: { not: me }, deliveredSeq: { gte: message.seq } },
    orderBy: { joinedAt: "asc" },
    take: 1000,
    select: { readSeq: true, user: { select: userSummarySelect } },
  });
  return {
    readBy: others.filter((p) => p.readSeq >= message.seq).map((p) => toUserSummary(p.user)),
    deliveredTo: others.filter((p) => p.readSeq < message.seq).map((p) => toUserSummary(p.user)),
  };
}
