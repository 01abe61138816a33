import { z } from "zod";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { conversationSummaries } from "./conversation-summaries";
import { requireMembership } from "./membership";

export const clearChatInput = z.object({ conversationId: id });

/**
 * "Clear chat": every message so far leaves my view of the chat (history, sync, search, media
 * and my stars on them); messages sent after it show as usual. Nobody else sees a change, and no
 * read receipt is sent for what was unread.
 */
export async function clearChat(
  ctx: Ctx,
  input: z.input<typeof clearChatInput>,
): Promise<{ conversation: ConversationSummary; clearedSeq: number }> {
  const { conversationId } = clearChatInput.parse(input);
  const me = ctx.actor.id;
  await requireMembership(ctx.db, me, conversationId);
  const clearedSeq = await clearMyView(ctx.db, me, conversationId, { deleteChat: false });
  const [summary] = await conversationSummaries(ctx.db, me, conversationId);
  ctx.publish.toUser(me, "conversation:cleared", { conversationId, clearedSeq });
  ctx.publish.toUser(me, "conversation:updated", summary!);
  return { conversation: summary!, clearedSeq };
}

/**
 * Clears my view of the chat up to its last message stored when this runs (one stored a moment
 * later stays) and drops my stars there. `deleteChat` also takes the chat out of my list, unpinned,
 * unarchived, not marked unread, until a later message brings it back; a plain clear keeps it
 * listed, also after an earlier delete.
 */
export async function clearMyView(db: Db, me: string, conversationId: string, { deleteChat }: { deleteChat: boolean }): Promise<number> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ clearedSeq: bigint }[]>`
      UPDATE "Participant" p
      SET "clearedSeq" = GREATEST(p."clearedSeq", c."lastSeq"),
          "chatDeletedAt" = CASE WHEN ${deleteChat} THEN now() END,
          "isPinned" = p."isPinned" AND NOT ${deleteChat},
          "isArchived" = p."isArchived" AND NOT ${deleteChat},
          "markedUnread" = p."markedUnread" AND NOT ${deleteChat}
      FROM "Conversation" c
      WHERE c.id = p."conversationId" AND p."conversationId" = ${conversationId}::uuid AND p."userId" = ${me}::uuid
      RETURNING p."clearedSeq"`;
    const upTo = row!.clearedSeq;
    await tx.star.deleteMany({ where: { userId: me, message: { conversationId, seq: { lte: upTo } } } });
    return Number(upTo);
  });
}
