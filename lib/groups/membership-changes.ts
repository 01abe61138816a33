import type { Ctx } from "@/lib/context";
import { conversationSummaries } from "@/lib/conversations/conversation-summaries";
import { memberDto } from "./member-dto";

/**
 * Makes a user a current member (new or returning) and tells everyone concerned: their sockets
 * join the room on every node, members see them appear, their own list gets the chat.
 */
export async function admitMember(ctx: Ctx, conversationId: string, userId: string, lastSeq: bigint): Promise<void> {
  await ctx.db.participant.upsert({
    where: { conversationId_userId: { conversationId, userId } },
    create: { conversationId, userId, readSeq: lastSeq, deliveredSeq: lastSeq },
    update: { leftAt: null, bannedAt: null, role: "MEMBER", joinedAt: new Date(), readSeq: lastSeq, deliveredSeq: lastSeq },
  });
  ctx.publish.subscribeUser(userId, conversationId);
  ctx.publish.toConversation(conversationId, "member:joined", { conversationId, member: await memberDto(ctx, conversationId, userId) });
}

/** Sends the member's own (personal) summary of the chat to their tabs, after admission. */
export async function announceToMember(ctx: Ctx, conversationId: string, userId: string): Promise<void> {
  const [summary] = await conversationSummaries(ctx.db, userId, conversationId);
  if (summary) ctx.publish.toUser(userId, "conversation:updated", summary);
}

/**
 * Ends a membership. The user's sockets leave the room on every node before anyone else hears,
 * so nothing sent afterwards reaches them; their tabs keep the history read-only.
 */
export async function dismissMember(ctx: Ctx, conversationId: string, userId: string, opts: { ban?: boolean } = {}): Promise<void> {
  await ctx.db.participant.update({
    where: { conversationId_userId: { conversationId, userId } },
    data: { leftAt: new Date(), isPinned: false, role: "MEMBER", ...(opts.ban ? { bannedAt: new Date() } : {}) },
  });
  ctx.publish.unsubscribeUser(userId, conversationId);
  ctx.publish.toUser(userId, "conversation:removed", { conversationId });
  ctx.publish.toConversation(conversationId, "member:left", { conversationId, userId });
}
