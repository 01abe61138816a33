// Fault tests with real processes: a private PostgreSQL and Redis, two app nodes (the production
// build, dist/server.mjs) on them, and real Socket.IO clients with the browser's delivery
// semantics (bench/lib/chat-client.ts). Run with `npm run test:faults` after `npm run build`.
//
// Every scenario: half the users on node A, half on node B; each has a direct chat with someone
// on the other node and everyone is in one group; all send steadily while the fault happens.
// Then every acknowledged message must have reached every recipient exactly once.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import type { ChatClient } from "@/bench/lib/chat-client";
import { clientTotals, connectAll, drain, makeClient, paced } from "@/bench/lib/harness";
import { ensureBuild, randomSecret, sleep, startServer, tempDir, withPg, type ServerProcess } from "@/bench/lib/infra";
import { percentiles, Recorder } from "@/bench/lib/recorder";
import { seedDirects, seedGroup, seedUsers } from "@/bench/lib/seed";
import { startPostgres, startRedis, type PgServer, type RedisServer } from "./services";

const PER_NODE = 5; // users per node: 10 clients, 5 direct chats across nodes, one group of 10
const RATE = 3; // messages per second per client

let postgres: PgServer;
let redis: RedisServer;
let databaseUrl: string;
const secret = randomSecret();
const channel = `convo-faults-${randomUUID()}`;
const nodes: Record<"a" | "b", ServerProcess | undefined> = { a: undefined, b: undefined };
const dataDirs: string[] = [];
const fleets: ChatClient[][] = [];

async function startNode(name: "a" | "b", port?: number): Promise<ServerProcess> {
  const dataDir = tempDir(`convo-faults-node-${name}`);
  dataDirs.push(dataDir);
  const node = await startServer({
    label: `node-${name}`,
    port,
    databaseUrl,
    authSecret: secret,
    redisUrl: redis.url,
    redisChannel: channel,
    dataDir,
    env: { RATE_LIMIT_MESSAGES: "100000", RATE_LIMIT_API: "100000", LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? "error" },
  });
  nodes[name] = node;
  return node;
}

beforeAll(async () => {
  ensureBuild({ buildIfMissing: false, rebuildIfStale: false });
  postgres = await startPostgres();
  redis = await startRedis();
  await withPg(postgres.adminUrl, (c) => c.query("CREATE DATABASE convo"));
  databaseUrl = postgres.urlFor("convo");
  await startNode("a"); // applies the migrations
  await startNode("b");
});

