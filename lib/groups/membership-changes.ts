import type { Ctx } from "@/lib/context";
import { conversationSummaries } from "@/lib/conversations/conversation-summaries";
import { memberDto } from "./member-dto";

/**
 * Makes a user a current member (new or returning) and tells everyone concerned: their sockets
 * join the room on every node, members see them appear, their own list gets the chat.
 * Returns false, changing and publishing nothing, when they already are a member (e.g. a
 * concurrent request admitted them first), so callers announce each admission once.
 */
export async function admitMember(ctx: Ctx, conversationId: string, userId: string, lastSeq: bigint): Promise<boolean> {
  const { count: returned } = await ctx.db.participant.updateMany({
    where: { conversationId, userId, leftAt: { not: null } },
    data: { leftAt: null, bannedAt: null, role: "MEMBER", joinedAt: new Date(), readSeq: lastSeq, deliveredSeq: lastSeq },
  });
  const admitted =
    returned > 0 ||
    (await ctx.db.participant.createMany({ data: [{ conversationId, userId, readSeq: lastSeq, deliveredSeq: lastSeq }], skipDuplicates: true })).count > 0;
  if (!admitted) return false;
  ctx.publish.subscribeUser(userId, conversationId);
  ctx.publish.toConversation(conversationId, "member:joined", { conversationId, member: await memberDto(ctx, conversationId, userId) });
  return true;
}

/** Sends the member's own (personal) summary of the chat to their tabs, after admission. */
export async function announceToMember(ctx: Ctx, conversationId: string, userId: string): Promise<void> {
  const [summary] = await conversationSummaries(ctx.db, userId, conversationId);
  if (summary) ctx.publish.toUser(userId, "conversation:updated", summary);
}

/**
 * Ends a membership (the database half): true when this call ended a current membership, false
 * when they were no longer a member (e.g. a concurrent request ended it first). Callers then
 * post their system message, if any, and announceDeparture().
 */
export async function endMembership(ctx: Ctx, conversationId: string, userId: string, opts: { ban?: boolean } = {}): Promise<boolean> {
  const { count } = await ctx.db.participant.updateMany({
    where: { conversationId, userId, leftAt: null },
    data: { leftAt: new Date(), isPinned: false, role: "MEMBER", ...(opts.ban ? { bannedAt: new Date() } : {}) },
  });
  return count > 0;
}

/**
 * The user's sockets leave the room on every node before anyone else hears, so nothing sent
 * afterwards reaches them; their tabs keep the history read-only.
 */
export function announceDeparture(ctx: Ctx, conversationId: string, userId: string): void {
  ctx.publish.unsubscribeUser(userId, conversationId);
  ctx.publish.toUser(userId, "conversation:removed", { conversationId });
  ctx.publish.toConversation(conversationId, "member:left", { conversationId, userId });
}
