import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { conversationSummaries } from "./conversation-summaries";
import { requireMembership } from "./membership";

export const MAX_PINNED = 3;

/** As in WhatsApp: mute for 8 hours, a week, or until unmuted. */
export const MUTE_DURATIONS = { "8h": 8 * 3600_000, "1w": 7 * 24 * 3600_000, always: null } as const;

export const updateSettingsInput = z
  .object({
    conversationId: id,
    isPinned: z.boolean().optional(),
    isMuted: z.boolean().optional(),
    /** How long a mute lasts (with isMuted: true); "always" when left out. */
    muteFor: z.enum(["8h", "1w", "always"], { error: "A mute lasts 8h, 1w or always" }).optional(),
    isArchived: z.boolean().optional(),
    markedUnread: z.boolean().optional(),
    isFavourite: z.boolean().optional(),
  })
  .refine((s) => [s.isPinned, s.isMuted, s.isArchived, s.markedUnread, s.isFavourite].some((v) => v !== undefined), "Nothing to change")
  .refine((s) => s.muteFor === undefined || s.isMuted === true, "How long to mute goes with muting");

/**
 * My own view of a chat: pinned (at most three), muted (for 8 hours, a week or always), archived,
 * marked unread, in my Favourites. Others see no change.
 */
export async function updateConversationSettings(
  ctx: Ctx,
  input: z.input<typeof updateSettingsInput>,
): Promise<ConversationSummary> {
  const { conversationId, muteFor, ...settings } = updateSettingsInput.parse(input);
  const me = ctx.actor.id;
  await requireMembership(ctx.db, me, conversationId);
  const duration = MUTE_DURATIONS[muteFor ?? "always"];
  const data = {
    ...settings,
    // Archiving a chat unpins it, as in WhatsApp.
    ...(settings.isArchived ? { isPinned: false } : {}),
    ...(settings.isMuted !== undefined ? { mutedUntil: settings.isMuted && duration !== null ? new Date(Date.now() + duration) : null } : {}),
  };
  await ctx.db.$transaction(async (tx) => {
    if (settings.isPinned) {
      // My user row's lock serialises my pins: two tabs pinning two chats at once count in turn.
      await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${me}::uuid FOR NO KEY UPDATE`;
      const pinned = await tx.participant.count({
        where: { userId: me, leftAt: null, isPinned: true, conversationId: { not: conversationId } },
      });
      if (pinned >= MAX_PINNED) throw new AppError("CONFLICT", `You can only pin ${MAX_PINNED} chats`);
    }
    await tx.participant.update({ where: { conversationId_userId: { conversationId, userId: me } }, data });
  });
  const [summary] = await conversationSummaries(ctx.db, me, conversationId);
  ctx.publish.toUser(me, "conversation:updated", summary!);
  return summary!;
}
