// Where does a history page request's time go? Runs the pieces of GET
// /api/v1/conversations/:id/messages in-process (session cookie → session row → rate limits →
// listMessages) against a DM with `--messages` seeded messages on 127.0.0.1:5432, with every SQL
// round trip timed (pg's Client.query wrapped), for the latest page and pages before random seqs.
//
//   npx tsx bench/profile-history.ts [--messages 200000] [--requests 200] [--keep]
//
// Seeding 1M messages takes a while: `--keep` leaves the database in place and prints its URL;
// `PROFILE_DB_URL=<that url>` then reuses it (and its conversation) without seeding again.
import pg from "pg";
import { loadActiveSession } from "@/lib/auth/sessions";
import { parseCookieHeader, readSessionClaims } from "@/lib/auth/session-token";
import { contextFor } from "@/lib/context";
import { connectDb, disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { listMessages } from "@/lib/messages/list-messages";
import { consume } from "@/lib/rate-limit/limiters";
import { createDatabase, dropDatabase } from "@/lib/test-support/global-setup";
import { numberArg, silentPublisher, traceQueries } from "./lib/in-process";
import { percentiles } from "./lib/recorder";
import { mintCookie, seedDirects, seedHistory, seedUsers } from "./lib/seed";

const MESSAGES = numberArg("messages", 200_000);
const REQUESTS = numberArg("requests", 200);
const KEEP = process.argv.includes("--keep");
const ADMIN = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SECRET = "profile-history-secret-0123456789abcdef";

async function seed(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const found = await c.query<{ id: string; total: string }>(`SELECT id, "lastSeq" AS total FROM "Conversation" ORDER BY "lastSeq" DESC LIMIT 1`);
    let conversationId = found.rows[0]?.id;
    let total = Number(found.rows[0]?.total ?? 0);
    if (!conversationId) {
      const users = await seedUsers(c, 2, SECRET, "prof");
      [conversationId] = await seedDirects(c, [[users[0]!.id, users[1]!.id]]);
      const t0 = performance.now();
      await seedHistory(c, conversationId!, users.map((u) => u.id), MESSAGES);
      console.error(`seeded ${MESSAGES} messages in ${Math.round(performance.now() - t0)} ms`);
      total = MESSAGES;
    }
    const member = await c.query<{ userId: string; sessionId: string }>(
      `SELECT p."userId", s.id AS "sessionId" FROM "Participant" p JOIN "Session" s ON s."userId" = p."userId"
       WHERE p."conversationId" = $1 LIMIT 1`,
      [conversationId],
    );
    return { conversationId: conversationId!, total, ...member.rows[0]! };
  } finally {
    await c.end();
  }
}

async function main() {
  const reuse = process.env.PROFILE_DB_URL;
  const url = reuse ?? (await createDatabase(ADMIN, "convo_profile_history"));
  const db = connectDb(url, 10);
  try {
    if (!reuse) await migrate(url);
    const { conversationId, total, userId, sessionId } = await seed(url);
    const cookie = await mintCookie(SECRET, userId, sessionId);
    const ctx = contextFor({ id: userId, role: "USER" }, { db, publish: silentPublisher });

    // The route's steps, each timed; the SQL inside listMessages traced.
    const steps = { cookieJwtDecode: [] as number[], sessionLookup: [] as number[], rateLimits: [] as number[], listMessages: [] as number[], total: [] as number[] };
    const sqlMs: number[] = [];
    const roundTrips: number[] = [];
    const perStatement = new Map<string, number[]>();
    let example: string[] = [];
    const request = async (before: number | undefined, record: boolean) => {
      const t0 = performance.now();
      const jar = parseCookieHeader(cookie);
      const claims = await readSessionClaims((name) => jar.get(name), SECRET);
      const t1 = performance.now();
      const user = await loadActiveSession(db, claims!.sid, claims!.uid);
      const t2 = performance.now();
      await consume("apiIp", "127.0.0.1");
      await consume("api", user!.id);
      const t3 = performance.now();
      const stopTrace = traceQueries();
      const page = await listMessages(ctx, { conversationId, before, limit: 50 });
      const q = stopTrace();
      const t4 = performance.now();
      JSON.stringify(page);
      const t5 = performance.now();
      if (page.messages.length !== 50) throw new Error(`expected a full page, got ${page.messages.length}`);
      if (!record) return;
      steps.cookieJwtDecode.push(t1 - t0);
      steps.sessionLookup.push(t2 - t1);
      steps.rateLimits.push(t3 - t2);
      steps.listMessages.push(t4 - t3);
      steps.total.push(t5 - t0);
      sqlMs.push(q.reduce((a, x) => a + x.ms, 0));
      roundTrips.push(q.length);
      for (const x of q) (perStatement.get(x.sql) ?? perStatement.set(x.sql, []).get(x.sql)!).push(x.ms);
      if (steps.total.length === 10) example = q.map((x) => `+${(x.start - t3).toFixed(2)} ms  ${x.ms.toFixed(2)} ms  ${x.sql}`);
    };

    const randomBefore = () => 51 + Math.floor(Math.random() * (total - 50));
    process.env.RATE_LIMIT_API ??= "10000000";
    for (let i = 0; i < 30; i++) await request(i % 2 ? undefined : randomBefore(), false);
    for (let i = 0; i < REQUESTS; i++) await request(i % 4 === 0 ? undefined : randomBefore(), true);

    const listP50 = percentiles(steps.listMessages).p50!;
    console.log(
      JSON.stringify(
        {
          messagesInConversation: total,
          requests: REQUESTS,
          stepsMs: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, percentiles(v)])),
          listMessages: {
            sqlRoundTrips: percentiles(roundTrips).p50,
            sqlTimeMs: percentiles(sqlMs),
            /** listMessages wall time not spent waiting for PostgreSQL: Prisma, zod, DTOs. */
            nonSqlMsP50: Math.round((listP50 - percentiles(sqlMs).p50!) * 100) / 100,
            perStatementMsP50: Object.fromEntries([...perStatement].map(([k, v]) => [k, percentiles(v).p50])),
            example,
          },
        },
        null,
        2,
      ),
    );
    if (KEEP && !reuse) console.error(`kept: PROFILE_DB_URL=${url}`);
  } finally {
    await disconnectDb();
    if (!KEEP && !reuse) await dropDatabase(ADMIN, url);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
