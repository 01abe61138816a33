import type { Ctx } from "@/lib/context";
import type { MemberDto } from "@/lib/realtime/contract";
import { hiddenPresence } from "@/lib/users/presence-privacy";
import { summaryAsSeen, userSummaryFields } from "@/lib/users/user-summary";

/**
 * A member as told to the whole group at once (joined, role changed). It carries no presence:
 * who may see it differs per viewer (their setting, the member's, blocks), so each browser asks
 * with `presence:watch`, which applies those rules. The members they blocked (`blockedViewers`)
 * get `hidden`, without their photo.
 */
export async function memberDto(
  ctx: Ctx,
  conversationId: string,
  userId: string,
): Promise<{ member: MemberDto; hidden: MemberDto; blockedViewers: string[] }> {
  const p = await ctx.db.participant.findUniqueOrThrow({
    where: { conversationId_userId: { conversationId, userId } },
    select: {
      role: true,
      readSeq: true,
      deliveredSeq: true,
      user: {
        select: {
          ...userSummaryFields,
          blocking: { where: { blocked: { participants: { some: { conversationId, leftAt: null } } } }, select: { blockedId: true } },
        },
      },
    },
  });
  const { online, lastActiveAt } = hiddenPresence(userId);
  const rest = { role: p.role, readSeq: Number(p.readSeq), deliveredSeq: Number(p.deliveredSeq), online, lastActiveAt };
  return {
    member: { ...summaryAsSeen(p.user, { blockedViewer: false }), ...rest },
    hidden: { ...summaryAsSeen(p.user, { blockedViewer: true }), ...rest },
    blockedViewers: p.user.blocking.map((b) => b.blockedId),
  };
}
