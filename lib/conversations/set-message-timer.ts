import { z } from "zod";
import { recordAudit } from "@/lib/admin/audit";
import type { Ctx } from "@/lib/context";
import { requireGroupManager } from "@/lib/groups/permissions";
import { postSystemMessage, userName } from "@/lib/groups/system-message";
import { assertChatWritable } from "@/lib/messages/chat-writable";
import type { ConversationPatch } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { requireMembership } from "./membership";
import { isMessageTimer } from "./message-timers";

export const messageTimerInput = z.object({
  conversationId: id,
  /** Seconds a new message lasts; null turns disappearing messages off. */
  seconds: z
    .number()
    .int()
    .refine(isMessageTimer, "Disappearing messages last 24 hours, 7 days or 90 days")
    .nullable(),
});

/**
 * Turns disappearing messages on (24 h, 7 d or 90 d) or off for everyone in the chat. Messages
 * sent from now on keep the timer they were sent with (the insert reads it); earlier ones are
 * not touched. Either person of a direct chat may change it; in a group, those who manage it.
 * While the other person of a direct chat blocks me, my change is mine alone (withheld).
 */
export async function setMessageTimer(ctx: Ctx, input: z.input<typeof messageTimerInput>): Promise<ConversationPatch> {
  const { conversationId, seconds } = messageTimerInput.parse(input);
  const { conversation } = await requireMembership(ctx.db, ctx.actor.id, conversationId);
  const { withheld } = await assertChatWritable(ctx, conversation);
  if (conversation.type === "GROUP") await requireGroupManager(ctx, conversationId);

  const patch: ConversationPatch = { conversationId, messageTimerSec: seconds };
  // Choosing the timer the chat already has is not news: the update itself tells (so of a
  // double click, one request changes it and announces it).
  const changed = withheld
    ? await ctx.db.$executeRaw`
        UPDATE "Participant" p SET "withheldTimerSec" = ${seconds ?? 0}::int
        FROM "Conversation" c
        WHERE p."conversationId" = ${conversationId}::uuid AND p."userId" = ${ctx.actor.id}::uuid AND c.id = p."conversationId"
          AND COALESCE(p."withheldTimerSec", c."messageTimerSec", 0) IS DISTINCT FROM ${seconds ?? 0}::int`
    : await ctx.db.$executeRaw`
        UPDATE "Conversation" SET "messageTimerSec" = ${seconds}::int, "updatedAt" = now()
        WHERE id = ${conversationId}::uuid AND "messageTimerSec" IS DISTINCT FROM ${seconds}::int`;
  if (changed === 0) return patch;
  // A public group's managers are site admins: their moderation is audited.
  if (conversation.visibility === "PUBLIC") {
    await recordAudit(ctx, { action: "group.messageTimer", targetType: "group", targetId: conversationId, before: { messageTimerSec: conversation.messageTimerSec }, after: { messageTimerSec: seconds } });
  }
  // Withheld, the notice is stored withheld like any message of mine.
  await postSystemMessage(ctx, conversationId, { kind: "messageTimer", actorName: await userName(ctx, ctx.actor.id), seconds });
  if (withheld) ctx.publish.toUser(ctx.actor.id, "conversation:patched", patch);
  else ctx.publish.toConversation(conversationId, "conversation:patched", patch);
  return patch;
}
