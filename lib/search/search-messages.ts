import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { id } from "@/lib/validation";

/** Marks around matched words in snippets: control characters no message text can contain. */
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_END = "\u0003";

export const searchMessagesInput = z.object({
  q: z.string().trim().min(1, "Type something to search").max(200),
  conversationId: id.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(30),
});

export type SearchHit = {
  messageId: string;
  conversationId: string;
  conversationTitle: string;
  seq: number;
  senderId: string;
  senderName: string;
  createdAt: string;
  /** Text with matches between HIGHLIGHT_START and HIGHLIGHT_END; render as text, never HTML. */
  snippet: string;
};

/**
 * Words of the query as a safe tsquery: letters and digits only (no operators can be injected),
 * all required, the last one as a prefix so results appear while typing.
 */
export function toTsQuery(q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(" & ");
}

/**
 * Full-text search over the messages of chats I'm in, newest first (as chat apps list them; a
 * relevance rank would have to score every match, and a short prefix matches a large part of a
 * long chat). Never returns messages deleted for everyone or hidden for me.
 */
export async function searchMessages(ctx: Ctx, input: z.input<typeof searchMessagesInput>): Promise<SearchHit[]> {
  const { q, conversationId, limit } = searchMessagesInput.parse(input);
  const tsquery = toTsQuery(q);
  if (!tsquery) return [];
  if (!conversationId) return (await findHits(ctx, tsquery, Prisma.empty, Prisma.sql`m."createdAt" DESC, m.id DESC`, limit)).map(toHit);

  // In one chat, seq order is time order. A common word is found fastest by walking the newest
  // messages through the (conversationId, seq) index, a rare one through the word index, and the
  // planner cannot tell which a word is (it has no statistics for a word it never saw: walking
  // a 1M-message chat for a word it does not contain took 0.35 s). So: the newest
  // RECENT_WINDOW messages one by one, then older ones through the word index if the page is
  // not full yet.
  const chat = Prisma.sql`AND m."conversationId" = ${conversationId}::uuid`;
  const floor = Prisma.sql`(SELECT c2."lastSeq" - ${RECENT_WINDOW} FROM "Conversation" c2 WHERE c2.id = ${conversationId}::uuid)`;
  const recent = await findHits(ctx, tsquery, Prisma.sql`${chat} AND m.seq > ${floor}`, Prisma.sql`m.seq DESC`, limit);
  if (recent.length === limit) return recent.map(toHit);
  // "+ 0" makes it a sort of the matches, so they come from the word index, not a walk of the chat.
  const older = await findHits(
    ctx,
    tsquery,
    Prisma.sql`${chat} AND ${floor} > 0 AND m.seq <= ${floor}`,
    Prisma.sql`m.seq + 0 DESC`,
    limit - recent.length,
  );
  return [...recent, ...older].map(toHit);
}

/** How many of a chat's newest messages a search tests one by one before using the word index. */
export const RECENT_WINDOW = 5_000;

type HitRow = {
  id: string;
  conversationId: string;
  seq: bigint;
  senderId: string;
  senderName: string;
  createdAt: Date;
  snippet: string;
  title: string | null;
};

/** Matches of `tsquery` in my chats within `scope`, in `order`, with snippet and chat title. */
function findHits(ctx: Ctx, tsquery: string, scope: Prisma.Sql, order: Prisma.Sql, limit: number): Promise<HitRow[]> {
  return ctx.db.$queryRaw<HitRow[]>`
    WITH query AS (SELECT to_tsquery('simple', ${tsquery}) AS q)
    SELECT m.id, m."conversationId", m.seq, m."senderId", u.name AS "senderName", m."createdAt",
           ts_headline('simple', m.text, query.q,
             ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=20, MinWords=8`}) AS snippet,
           CASE WHEN c.type = 'GROUP' THEN COALESCE(c.name, 'Group')
                ELSE (SELECT pu.name FROM "Participant" op JOIN "User" pu ON pu.id = op."userId"
                      WHERE op."conversationId" = c.id AND op."userId" <> ${ctx.actor.id}::uuid LIMIT 1) END AS title
    FROM query, "Message" m
    JOIN "Participant" p ON p."conversationId" = m."conversationId" AND p."userId" = ${ctx.actor.id}::uuid AND p."leftAt" IS NULL
    JOIN "Conversation" c ON c.id = m."conversationId"
    JOIN "User" u ON u.id = m."senderId"
    WHERE m.search_custom @@ query.q
      AND m."deletedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "MessageHide" h WHERE h."messageId" = m.id AND h."userId" = ${ctx.actor.id}::uuid)
      ${scope}
    ORDER BY ${order}
    LIMIT ${limit}`;
}

function toHit(r: HitRow): SearchHit {
  return {
    messageId: r.id,
    conversationId: r.conversationId,
    conversationTitle: r.title ?? "Chat",
    seq: Number(r.seq),
    senderId: r.senderId,
    senderName: r.senderName,
    createdAt: r.createdAt.toISOString(),
    snippet: r.snippet,
  };
}
