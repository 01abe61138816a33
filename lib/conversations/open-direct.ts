import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { isUniqueViolation } from "@/lib/db/errors";
import { notFound } from "@/lib/errors";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { conversationSummaries } from "./conversation-summaries";
import { directKeyOf } from "./direct-chats";

export const openDirectInput = z.object({ userId: id });


/**
 * Opens the direct chat with another user, creating it on first use. The unique directKey makes
 * a second chat between the same two people impossible, also when both open it at once. With
 * myself it is "Message yourself": a chat of one member, my notes on every device of mine.
 */
export async function openDirect(ctx: Ctx, input: z.input<typeof openDirectInput>): Promise<ConversationSummary> {
  const { userId: peerId } = openDirectInput.parse(input);
  const me = ctx.actor.id;
  const peer = await ctx.db.user.findUnique({ where: { id: peerId }, select: { id: true } });
  if (!peer) throw notFound("User not found");

  const directKey = directKeyOf(me, peerId);
  let conversationId: string;
  try {
    const created = await ctx.db.conversation.upsert({
      where: { directKey },
      create: {
        type: "DIRECT",
        directKey,
        createdById: me,
        participants: { create: [...new Set([me, peerId])].map((userId) => ({ userId })) },
      },
      update: {},
      select: { id: true },
    });
    conversationId = created.id;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const existing = await ctx.db.conversation.findUniqueOrThrow({ where: { directKey }, select: { id: true } });
    conversationId = existing.id;
  }

  ctx.publish.subscribeUser(me, conversationId);
  if (peerId !== me) ctx.publish.subscribeUser(peerId, conversationId);
  const [summary] = await conversationSummaries(ctx.db, me, conversationId);
  return summary!;
}
