import type { Ctx } from "@/lib/context";
import type { MemberDto } from "@/lib/realtime/contract";
import { presenceOf } from "@/lib/users/presence-privacy";
import { toUserSummary, userSummarySelect } from "@/lib/users/user-summary";

export async function memberDto(ctx: Ctx, conversationId: string, userId: string): Promise<MemberDto> {
  const p = await ctx.db.participant.findUniqueOrThrow({
    where: { conversationId_userId: { conversationId, userId } },
    select: { role: true, readSeq: true, deliveredSeq: true, user: { select: { ...userSummarySelect, lastActiveAt: true, settings: true } } },
  });
  const online = await ctx.publish.onlineAmong([userId]);
  return {
    ...toUserSummary(p.user),
    role: p.role,
    readSeq: Number(p.readSeq),
    deliveredSeq: Number(p.deliveredSeq),
    // Told to the whole group at once: only their own setting can hide it here.
    ...presenceOf({ ...p.user, blockedViewer: false }, online, true),
  };
}
