import type { Ctx } from "@/lib/context";
import type { MemberDto } from "@/lib/realtime/contract";
import { hiddenPresence } from "@/lib/users/presence-privacy";
import { toUserSummary, userSummarySelect } from "@/lib/users/user-summary";

/**
 * A member as told to the whole group at once (joined, role changed). It carries no presence:
 * who may see it differs per viewer (their setting, the member's, blocks), so each browser asks
 * with `presence:watch`, which applies those rules.
 */
export async function memberDto(ctx: Ctx, conversationId: string, userId: string): Promise<MemberDto> {
  const p = await ctx.db.participant.findUniqueOrThrow({
    where: { conversationId_userId: { conversationId, userId } },
    select: { role: true, readSeq: true, deliveredSeq: true, user: { select: userSummarySelect } },
  });
  const { online, lastActiveAt } = hiddenPresence(userId);
  return { ...toUserSummary(p.user), role: p.role, readSeq: Number(p.readSeq), deliveredSeq: Number(p.deliveredSeq), online, lastActiveAt };
}
