import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { conversationSummaries } from "@/lib/conversations/conversation-summaries";
import { notFound } from "@/lib/errors";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { memberDto } from "./member-dto";

export const joinGroupInput = z.object({ conversationId: id });

/** Joins a public group. History stays readable; nothing already sent counts as unread. */
export async function joinGroup(ctx: Ctx, input: z.input<typeof joinGroupInput>): Promise<ConversationSummary> {
  const { conversationId } = joinGroupInput.parse(input);
  const me = ctx.actor.id;
  const group = await ctx.db.conversation.findFirst({
    where: { id: conversationId, type: "GROUP", visibility: "PUBLIC", archivedAt: null },
    select: { id: true, lastSeq: true },
  });
  if (!group) throw notFound("Group not found");

  await ctx.db.participant.upsert({
    where: { conversationId_userId: { conversationId, userId: me } },
    create: { conversationId, userId: me, readSeq: group.lastSeq, deliveredSeq: group.lastSeq },
    update: { leftAt: null, joinedAt: new Date(), readSeq: group.lastSeq, deliveredSeq: group.lastSeq },
  });

  ctx.publish.subscribeUser(me, conversationId);
  const [summary] = await conversationSummaries(ctx.db, me, conversationId);
  const member = await memberDto(ctx, conversationId, me);
  ctx.publish.toConversation(conversationId, "member:joined", { conversationId, member });
  ctx.publish.toUser(me, "conversation:updated", summary!);
  return summary!;
}
