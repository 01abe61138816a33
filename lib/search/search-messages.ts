import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { queryDirect } from "@/lib/db/direct-query";
import { Prisma } from "@/lib/generated/prisma/client";
import { MAX_MESSAGE_QUERY } from "@/lib/limits";
import { id } from "@/lib/validation";
import { newestMatches } from "./newest-matches";

/** Marks around matched words in snippets: control characters no message text can contain. */
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_END = "\u0003";

export const searchMessagesInput = z.object({
  q: z.string().trim().min(1, "Type something to search").max(MAX_MESSAGE_QUERY),
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
  const matches = await newestMatches(ctx, tsquery, conversationId, limit);
  if (matches.length === 0) return [];
  return (await withSnippets(ctx, tsquery, matches.map((m) => m.id))).map(toHit);
}

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

/**
 * The found messages with snippet, sender and chat title, newest first: for the page only, as a
 * headline costs more than finding the match. Membership is checked again, not the match.
 */
function withSnippets(ctx: Ctx, tsquery: string, messageIds: string[]): Promise<HitRow[]> {
  return queryDirect<HitRow>(ctx.db, Prisma.sql`
    WITH query AS (SELECT to_tsquery('simple', ${tsquery}) AS q)
    SELECT m.id, m."conversationId", m.seq, m."senderId", u.name AS "senderName", m."createdAt",
           -- The marks typed into a message itself would read as highlights: taken out first.
           -- My withheld edit is the text I am shown (see newestMatches).
           ts_headline('simple', translate(CASE WHEN m."senderId" = ${ctx.actor.id}::uuid AND m."withheldText" IS NOT NULL THEN m."withheldText" ELSE m.text END,
                                           ${HIGHLIGHT_START + HIGHLIGHT_END}, ''), query.q,
             ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=20, MinWords=8`}) AS snippet,
           CASE WHEN c.type = 'GROUP' THEN COALESCE(c.name, 'Group')
                ELSE (SELECT pu.name FROM "Participant" op JOIN "User" pu ON pu.id = op."userId"
                      WHERE op."conversationId" = c.id AND op."userId" <> ${ctx.actor.id}::uuid LIMIT 1) END AS title
    FROM query, "Message" m
    JOIN "Participant" p ON p."conversationId" = m."conversationId" AND p."userId" = ${ctx.actor.id}::uuid AND p."leftAt" IS NULL
    JOIN "Conversation" c ON c.id = m."conversationId"
    JOIN "User" u ON u.id = m."senderId"
    WHERE m.id = ANY(${messageIds}::uuid[])
    ORDER BY m."createdAt" DESC, m.seq DESC, m.id DESC`);
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
