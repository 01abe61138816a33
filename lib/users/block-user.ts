import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { directKeyOf } from "@/lib/conversations/direct-chats";
import { badRequest, notFound } from "@/lib/errors";
import { applyBlockToPresence } from "@/lib/users/presence-privacy";
import { summaryAsSeen, toUserSummary, userSummaryFields, userSummarySelect } from "@/lib/users/user-summary";
import { id } from "@/lib/validation";

export const blockInput = z.object({ userId: id, blocked: z.boolean() });

/**
 * Blocks or unblocks someone. While blocked they cannot message me directly (nor I them), nor
 * see when I'm online or was last seen, nor my profile photo and about; our existing chat stays
 * readable.
 */
export async function setBlocked(ctx: Ctx, input: z.input<typeof blockInput>): Promise<{ blocked: boolean }> {
  const { userId, blocked } = blockInput.parse(input);
  if (userId === ctx.actor.id) throw badRequest("You can't block yourself");
  const target = await ctx.db.user.findUnique({ where: { id: userId }, select: userSummarySelect(ctx.actor.id) });
  if (!target) throw notFound("User not found");
  if (blocked) {
    await ctx.db.block.createMany({ data: [{ blockerId: ctx.actor.id, blockedId: userId }], skipDuplicates: true });
  } else {
    await ctx.db.block.deleteMany({ where: { blockerId: ctx.actor.id, blockedId: userId } });
    await endWithheldTimer(ctx, userId);
  }
  ctx.publish.toUser(ctx.actor.id, "block:changed", { user: toUserSummary(target), blocked });
  await applyBlockToPresence(ctx, userId, blocked);
  // Their open tabs drop my photo (or show it again) wherever it shows, as user:updated does.
  const me = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: userSummaryFields });
  ctx.publish.toUser(userId, "user:updated", summaryAsSeen(me, { blockedViewer: blocked }));
  return { blocked };
}

/**
 * The timer they set in our chat while I blocked them was theirs alone; unblocked, they share
 * the chat's again (as their messages from now on do).
 */
async function endWithheldTimer(ctx: Ctx, userId: string): Promise<void> {
  const chat = await ctx.db.conversation.findUnique({ where: { directKey: directKeyOf(ctx.actor.id, userId) }, select: { id: true, messageTimerSec: true } });
  if (!chat) return;
  const { count } = await ctx.db.participant.updateMany({
    where: { conversationId: chat.id, userId, withheldTimerSec: { not: null } },
    data: { withheldTimerSec: null },
  });
  if (count > 0) ctx.publish.toUser(userId, "conversation:patched", { conversationId: chat.id, messageTimerSec: chat.messageTimerSec });
}

export async function listBlocked(ctx: Ctx) {
  const rows = await ctx.db.block.findMany({
    where: { blockerId: ctx.actor.id },
    orderBy: { createdAt: "desc" },
    select: { blocked: { select: userSummarySelect(ctx.actor.id) } },
  });
  return rows.map((r) => toUserSummary(r.blocked));
}
