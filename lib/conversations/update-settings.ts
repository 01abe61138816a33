import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { conversationSummaries } from "./conversation-summaries";
import { requireMembership } from "./membership";

export const MAX_PINNED = 3;

export const updateSettingsInput = z
  .object({
    conversationId: id,
    isPinned: z.boolean().optional(),
    isMuted: z.boolean().optional(),
    isArchived: z.boolean().optional(),
    markedUnread: z.boolean().optional(),
  })
  .refine((s) => [s.isPinned, s.isMuted, s.isArchived, s.markedUnread].some((v) => v !== undefined), "Nothing to change");

/** My own view of a chat: pinned (at most three), muted, archived, marked unread. Others see no change. */
export async function updateConversationSettings(
  ctx: Ctx,
  input: z.input<typeof updateSettingsInput>,
): Promise<ConversationSummary> {
  const { conversationId, ...settings } = updateSettingsInput.parse(input);
  const me = ctx.actor.id;
  await requireMembership(ctx.db, me, conversationId);
  if (settings.isPinned) {
    const pinned = await ctx.db.participant.count({
      where: { userId: me, leftAt: null, isPinned: true, conversationId: { not: conversationId } },
    });
    if (pinned >= MAX_PINNED) throw new AppError("CONFLICT", `You can only pin ${MAX_PINNED} chats`);
  }
  // Archiving a chat unpins it, as in WhatsApp.
  const data = settings.isArchived ? { ...settings, isPinned: false } : settings;
  await ctx.db.participant.update({ where: { conversationId_userId: { conversationId, userId: me } }, data });
  const [summary] = await conversationSummaries(ctx.db, me, conversationId);
  ctx.publish.toUser(me, "conversation:updated", summary!);
  return summary!;
}
