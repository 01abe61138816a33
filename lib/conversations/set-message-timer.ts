import { z } from "zod";
import { recordAudit } from "@/lib/admin/audit";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import type { ConversationType } from "@/lib/generated/prisma/client";
import { asGroupManager, type TxCtx } from "@/lib/groups/permissions";
import { postSystemMessage, userName } from "@/lib/groups/system-message";
import { assertChatWritable } from "@/lib/messages/chat-writable";
import type { ConversationPatch } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { CONVERSATION_NOT_FOUND, readAccessSql } from "./membership";
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
 * Choosing the timer the chat already has is not news: the update itself tells (so of a double
 * click, one request changes it and announces it).
 */
export async function setMessageTimer(ctx: Ctx, input: z.input<typeof messageTimerInput>): Promise<ConversationPatch> {
  const { conversationId, seconds } = messageTimerInput.parse(input);
  // Those who may read the chat (its members; site admins, in a public group) learn whether they
  // may change it; anyone else learns nothing.
  const [chat] = await ctx.db.$queryRaw<DirectChat[]>`
    SELECT type, "directKey", "archivedAt" FROM "Conversation" WHERE id = ${conversationId}::uuid AND ${readAccessSql(ctx.actor, conversationId)}`;
  if (!chat) throw notFound(CONVERSATION_NOT_FOUND);
  const { changed, withheld } = chat.type === "GROUP" ? await setGroupTimer(ctx, conversationId, seconds) : await setDirectTimer(ctx, chat, conversationId, seconds);
  const patch: ConversationPatch = { conversationId, messageTimerSec: seconds };
  if (!changed) return patch;
  // Withheld, the notice is stored withheld like any message of mine.
  await postSystemMessage(ctx, conversationId, { kind: "messageTimer", actorName: await userName(ctx, ctx.actor.id), seconds });
  if (withheld) ctx.publish.toUser(ctx.actor.id, "conversation:patched", patch);
  else ctx.publish.toConversation(conversationId, "conversation:patched", patch);
  return patch;
}

type TimerChange = { changed: boolean; withheld: boolean };
/** What assertChatWritable reads of a direct chat. */
type DirectChat = { type: ConversationType; directKey: string | null; archivedAt: Date | null };

/**
 * A group's managers, checked as for any change of the group: a public group's are site admins,
 * who set it from the admin console without joining, audited.
 */
function setGroupTimer(ctx: Ctx, conversationId: string, seconds: number | null): Promise<TimerChange> {
  return asGroupManager(ctx, conversationId, async (tx, { conversation }) => {
    await assertChatWritable(ctx, conversation);
    const changed = (await updateChatTimer(tx.db, conversationId, seconds)) > 0;
    if (changed && conversation.visibility === "PUBLIC") {
      await recordAudit(tx, { action: "group.messageTimer", targetType: "group", targetId: conversationId, before: { messageTimerSec: conversation.messageTimerSec }, after: { messageTimerSec: seconds } });
    }
    return { changed, withheld: false };
  });
}

/**
 * Either person of a direct chat (readAccessSql found me in it: no one moderates a direct chat);
 * while the other person blocks me, my change is mine alone (withheld).
 */
async function setDirectTimer(ctx: Ctx, chat: DirectChat, conversationId: string, seconds: number | null): Promise<TimerChange> {
  const { withheld } = await assertChatWritable(ctx, chat);
  const changed = withheld
    ? await ctx.db.$executeRaw`
        UPDATE "Participant" p SET "withheldTimerSec" = ${seconds ?? 0}::int
        FROM "Conversation" c
        WHERE p."conversationId" = ${conversationId}::uuid AND p."userId" = ${ctx.actor.id}::uuid AND c.id = p."conversationId"
          AND COALESCE(p."withheldTimerSec", c."messageTimerSec", 0) IS DISTINCT FROM ${seconds ?? 0}::int`
    : await updateChatTimer(ctx.db, conversationId, seconds);
  return { changed: changed > 0, withheld };
}

function updateChatTimer(db: TxCtx["db"], conversationId: string, seconds: number | null): Promise<number> {
  return db.$executeRaw`
    UPDATE "Conversation" SET "messageTimerSec" = ${seconds}::int, "updatedAt" = now()
    WHERE id = ${conversationId}::uuid AND "messageTimerSec" IS DISTINCT FROM ${seconds}::int`;
}
