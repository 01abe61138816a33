import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import type { ConversationSummary, MemberDto } from "@/lib/realtime/contract";
import { presenceOf, sharesPresence } from "@/lib/users/presence-privacy";
import { blockedViewer } from "@/lib/users/profile-privacy";
import { userSummarySelect, toUserSummary } from "@/lib/users/user-summary";
import { id } from "@/lib/validation";
import { conversationSummaries } from "./conversation-summaries";
import { CONVERSATION_NOT_FOUND } from "./membership";

export const getConversationInput = z.object({ conversationId: id });

/** One of my conversations with its current members, their watermarks and presence. */
export async function getConversation(
  ctx: Ctx,
  input: z.input<typeof getConversationInput>,
): Promise<{ conversation: ConversationSummary; members: MemberDto[] }> {
  const { conversationId } = getConversationInput.parse(input);
  const [conversation] = await conversationSummaries(ctx.db, ctx.actor.id, conversationId);
  if (!conversation) throw notFound(CONVERSATION_NOT_FOUND);
  const participants = await ctx.db.participant.findMany({
    where: { conversationId, leftAt: null },
    orderBy: [{ role: "asc" }, { joinedAt: "asc" }],
    take: 1000,
    select: {
      role: true,
      readSeq: true,
      deliveredSeq: true,
      user: { select: { ...userSummarySelect(ctx.actor.id), lastActiveAt: true, settings: true } },
    },
  });
  const online = await ctx.publish.onlineAmong(participants.map((p) => p.user.id));
  const iShare = sharesPresence(participants.find((p) => p.user.id === ctx.actor.id)?.user.settings);
  const members = participants.map((p) => ({
    ...toUserSummary(p.user),
    ...presenceOf({ ...p.user, blockedViewer: blockedViewer(p.user) }, online, p.user.id === ctx.actor.id || iShare),
    role: p.role,
    // Where reads aren't shared, only my own read mark is told.
    readSeq: conversation.readReceipts || p.user.id === ctx.actor.id ? Number(p.readSeq) : 0,
    deliveredSeq: Number(p.deliveredSeq),
  }));
  return { conversation, members };
}
