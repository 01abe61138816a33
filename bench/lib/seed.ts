// Fast seeding with multi-row SQL (unnest of arrays, one statement per chunk): users with
// server-side sessions and their cookies, direct chats, groups, long histories.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import type pg from "pg";

export type SeedUser = { id: string; sessionId: string; name: string; cookie: string };

const COOKIE = "authjs.session-token";
const CHUNK = 5000;

/** The cookie a browser would hold for this session (what lib/test-support/fixtures.ts mints). */
export async function mintCookie(secret: string, userId: string, sessionId: string): Promise<string> {
  const token = await encode({ token: { uid: userId, sid: sessionId, sub: userId }, secret, salt: COOKIE });
  return `${COOKIE}=${token}`;
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `count` users, each with one active session and its cookie. */
export async function seedUsers(c: pg.Client, count: number, secret: string, prefix = "bench"): Promise<SeedUser[]> {
  const run = randomUUID().slice(0, 8);
  const users = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    sessionId: randomUUID(),
    name: `${prefix} user ${i}`,
    handle: `${prefix.slice(0, 6)}_${run}_${i}`.toLowerCase().slice(0, 24),
  }));
  for (const part of chunks(users)) {
    await c.query(
      `INSERT INTO "User" (id, email, name, username, initials, "avatarColor", "updatedAt")
       SELECT id, handle || '@bench.test', name, handle, 'BU', '#4f46e5', now()
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, name, handle)`,
      [part.map((u) => u.id), part.map((u) => u.name), part.map((u) => u.handle)],
    );
    await c.query(
      `INSERT INTO "Session" (id, "userId", "expiresAt")
       SELECT sid, uid, now() + interval '1 day' FROM unnest($1::uuid[], $2::uuid[]) AS t(sid, uid)`,
      [part.map((u) => u.sessionId), part.map((u) => u.id)],
    );
  }
  const out: SeedUser[] = [];
  for (const part of chunks(users, 500)) {
    const cookies = await Promise.all(part.map((u) => mintCookie(secret, u.id, u.sessionId)));
    part.forEach((u, i) => out.push({ id: u.id, sessionId: u.sessionId, name: u.name, cookie: cookies[i]! }));
  }
  return out;
}

/** One direct chat per pair (directKey = the two ids sorted, joined by ":"). Returns their ids. */
export async function seedDirects(c: pg.Client, pairs: [string, string][]): Promise<string[]> {
  const rows = pairs.map(([a, b]) => ({ id: randomUUID(), a, b, key: [a, b].sort().join(":") }));
  for (const part of chunks(rows)) {
    await c.query(
      `INSERT INTO "Conversation" (id, type, "directKey", "updatedAt")
       SELECT id, 'DIRECT', key, now() FROM unnest($1::uuid[], $2::text[]) AS t(id, key)`,
      [part.map((r) => r.id), part.map((r) => r.key)],
    );
    await c.query(
      `INSERT INTO "Participant" ("conversationId", "userId")
       SELECT cid, uid FROM unnest($1::uuid[], $2::uuid[]) AS t(cid, uid)`,
      [part.flatMap((r) => [r.id, r.id]), part.flatMap((r) => [r.a, r.b])],
    );
  }
  return rows.map((r) => r.id);
}

/** A public group with these members (the first one owns it). */
export async function seedGroup(c: pg.Client, name: string, memberIds: string[]): Promise<string> {
  const id = randomUUID();
  await c.query(
    `INSERT INTO "Conversation" (id, type, name, visibility, "createdById", "updatedAt") VALUES ($1, 'GROUP', $2, 'PUBLIC', $3, now())`,
    [id, name, memberIds[0] ?? null],
  );
  for (const part of chunks(memberIds)) {
    await c.query(
      `INSERT INTO "Participant" ("conversationId", "userId", role)
       SELECT $1::uuid, uid, CASE WHEN uid = $3::uuid THEN 'OWNER'::"ParticipantRole" ELSE 'MEMBER'::"ParticipantRole" END
       FROM unnest($2::uuid[]) AS t(uid)`,
      [id, part, memberIds[0]],
    );
  }
  return id;
}

/** Words of the seeded history: searches pick from them. */
export const HISTORY_WORDS = (() => {
  const syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "sha", "do", "gu", "fi", "be", "yo", "qua"];
  const words: string[] = [];
  for (const a of syllables) for (const b of syllables) for (const c of ["n", "r", "s", "x"]) words.push(`${a}${b}${c}`);
  return words; // 1024 words
})();

/**
 * `count` messages in one conversation, alternating between the senders, generated inside
 * PostgreSQL (INSERT … SELECT generate_series, in chunks), with Conversation.lastSeq and the
 * members' watermarks set to the end. The full-text index is dropped during the load and
 * rebuilt once afterwards (far faster than maintaining it row by row).
 */
export async function seedHistory(
  c: pg.Client,
  conversationId: string,
  senderIds: string[],
  count: number,
  progress: (done: number) => void = () => {},
): Promise<{ indexRebuildMs: number }> {
  const words = HISTORY_WORDS;
  const ftsIndex = await c.query<{ indexdef: string }>(
    `SELECT indexdef FROM pg_indexes WHERE tablename = 'Message' AND indexname = 'message_search_custom'`,
  );
  if (ftsIndex.rows[0]) await c.query(`DROP INDEX "message_search_custom"`);
  const step = 100_000;
  for (let from = 1; from <= count; from += step) {
    const to = Math.min(count, from + step - 1);
    // Text: 4–9 words from the vocabulary, random per row.
    await c.query(
      `INSERT INTO "Message" (id, "conversationId", seq, "senderId", "clientId", type, text, "createdAt")
       SELECT gen_random_uuid(), $1::uuid, s, ($2::uuid[])[1 + (s % array_length($2::uuid[], 1))],
              'h' || s::text || '-' || substr(md5($1 || s::text), 1, 8), 'TEXT',
              (SELECT string_agg(($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int], ' ')
                 FROM generate_series(1, 4 + (s % 6)) AS w(i) WHERE s > 0),
              now() - make_interval(secs => ($4::bigint - s))
       FROM generate_series($5::bigint, $6::bigint) AS s`,
      [conversationId, senderIds, words, count, from, to],
    );
    progress(to);
  }
  await c.query(
    `UPDATE "Conversation" SET "lastSeq" = $2, "lastMessageAt" = now(), "updatedAt" = now() WHERE id = $1`,
    [conversationId, count],
  );
  await c.query(`UPDATE "Participant" SET "readSeq" = $2, "deliveredSeq" = $2 WHERE "conversationId" = $1`, [conversationId, count]);
  const started = performance.now();
  if (ftsIndex.rows[0]) await c.query(ftsIndex.rows[0].indexdef);
  // VACUUM as well as ANALYZE: a chat that grew to this size has been vacuumed, and otherwise
  // autovacuum's pass over the fresh rows would run during the measurement.
  await c.query(`VACUUM (ANALYZE) "Message"`);
  return { indexRebuildMs: Math.round(performance.now() - started) };
}
