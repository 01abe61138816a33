import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { queryDirect } from "@/lib/db/direct-query";
import { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import type { MessageReceipts } from "@/lib/realtime/contract";
import { readReceiptsShared } from "@/lib/users/read-receipts";
import { toUserSummary, userSummarySelect } from "@/lib/users/user-summary";
import { id } from "@/lib/validation";

export const messageReceiptsInput = z.object({ messageId: id });

/** "Message info" for my own message: which members have read it, which only received it. */
export async function messageReceipts(ctx: Ctx, input: z.input<typeof messageReceiptsInput>): Promise<MessageReceipts> {
  const { messageId } = messageReceiptsInput.parse(input);
  const me = ctx.actor.id;
  const message = await ctx.db.message.findFirst({
    where: { id: messageId, senderId: me, conversation: { participants: { some: { userId: me, leftAt: null } } } },
    select: { conversationId: true, seq: true, withheld: true },
  });
  if (!message) throw notFound("Message not found");
  // Nobody got it, whatever their watermarks say.
  if (message.withheld) return { readBy: [], deliveredTo: [] };
  const others = await ctx.db.participant.findMany({
    where: { conversationId: message.conversationId, leftAt: null, userId: { not: me }, deliveredSeq: { gte: message.seq } },
    orderBy: { joinedAt: "asc" },
    take: 1000,
    select: { readSeq: true, user: { select: userSummarySelect(me) } },
  });
  // A direct chat where either person turned read receipts off tells of delivery only.
  const [row] = await queryDirect<{ shared: boolean }>(
    ctx.db,
    Prisma.sql`SELECT ${readReceiptsShared("c")} AS shared FROM "Conversation" c WHERE c.id = ${message.conversationId}::uuid`,
  );
  const hasRead = (p: { readSeq: bigint }) => (row?.shared ?? true) && p.readSeq >= message.seq;
  return {
    readBy: others.filter(hasRead).map((p) => toUserSummary(p.user)),
    deliveredTo: others.filter((p) => !hasRead(p)).map((p) => toUserSummary(p.user)),
  };
}
