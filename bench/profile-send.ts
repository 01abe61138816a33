// Where does one message's time go? Runs the real sendMessage() in-process against a fresh
// database on 127.0.0.1:5432 with every SQL round trip timed (pg's Client.query wrapped), first
// one at a time (the anatomy of one send), then with `--concurrency` senders at once.
//
//   npx tsx bench/profile-send.ts [--messages 300] [--concurrency 20] [--pool 10]
import { randomUUID } from "node:crypto";
import pg from "pg";
import { contextFor } from "@/lib/context";
import { connectDb, disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { sendMessage } from "@/lib/messages/send-message";
import { createDatabase, dropDatabase } from "@/lib/test-support/global-setup";
import { numberArg, silentPublisher, traceQueries, type TracedQuery } from "./lib/in-process";
import { percentiles } from "./lib/recorder";
import { seedDirects, seedUsers } from "./lib/seed";

const MESSAGES = numberArg("messages", 300);
const CONCURRENCY = numberArg("concurrency", 20);
const POOL = numberArg("pool", 10);
const ADMIN = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function main() {
  const url = await createDatabase(ADMIN, "convo_profile");
  // The server's own client: the batched insert runs on the pool beneath it (queryDirect).
  const db = connectDb(url, POOL);
  try {
    await migrate(url);
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    const users = await seedUsers(setup, 2 * CONCURRENCY, "x".repeat(32), "prof");
    const pairs: [string, string][] = [];
    for (let i = 0; i < users.length; i += 2) pairs.push([users[i]!.id, users[i + 1]!.id]);
    const convs = await seedDirects(setup, pairs);
    await setup.end();
    const ctxs = users.map((u) => contextFor({ id: u.id, role: "USER" }, { db, publish: silentPublisher }));

    // Warm-up (query plans, Prisma's compiler caches).
    for (let i = 0; i < 30; i++) await sendMessage(ctxs[0]!, { conversationId: convs[0]!, clientId: randomUUID(), text: "warm up" });

    // 1. One at a time: the anatomy of a send.
    const walls: number[] = [];
    const sqlTotals: number[] = [];
    const counts: number[] = [];
    let example: TracedQuery[] = [];
    const perStatement = new Map<string, number[]>();
    for (let i = 0; i < MESSAGES; i++) {
      const stopTrace = traceQueries();
      const t0 = performance.now();
      await sendMessage(ctxs[0]!, { conversationId: convs[0]!, clientId: randomUUID(), text: `message ${i}` });
      const wall = performance.now() - t0;
      const q = stopTrace();
      walls.push(wall);
      sqlTotals.push(q.reduce((a, x) => a + x.ms, 0));
      counts.push(q.length);
      for (const x of q) {
        const key = x.sql.slice(0, 60);
        (perStatement.get(key) ?? perStatement.set(key, []).get(key)!).push(x.ms);
      }
      if (i === Math.floor(MESSAGES / 2)) example = q.map((x) => ({ ...x, start: x.start - t0 }));
    }
    const sequential = {
      messages: MESSAGES,
      wallMs: percentiles(walls),
      sqlRoundTripsPerMessage: percentiles(counts).p50,
      sqlTimeMs: percentiles(sqlTotals),
      /** Wall time not spent waiting for PostgreSQL: Prisma (query compile/interpret), zod, DTOs, event loop. */
      nonSqlMsP50: Math.round((percentiles(walls).p50! - percentiles(sqlTotals).p50!) * 100) / 100,
      exampleSend: example.map((x) => `+${x.start.toFixed(2)} ms  ${x.ms.toFixed(2)} ms  ${x.sql}`),
      perStatementMsP50: Object.fromEntries([...perStatement].map(([k, v]) => [k, percentiles(v).p50])),
    };

    // 2. Concurrent senders (each in its own conversation), as fast as they can.
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const lat: number[] = [];
    let done = 0;
    await Promise.all(
      ctxs.filter((_, j) => j % 2 === 0).slice(0, CONCURRENCY).map(async (ctx, i) => {
        for (let k = 0; k < Math.ceil(MESSAGES / CONCURRENCY) * 2; k++) {
          const s = performance.now();
          await sendMessage(ctx, { conversationId: convs[i]!, clientId: randomUUID(), text: `c${k}` });
          lat.push(performance.now() - s);
          done++;
        }
      }),
    );
    const secs = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const concurrent = {
      senders: CONCURRENCY,
      pool: POOL,
      messages: done,
      msgsPerSecond: Math.round(done / secs),
      latencyMs: percentiles(lat),
      nodeCpuMsPerMessage: Math.round(((cpu.user + cpu.system) / 1000 / done) * 100) / 100,
      nodeCpuPercent: Math.round(((cpu.user + cpu.system) / 1e6 / secs) * 100),
    };
    console.log(JSON.stringify({ sequential, concurrent }, null, 2));
  } finally {
    await disconnectDb();
    await dropDatabase(ADMIN, url);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