afterAll(async () => {
  for (const fleet of fleets) for (const c of fleet) c.close();
  await Promise.allSettled([nodes.a?.stop(), nodes.b?.stop()]);
  await Promise.allSettled([redis?.destroy(), postgres?.destroy()]);
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

type Traffic = { seconds: number; faultAt?: number; fault?: () => Promise<void> };

/** Fresh users and chats, clients connected across both nodes, steady traffic, the fault, then drain. */
async function runTraffic({ seconds, faultAt = 0, fault }: Traffic) {
  const a = nodes.a!;
  const b = nodes.b!;
  onTestFailed(() => {
    for (const [name, lines] of [["node-a", a.logs], ["node-b", b.logs], ["postgres", postgres.logs], ["redis", redis.logs]] as const) {
      console.log(`--- last lines of ${name} ---\n${lines.slice(-40).join("\n")}`);
    }
  });
  const { users, dms, group } = await withPg(databaseUrl, async (c) => {
    const users = await seedUsers(c, PER_NODE * 2, secret, "fault");
    const dms = await seedDirects(c, users.slice(0, PER_NODE).map((u, i) => [u.id, users[PER_NODE + i]!.id]));
    const group = await seedGroup(c, "Fault group", users.map((u) => u.id));
    return { users, dms, group };
  });
  const recorder = new Recorder();
  dms.forEach((id, i) => recorder.setMembers(id, [users[i]!.id, users[PER_NODE + i]!.id]));
  recorder.setMembers(group, users.map((u) => u.id));
  const clients = users.map((u, i) =>
    makeClient({
      urls: i < PER_NODE ? [a.url, b.url] : [b.url, a.url],
      failover: true,
      cookie: u.cookie,
      userId: u.id,
      cursors: { [dms[i % PER_NODE]!]: 0, [group]: 0 },
      hooks: recorder.hooks,
      ackTimeoutMs: 5_000,
      retry: { initialMs: 200, maxMs: 2_000 },
      reconnect: { initialMs: 100, maxMs: 1_000 },
    }),
  );
  fleets.push(clients);
  const connected = await connectAll(clients, 10, 20_000);
  expect(connected.failed, connected.firstFailure).toBe(0);

  let n = 0;
  const faultDone = fault ? sleep(faultAt).then(fault) : Promise.resolve();
  await paced(clients.length, RATE, seconds, (i) => {
    const c = clients[i]!;
    const conversationId = n % 2 === 0 ? dms[i % PER_NODE]! : group;
    const { clientId } = c.send(conversationId, `fault traffic ${n++}`);
    recorder.noteSend(clientId, c.userId, conversationId, performance.now());
  });
  await faultDone;
  const drained = await drain(clients, recorder, 45_000);
  const summary = recorder.summary();
  const stored = await withPg(databaseUrl, (c) =>
    c.query<{ n: string }>(`SELECT count(*) AS n FROM "Message" WHERE "conversationId" = ANY($1::uuid[])`, [[...dms, group]]),
  );
  for (const c of clients) c.close();
  const report = {
    summary,
    drained,
    storedMessages: Number(stored.rows[0]!.n),
    totals: clientTotals(clients),
    errorLatencyMs: percentiles(recorder.errorLatencies),
  };
  console.log(JSON.stringify(report));
  return { ...report, clients, a, b };
}

/** Every message acknowledged, stored once, delivered exactly once to every recipient. */
function expectExactlyOnce(r: Awaited<ReturnType<typeof runTraffic>>) {
  const s = r.summary;
  expect(s.sent).toBeGreaterThan(0);
  expect(s.failed, JSON.stringify(s.failures)).toBe(0);
  expect(s.unacked).toBe(0);
  expect(s.acked).toBe(s.sent);
  expect(r.storedMessages).toBe(s.acked);
  expect(s.lost).toBe(0);
  expect(s.duplicated).toBe(0);
  expect(s.misdelivered).toBe(0);
  expect(s.delivered).toBe(s.expectedDeliveries);
}

describe("two nodes, one Redis, one PostgreSQL", () => {
  it("delivers between users connected to different nodes", async () => {
    const r = await runTraffic({ seconds: 3 });
    expectExactlyOnce(r);
    expect(r.totals.disconnects).toBe(0);
  });

  it("survives a node killed mid-traffic: its clients fail over, resync and lose nothing", async () => {
    const killed = nodes.a!;
    const r = await runTraffic({ seconds: 6, faultAt: 2_000, fault: () => killed.kill() });
    expectExactlyOnce(r);
    const movedOver = r.clients.slice(0, PER_NODE);
    for (const c of movedOver) expect(c.url).toBe(r.b.url);
    expect(movedOver.every((c) => c.stats.disconnects >= 1 && c.stats.syncs >= 2)).toBe(true);
    await startNode("a", killed.port); // back for the next scenarios
  });

  it("survives a Redis restart mid-traffic: nodes ask their clients to resync, nothing acked is lost", async () => {
    const r = await runTraffic({
      seconds: 6,
      faultAt: 2_000,
      fault: async () => {
        await redis.kill();
        await sleep(1_500);
        await redis.start();
      },
    });
    expectExactlyOnce(r);
    expect(r.totals.resyncEvents).toBeGreaterThan(0);
    expect(r.totals.disconnects).toBe(0);
  });

  it("survives a PostgreSQL restart mid-traffic: sends fail fast with UNAVAILABLE, are retried, nothing is duplicated", async () => {
    const r = await runTraffic({
      seconds: 7,
      faultAt: 2_000,
      fault: async () => {
        await postgres.stop();
        await sleep(2_500);
        await postgres.start();
      },
    });
    expectExactlyOnce(r);
    const errors = r.summary.sendErrorsByCode;
    expect(errors.UNAVAILABLE ?? 0).toBeGreaterThan(0);
    // A clear answer, not a generic failure nor a hang until the ack timeout.
    expect(errors.INTERNAL ?? 0).toBe(0);
    expect(errors.TIMEOUT ?? 0).toBe(0);
    expect(r.errorLatencyMs.p95!).toBeLessThan(2_500);
  });
});
