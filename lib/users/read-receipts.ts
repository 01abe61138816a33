// "Read receipts" privacy setting, as WhatsApp has it: someone who turns it off neither sends
// nor sees read receipts in direct chats; groups always show them. Their own unread counts keep
// working (their read mark still moves); only what others learn of it is held back.
import type { Ctx } from "@/lib/context";
import { queryDirect } from "@/lib/db/direct-query";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReceiptEvent } from "@/lib/realtime/contract";

/** SQL: whether the "User" row under `alias` sends read receipts (on unless turned off). */
function readReceiptsOn(alias: string): Prisma.Sql {
  return Prisma.sql`COALESCE((${Prisma.raw(`${alias}.settings`)}->>'readReceipts')::boolean, true)`;
}

/** SQL: whether the "Conversation" row under `alias` shows read receipts to its members. */
export function readReceiptsShared(alias: string): Prisma.Sql {
  const c = Prisma.raw(alias);
  return Prisma.sql`(${c}.type = 'GROUP' OR NOT EXISTS (
    SELECT 1 FROM "Participant" rp JOIN "User" ru ON ru.id = rp."userId"
    WHERE rp."conversationId" = ${c}.id AND NOT ${readReceiptsOn("ru")}))`;
}

/** What the other members may learn from a receipt of a chat that doesn't share reads: delivery only. */
export function withoutReads(event: ReceiptEvent): ReceiptEvent {
  return { ...event, readSeq: 0, minReadSeq: 0 };
}

/**
 * After I turned read receipts on or off: both people of each of my direct chats learn whether
 * it now shows them (on only when both have them on). Browsers that see them come back ask
 * for the chat's watermarks again.
 */
export async function announceReadReceipts(ctx: Ctx): Promise<void> {
  const chats = await queryDirect<{ id: string; shared: boolean }>(ctx.db, Prisma.sql`
    SELECT c.id, ${readReceiptsShared("c")} AS shared
    FROM "Participant" p JOIN "Conversation" c ON c.id = p."conversationId"
    WHERE p."userId" = ${ctx.actor.id}::uuid AND p."leftAt" IS NULL AND c.type = 'DIRECT'`);
  for (const chat of chats) ctx.publish.toConversation(chat.id, "conversation:patched", { conversationId: chat.id, readReceipts: chat.shared });
}
