import type { Ctx } from "@/lib/context";
import { queryDirect } from "@/lib/db/direct-query";
import { preparedStatement } from "@/lib/db/prepared-statements";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MessageDto } from "@/lib/realtime/contract";
import { readMessageRow, toMessageDto, withheldAuthors, type MessageRow } from "./message-dto";

/**
 * Tells the chat's members of a new or changed message, each as they are shown it: a withheld
 * message (the other person blocks the sender) reaches only the sender's devices, and the
 * authors of withheld reactions or votes get the one view that shows theirs. Returns the message
 * as the actor is shown it, for their answer.
 */
export function publishMessage(ctx: Ctx, event: "message:new" | "message:updated", row: MessageRow, notShownTo: readonly string[] = []): MessageDto {
  const shown = (userId: string) => !notShownTo.includes(userId);
  if (row.withheld) {
    const senderView = toMessageDto(row, row.senderId);
    if (shown(row.senderId)) ctx.publish.toUser(row.senderId, event, senderView);
    return row.senderId === ctx.actor.id ? senderView : toMessageDto(row, ctx.actor.id);
  }
  const authors = withheldAuthors(row);
  const shared = toMessageDto(row, null);
  const excepted = [...new Set([...authors, ...notShownTo])];
  if (excepted.length === 0) {
    ctx.publish.toConversation(row.conversationId, event, shared);
    return shared;
  }
  ctx.publish.toConversationExceptUsers(row.conversationId, excepted, event, shared);
  for (const author of authors.filter(shown)) ctx.publish.toUser(author, event, toMessageDto(row, author));
  return authors.includes(ctx.actor.id) ? toMessageDto(row, ctx.actor.id) : shared;
}

/**
 * Tells the chat of a message that changed (an edit, a reaction, a vote), read afresh. Members who
 * deleted it for themselves, or cleared the chat past it, are not told: their screens dropped it,
 * and the update would bring it back.
 */
export async function publishUpdate(ctx: Ctx, messageId: string): Promise<MessageDto> {
  const [row, notShownTo] = await Promise.all([raiseVersion(ctx, messageId).then(() => readMessageRow(ctx.db, messageId)), usersNotShown(ctx, messageId)]);
  return publishMessage(ctx, "message:updated", row, notShownTo);
}

/**
 * After the change, before the copy is read: a copy read before the change has a lower version
 * than this update's, and one read after it has this change in it (see MessageDto.version).
 */
async function raiseVersion(ctx: Ctx, messageId: string): Promise<void> {
  await queryDirect(ctx.db, Prisma.sql`${preparedStatement("message-version")}
    UPDATE "Message" SET version = version + 1 WHERE id = ${messageId}::uuid`);
}

async function usersNotShown(ctx: Ctx, messageId: string): Promise<string[]> {
  const rows = await queryDirect<{ userId: string }>(ctx.db, Prisma.sql`${preparedStatement("message-not-shown")}
    SELECT h."userId" FROM "MessageHide" h WHERE h."messageId" = ${messageId}::uuid
    UNION
    SELECT p."userId" FROM "Message" m
    JOIN "Participant" p ON p."conversationId" = m."conversationId" AND p."leftAt" IS NULL AND p."clearedSeq" >= m.seq
    WHERE m.id = ${messageId}::uuid`);
  return rows.map((r) => r.userId);
}
