import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { CONVERSATION_NOT_FOUND, readAccessSql } from "@/lib/conversations/membership";
import { queryDirect } from "@/lib/db/direct-query";
import { preparedStatement } from "@/lib/db/prepared-statements";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MessagePage } from "@/lib/realtime/contract";
import { id, seq } from "@/lib/validation";
import { toMessageDto, type MessageRow } from "./message-dto";
import { messageRowColumns, messageRowJoins, toMessageRow, type MessageRowRecord } from "./message-rows";

export const PAGE_SIZE = 50;

export const listMessagesInput = z.object({
  conversationId: id,
  /** Older than this seq (keyset); omitted → the latest page. */
  before: seq.optional(),
  /** Newer than this seq, oldest first (filling the gap after a jump with `around`). */
  after: seq.optional(),
  /** A page centred on this seq (opening a search result or a reply's original). */
  around: seq.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(PAGE_SIZE),
});

/** A page of a conversation I'm in, oldest first, without the messages I deleted for me or cleared. */
export async function listMessages(ctx: Ctx, input: z.input<typeof listMessagesInput>): Promise<MessagePage> {
  const { conversationId, before, after, around, limit } = listMessagesInput.parse(input);
  if (around !== undefined && before === undefined) {
    // Everything up to a little past the target: the page ends after it, with context above.
    return olderPage(ctx, conversationId, around + Math.floor(limit / 2) + 1, limit);
  }
  if (after !== undefined) {
    const newer = await readPage(ctx, conversationId, Prisma.sql`AND m.seq > ${after}::bigint`, "ASC", limit + 1);
    const page = newer.slice(0, limit).map((row) => toMessageDto(row, ctx.actor.id));
    return { messages: page, nextBefore: null, nextAfter: newer.length > limit ? page.at(-1)!.seq : null };
  }
  return olderPage(ctx, conversationId, before, limit);
}

async function olderPage(ctx: Ctx, conversationId: string, before: number | undefined, limit: number): Promise<MessagePage> {
  const bound = before !== undefined ? Prisma.sql`AND m.seq < ${before}::bigint` : Prisma.empty;
  const rows = await readPage(ctx, conversationId, bound, "DESC", limit + 1);
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit).reverse().map((row) => toMessageDto(row, ctx.actor.id));
  return { messages: page, nextBefore: hasMore && page.length > 0 ? page[0]!.seq : null };
}

/** Where I cleared the chat (0 if never, or when reading a public group as an admin who is not in it). */
const clearedSeqSql = (userId: string, conversationId: string) => Prisma.sql`COALESCE((SELECT p."clearedSeq" FROM "Participant" p
  WHERE p."conversationId" = ${conversationId}::uuid AND p."userId" = ${userId}::uuid), 0)`;

/** The access flag, then the page's messages; one row of NULL message columns when there are none. */
type PageRecord = { allowed: boolean } & (MessageRowRecord | { id: null });

/**
 * Up to `take` messages past the seq bound in seq order `order`, with
 * the read-access check in the same statement: one round trip per page. The access row comes
 * back even when the page is empty, so "no access" (NOT_FOUND) and "no messages" differ.
 */
async function readPage(
  ctx: Ctx,
  conversationId: string,
  bound: Prisma.Sql,
  order: "ASC" | "DESC",
  take: number,
): Promise<MessageRow[]> {
  const rows = await queryDirect<PageRecord>(ctx.db, Prisma.sql`${preparedStatement("message-page")}
    SELECT access.allowed, ${messageRowColumns}
    FROM (SELECT ${readAccessSql(ctx.actor, conversationId)} AS allowed) access
    LEFT JOIN LATERAL (
      SELECT m.* FROM "Message" m
      WHERE access.allowed AND m."conversationId" = ${conversationId}::uuid
        AND m.seq > ${clearedSeqSql(ctx.actor.id, conversationId)}
        AND NOT EXISTS (
          SELECT 1 FROM "MessageHide" h WHERE h."messageId" = m.id AND h."userId" = ${ctx.actor.id}::uuid
          -- OFFSET 0 keeps this a per-row index probe: as an anti-join, PostgreSQL may read all
          -- of my hidden messages (every chat) once per page, slow for someone who hid many.
          OFFSET 0)
        ${bound}
      ORDER BY m.seq ${Prisma.raw(order)}
      -- A literal (take is a validated integer): with a parameter, the reusable generic plan
      -- would assume a tenth of the table and sort it.
      LIMIT ${Prisma.raw(String(take))}
    ) m ON true
    ${messageRowJoins}
    ORDER BY m.seq ${Prisma.raw(order)}`);
  if (!rows[0]?.allowed) throw notFound(CONVERSATION_NOT_FOUND);
  return rows.filter((r): r is PageRecord & MessageRowRecord => r.id !== null).map(toMessageRow);
}
