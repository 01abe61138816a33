import type { Ctx } from "@/lib/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryDirect } from "@/lib/db/direct-query";

// Which messages match a search, newest first.
//
// In one chat, seq order is time order, and a common word is found fastest by walking the chat's
// newest messages through the (conversationId, seq) index, a rare one through the word index
// (GIN). The planner cannot tell which a word is (it has no statistics for a word it never saw:
// walking a 1M-message chat for a word it does not contain took 0.35 s, and the word index
// answered a prefix matching a third of that chat in 0.4 s). So the chat's newest messages are
// tested one by one; if the word is there but sparse, the walk goes on as far as its hit rate
// says a page needs; only then are older matches taken from the word index.
//
// Across all my chats, the word index finds every match and they are sorted by time. Walking
// each chat as well was tried and measured slower for someone in many chats: the chats where a
// word is absent still need the word index, which has no chat column, so it reads the word's
// matches in every chat anyway.

/** How many of a chat's newest messages a search tests one by one first. */
export const RECENT_WINDOW = 5_000;
/** The most a chat where the word is sparse is walked further. */
const MAX_EXTRA_WALK = 20_000;

export type Match = { id: string; conversationId: string; seq: bigint; createdAt: Date };

/** Up to `limit` matches of `tsquery` in my chats, or in one of them, newest first. */
export async function newestMatches(ctx: Ctx, tsquery: string, conversationId: string | undefined, limit: number): Promise<Match[]> {
  const [stored, edited] = await Promise.all([matchesOfStoredText(ctx, tsquery, conversationId, limit), myWithheldEdits(ctx, tsquery, conversationId, limit)]);
  if (edited.length === 0) return stored;
  return [...stored, ...edited].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || Number(b.seq - a.seq)).slice(0, limit);
}

async function matchesOfStoredText(ctx: Ctx, tsquery: string, conversationId: string | undefined, limit: number): Promise<Match[]> {
  if (!conversationId) return fromWordIndex(ctx, tsquery, Prisma.empty, limit);
  const [chat] = await queryDirect<{ lastSeq: bigint; clearedSeq: bigint }>(ctx.db, Prisma.sql`
    SELECT c."lastSeq", p."clearedSeq" FROM "Participant" p JOIN "Conversation" c ON c.id = p."conversationId"
    WHERE p."userId" = ${ctx.actor.id}::uuid AND p."leftAt" IS NULL AND c.id = ${conversationId}::uuid`);
  if (!chat) return [];

  const found: Match[] = [];
  // Messages up to clearedSeq are gone from my view ("Clear chat").
  const floor = chat.clearedSeq;
  const shown = chat.lastSeq - floor;
  const window = shown < BigInt(RECENT_WINDOW) ? shown : BigInt(RECENT_WINDOW);
  let lower = chat.lastSeq - window;
  let hits = await walk(ctx, tsquery, conversationId, { upper: chat.lastSeq, lower }, limit, found);
  if (lower > floor && hits > 0 && hits < limit) {
    // There but sparse: walk on, twice as far as the hit rate says the rest of the page needs.
    const extra = BigInt(Math.min(MAX_EXTRA_WALK, Math.ceil((2 * (limit - hits) * Number(window)) / hits)));
    const upper = lower;
    lower = lower - floor > extra ? lower - extra : floor;
    hits += await walk(ctx, tsquery, conversationId, { upper, lower }, limit - hits, found);
  }
  if (hits >= limit || lower === floor) return found;
  // "IS TRUE" keeps the (conversationId, seq) index out: only the word index can serve this.
  const older = Prisma.sql`AND (m."conversationId" = ${conversationId}::uuid AND m.seq <= ${lower}) IS TRUE`;
  return [...found, ...(await fromWordIndex(ctx, tsquery, older, limit - hits))];
}

/** Message `m` is one search may list: not deleted for everyone, not hidden for me. */
const shownToMe = (ctx: Ctx) =>
  Prisma.sql`m."deletedAt" IS NULL
    AND NOT EXISTS (SELECT 1 FROM "MessageHide" h WHERE h."messageId" = m.id AND h."userId" = ${ctx.actor.id}::uuid)`;

/** …and found by its stored text: not mine with an edit withheld from the other person (I see, and find, the edit). */
const foundByStoredText = (ctx: Ctx) =>
  Prisma.sql`${shownToMe(ctx)} AND NOT (m."withheldText" IS NOT NULL AND m."senderId" = ${ctx.actor.id}::uuid)`;

/**
 * My messages whose edit was withheld from the other person, matched by that edit's words (the
 * text I am shown), newest first. They are few, and found through a partial index of their own.
 */
function myWithheldEdits(ctx: Ctx, tsquery: string, conversationId: string | undefined, limit: number): Promise<Match[]> {
  const inChat = conversationId ? Prisma.sql`AND m."conversationId" = ${conversationId}::uuid` : Prisma.empty;
  return queryDirect<Match>(ctx.db, Prisma.sql`
    WITH query AS (SELECT to_tsquery('simple', ${tsquery}) AS q)
    SELECT m.id, m."conversationId", m.seq, m."createdAt"
    FROM query, "Message" m
    JOIN "Participant" p ON p."conversationId" = m."conversationId" AND p."userId" = ${ctx.actor.id}::uuid AND p."leftAt" IS NULL
    WHERE m."senderId" = ${ctx.actor.id}::uuid AND m."withheldText" IS NOT NULL
      AND to_tsvector('simple', m."withheldText") @@ query.q
      AND ${shownToMe(ctx)} AND m.seq > p."clearedSeq"
      ${inChat}
    ORDER BY m."createdAt" DESC, m.seq DESC
    LIMIT ${limit}`);
}

/** Every match within `scope` from the word index, sorted by time: the newest `limit`. */
function fromWordIndex(ctx: Ctx, tsquery: string, scope: Prisma.Sql, limit: number): Promise<Match[]> {
  return queryDirect<Match>(ctx.db, Prisma.sql`
    WITH query AS (SELECT to_tsquery('simple', ${tsquery}) AS q)
    SELECT m.id, m."conversationId", m.seq, m."createdAt"
    FROM query, "Message" m
    JOIN "Participant" p ON p."conversationId" = m."conversationId" AND p."userId" = ${ctx.actor.id}::uuid AND p."leftAt" IS NULL
    WHERE m.search_custom @@ query.q AND ${foundByStoredText(ctx)} AND m.seq > p."clearedSeq"
      ${scope}
    ORDER BY m."createdAt" DESC, m.seq DESC
    LIMIT ${limit}`);
}

/** Tests the chat's messages with lower < seq ≤ upper one by one, newest first; adds up to `limit` matches to `found`. */
async function walk(
  ctx: Ctx,
  tsquery: string,
  conversationId: string,
  range: { upper: bigint; lower: bigint },
  limit: number,
  found: Match[],
): Promise<number> {
  const rows = await queryDirect<Match>(ctx.db, Prisma.sql`
    WITH query AS (SELECT to_tsquery('simple', ${tsquery}) AS q)
    SELECT m.id, m."conversationId", m.seq, m."createdAt" FROM "Message" m, query
    -- "IS TRUE" keeps the word index out of this walk: it would fetch every match of the chat.
    WHERE m."conversationId" = ${conversationId}::uuid AND m.seq <= ${range.upper} AND m.seq > ${range.lower}
      AND (m.search_custom @@ query.q) IS TRUE AND ${foundByStoredText(ctx)}
    ORDER BY m.seq DESC
    LIMIT ${limit}`);
  found.push(...rows);
  return rows.length;
}
