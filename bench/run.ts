// `npm run bench -- <scenario> [options]`: load tests against the production build on this
// machine's PostgreSQL (127.0.0.1:5432, a fresh database per run, dropped at the end) and, for
// two-node, its Redis. Prints ONE JSON summary on stdout; progress goes to stderr.
//
//   dm        --clients 200 --duration 20 --rate 1       pairs of users, each sends `rate` msg/s to its pair
//   group     --members 500 --messages 50 --rate 2       one group, one member sends, fan-out to all
//   idle      --clients 2000 --hold 10                   idle authenticated connections, RSS per connection
//   history   --messages 1000000 --requests 1000         paging and search latency in a long conversation
//   two-node  --clients 200 --duration 20 --rate 1       dm with the pairs split over two nodes on one Redis
//
// dm and two-node first send for --warmup S seconds (default 3; 0 for none) at the same rate, not
// measured but checked for loss and duplicates like the rest.
//
// dm and two-node clients send read receipts as they receive (an open chat), group members
// delivered ones (`--receipts read|delivered|none`), through the browser's own batchers.
//
// Common options: --no-ceiling (skip pgbench), --profile (server --cpu-prof over the measured
// phase, summarised in the JSON), --trace-gc (the servers' and the bench's own garbage
// collections in the measured phase, full ones at the second they fell in), --rebuild (npm run
// build first when sources are newer), --concurrency N (parallel handshakes), --drain S (max wait
// for the last acks/deliveries), --echo (server logs to stderr), --out FILE (also write the JSON
// there), --server-node-flags="--flag …" (extra node flags for the servers). npm prints its
// script banner on stdout: use `npm run -s bench -- …` to get the JSON alone.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { createDatabase, dropDatabase } from "@/lib/test-support/global-setup";
import { summariseCpuProfile } from "./lib/cpu-profile";
import { parseGcLine, summariseGc, watchOwnGc, type GcEvent } from "./lib/gc-trace";
import { clientTotals, Cleanup, connectAll, drain, makeClient, paced } from "./lib/harness";
import {
  ensureBuild,
  log,
  monotonicUs,
  pgInsertCeiling,
  ProcSampler,
  randomSecret,
  round,
  rssBytes,
  sleep,
  startServer,
  tempDir,
  withPg,
  type ServerProcess,
} from "./lib/infra";
import { hooksByPhase, percentiles, Recorder } from "./lib/recorder";
import { HISTORY_WORDS, seedDirects, seedGroup, seedHistory, seedUsers, type SeedUser } from "./lib/seed";
import type { PageQuery } from "@/lib/realtime/contract";
import { RECEIPT_MODES, type ChatClient, type ReceiptMode } from "./lib/chat-client";

type Args = Record<string, string | boolean>;

function parseArgs(argv: string[]): { scenario: string; args: Args } {
  const [scenario = "", ...rest] = argv;
  const args: Args = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith("--")) throw new Error(`unexpected argument ${a}`);
    const equals = a.indexOf("=");
    if (equals > 0) {
      // --key=value: how a value that itself starts with "--" is given.
      args[a.slice(2, equals)] = a.slice(equals + 1);
      continue;
    }
    const key = a.slice(2);
    const value = rest[i + 1];
    if (value === undefined || value.startsWith("--")) args[key] = true;
    else {
      args[key] = value;
      i++;
    }
  }
  return { scenario, args };
}

/** A numeric option: positive, or also 0 where `zeroAllowed` (an option that can be turned off). */
const num = (args: Args, key: string, fallback: number, zeroAllowed = false): number => {
  const v = args[key];
  if (v === undefined || v === true) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || (n === 0 && !zeroAllowed)) {
    throw new Error(`--${key} must be a ${zeroAllowed ? "non-negative" : "positive"} number`);
  }
  return n;
};

/** `--server-node-flags="--a --b=1"`: extra flags for the servers' node (V8 tuning experiments). */
function serverNodeFlags(args: Args): string[] {
  const flags = args["server-node-flags"];
  if (flags === undefined) return [];
  if (typeof flags !== "string" || !flags.split(" ").every((f) => f.startsWith("--"))) {
    throw new Error('--server-node-flags takes node flags after an equals sign, e.g. --server-node-flags="--max-semi-space-size=32"');
  }
  return flags.split(" ");
}

/** `--receipts read|delivered|none`: what the clients send for the messages they receive. */
function receiptsOption(args: Args, fallback: ReceiptMode): ReceiptMode {
  const v = args.receipts;
  if (v === undefined) return fallback;
  const mode = RECEIPT_MODES.find((m) => m === v);
  if (!mode) throw new Error(`--receipts must be one of ${RECEIPT_MODES.join(", ")}`);
  return mode;
}

const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

type Env = {
  args: Args;
  cleanup: Cleanup;
  databaseUrl: string;
  secret: string;
  profileDir?: string;
  servers: ServerProcess[];
  /** The measured phase's sampler: --profile reports the servers' CPU over its window only. */
  sampler?: ProcSampler;
  /** --trace-gc: each server's collections as their lines arrived. */
  gcTraces?: { node: string; events: GcEvent[] }[];
};

async function startNodes(env: Env, count: number, redis: boolean): Promise<ServerProcess[]> {
  const channel = `convo-bench-${randomUUID()}`;
  const started: ServerProcess[] = [];
  for (let i = 0; i < count; i++) {
    const dataDir = tempDir(`convo-bench-node${i}`);
    env.cleanup.add(`rm ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
    const label = `node-${"ab"[i] ?? i}`;
    const gc = env.gcTraces ? { node: label, events: [] as GcEvent[] } : undefined;
    if (gc) env.gcTraces!.push(gc);
    const server = await startServer({
      label,
      databaseUrl: env.databaseUrl,
      authSecret: env.secret,
      dataDir,
      redisUrl: redis ? REDIS_URL : undefined,
      redisChannel: redis ? channel : undefined,
      env: {
        LOG_LEVEL: String(env.args["log-level"] ?? "warn"),
        RATE_LIMIT_MESSAGES: "10000000",
        RATE_LIMIT_API: "10000000",
      },
      nodeArgs: [
        ...(env.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${env.profileDir}`] : []),
        ...(gc ? ["--trace-gc"] : []),
        ...serverNodeFlags(env.args),
      ],
      echo: Boolean(env.args.echo),
      takeLine: gc
        ? (line) => {
            const event = parseGcLine(line, monotonicUs());
            if (event) gc.events.push(event);
            return event !== null;
          }
        : undefined,
    });
    env.cleanup.add(`stop ${server.label}`, () => server.stop());
    env.servers.push(server);
    started.push(server);
    log(`${server.label} ready at ${server.url} (pid ${server.pid})`);
  }
  return started;
}

async function seedUsersTimed(env: Env, count: number) {
  const t0 = performance.now();
  const users = await withPg(env.databaseUrl, (c) => seedUsers(c, count, env.secret));
  log(`seeded ${count} users + sessions + cookies in ${Math.round(performance.now() - t0)} ms`);
  return { users, ms: Math.round(performance.now() - t0) };
}

function serverStats(sample: ReturnType<ProcSampler["end"]>) {
  const procs = sample.processes;
  return {
    cpuPercent: round(procs.reduce((a, p) => a + p.cpuPercent, 0), 1),
    peakRssMB: round(procs.reduce((a, p) => a + p.peakRssMB, 0), 1),
    /** Event loop thread runnable but not running (other load on the machine), % of wall time. */
    mainThreadWaitingForCpuPercent: procs.length === 1 ? procs[0]!.mainThreadWaitingForCpuPercent : undefined,
    mainThreadOnCpuPercent: procs.length === 1 ? procs[0]!.mainThreadOnCpuPercent : undefined,
    perNode: procs.length > 1 ? procs : undefined,
    postgresCpuPercent: sample.postgresCpuPercent,
    benchProcessCpuPercent: sample.benchProcessCpuPercent,
    /** All processes on both cores (200 % = both); steal is CPU time the host withheld. */
    machineCpuPercent: sample.machineCpuPercent,
    /** How late the bench's own timers ran: it is part of every latency the bench measures. */
    benchEventLoopDelayMs: sample.benchEventLoopDelayMs,
    sampledSeconds: sample.seconds,
  };
}

/**
 * Connects a scenario's clients (closed on cleanup too, should the run fail), runs its warm-up if
 * it has one, and starts sampling the nodes: the measured phase begins. idle passes
 * `allowFailures`: how many connect is one of its results.
 */
async function connectFleet(
  env: Env,
  nodes: ServerProcess[],
  fleet: { clients: ChatClient[]; seedMs: number; allowFailures?: boolean; warmUp?: () => Promise<WarmUp> },
) {
  const { clients, seedMs } = fleet;
  env.cleanup.add("close clients", () => clients.forEach((c) => c.close()));
  const connect = await connectAll(clients, num(env.args, "concurrency", 100));
  log(`connected ${connect.connected}/${clients.length} in ${connect.seconds} s`);
  if (connect.failed && !fleet.allowFailures) throw new Error(`${connect.failed} clients failed to connect: ${connect.firstFailure}`);
  const warmUp = await fleet.warmUp?.();
  const sampler = new ProcSampler(nodes.map((n) => n.pid));
  env.sampler = sampler;
  sampler.begin();
  return {
    connect,
    sampler,
    warmUp,
    /** Closes the clients and gives the summary fields every client scenario reports. */
    close(load: ReturnType<ProcSampler["end"]>) {
      const totals = clientTotals(clients);
      clients.forEach((c) => c.close());
      return { server: serverStats(load), setup: { seedMs, connect }, clientTotals: totals };
    },
  };
}

type WarmUp = Awaited<ReturnType<typeof warmUpTraffic>>;

/**
 * Traffic at the measured rate before the measured phase: a server that has been up for a while
 * has compiled its hot paths and opened its database connections, and a cold one spends the first
 * one to three seconds of a run doing that (send→deliver p99 20–70 ms in those seconds at 5,000
 * msg/s). Its messages are checked like the others, at the end of the run (warmUpChecks).
 */
async function warmUpTraffic(clients: ChatClient[], recorder: Recorder, seconds: number, rate: number, send: (i: number) => void) {
  log(`warming up: ${seconds} s at the same rate, not measured`);
  const sendSeconds = await paced(clients.length, rate, seconds, send);
  const drained = await drain(clients, recorder, 30_000);
  return { seconds: round(sendSeconds, 1), drainSeconds: drained.drainSeconds, sendToDeliverMs: percentiles(recorder.deliverLatencies) };
}

/** What became of the warm-up's messages, counted once the whole run has drained. */
function warmUpChecks(recorder: Recorder) {
  const { sent, acked, lost, duplicated, misdelivered } = recorder.summary();
  return { sent, acked, lost, duplicated, misdelivered };
}

// --- dm / two-node ---------------------------------------------------------------------------

async function dm(env: Env, nodes: ServerProcess[]) {
  const clientsWanted = Math.max(2, Math.round(num(env.args, "clients", 200) / 2) * 2);
  const duration = num(env.args, "duration", 20);
  const rate = num(env.args, "rate", 1);
  const receipts = receiptsOption(env.args, "read");
  const { users, ms: seedMs } = await seedUsersTimed(env, clientsWanted);
  const pairs: [SeedUser, SeedUser][] = [];
  for (let i = 0; i < users.length; i += 2) pairs.push([users[i]!, users[i + 1]!]);
  const convIds = await withPg(env.databaseUrl, (c) => seedDirects(c, pairs.map(([a, b]) => [a.id, b.id])));

  const warmUpRecorder = new Recorder();
  const recorder = new Recorder();
  const hooks = hooksByPhase([warmUpRecorder, recorder]);
  const clients: ChatClient[] = [];
  const target: string[] = []; // conversation of client i
  pairs.forEach(([a, b], i) => {
    const conv = convIds[i]!;
    warmUpRecorder.setMembers(conv, [a.id, b.id]);
    recorder.setMembers(conv, [a.id, b.id]);
    for (const [j, u] of [a, b].entries()) {
      // two-node: the two people of a pair sit on different nodes.
      const node = nodes[j % nodes.length]!;
      clients.push(makeClient({ urls: [node.url], cookie: u.cookie, userId: u.id, cursors: { [conv]: 0 }, hooks, receipts }));
      target.push(conv);
    }
  });
  let counter = 0;
  const text = "x".repeat(Math.max(0, num(env.args, "size", 40) - 12));
  const sendAs = (into: Recorder) => (i: number) => {
    const c = clients[i]!;
    const { clientId } = c.send(target[i]!, `m${counter++} ${text}`);
    into.noteSend(clientId, c.userId, target[i]!, performance.now());
  };
  const warmUpSeconds = num(env.args, "warmup", 3, true);
  const fleet = await connectFleet(env, nodes, {
    clients,
    seedMs,
    warmUp: warmUpSeconds > 0 ? () => warmUpTraffic(clients, warmUpRecorder, warmUpSeconds, rate, sendAs(warmUpRecorder)) : undefined,
  });

  log(`sending: ${clients.length} clients × ${rate} msg/s for ${duration} s (offered ${clients.length * rate} msg/s)`);
  const sendStart = performance.now();
  const sendSeconds = await paced(clients.length, rate, duration, sendAs(recorder));
  const load = fleet.sampler.end();
  log(`send window over (${round(sendSeconds)} s); draining…`);
  const drained = await drain(clients, recorder, num(env.args, "drain", 30) * 1000);
  const summary = recorder.summary();
  const warmUp = fleet.warmUp && { ...fleet.warmUp, ...warmUpChecks(warmUpRecorder) };
  return {
    clients: clients.length,
    nodes: nodes.length,
    durationSeconds: duration,
    ratePerClient: rate,
    receipts,
    offeredMsgsPerSecond: clients.length * rate,
    messages: summary,
    /** The measured phase's and the warm-up's. */
    lost: summary.lost + (warmUp?.lost ?? 0),
    duplicated: summary.duplicated + (warmUp?.duplicated ?? 0),
    msgsPerSecond: round(summary.acked / Math.max(sendSeconds, (recorder.lastAckedAt - sendStart) / 1000), 1),
    latencyMs: {
      sendToAck: percentiles(recorder.ackLatencies),
      sendToDeliver: percentiles(recorder.deliverLatencies),
      sendToDeliverP99BySecond: recorder.deliverP99BySecond(),
    },
    drain: drained,
    warmUp,
    ...fleet.close(load),
  };
}

// --- group -----------------------------------------------------------------------------------

async function group(env: Env, nodes: ServerProcess[]) {
  const members = Math.max(2, Math.round(num(env.args, "members", 500)));
  const messages = Math.round(num(env.args, "messages", 50));
  const rate = num(env.args, "rate", 2);
  const receipts = receiptsOption(env.args, "delivered");
  const { users, ms: seedMs } = await seedUsersTimed(env, members);
  const conv = await withPg(env.databaseUrl, (c) => seedGroup(c, "Bench group", users.map((u) => u.id)));
  const recorder = new Recorder();
  recorder.setMembers(conv, users.map((u) => u.id));
  const clients = users.map((u) =>
    makeClient({ urls: [nodes[0]!.url], cookie: u.cookie, userId: u.id, cursors: { [conv]: 0 }, hooks: recorder.hooks, receipts }),
  );
  const fleet = await connectFleet(env, nodes, { clients, seedMs });

  const sender = clients[0]!;
  let sent = 0;
  log(`sending ${messages} messages at ${rate}/s to ${members - 1} members`);
  const sendSeconds = await paced(1, rate, messages / rate, () => {
    if (sent >= messages) return;
    const { clientId } = sender.send(conv, `group message ${sent++}`);
    recorder.noteSend(clientId, sender.userId, conv, performance.now());
  });
  const drained = await drain(clients, recorder, num(env.args, "drain", 60) * 1000);
  const load = fleet.sampler.end();
  const summary = recorder.summary();
  return {
    clients: members,
    members,
    messagesRequested: messages,
    ratePerSecond: rate,
    receipts,
    durationSeconds: round(sendSeconds, 1),
    messages: summary,
    lost: summary.lost,
    duplicated: summary.duplicated,
    msgsPerSecond: round(summary.acked / sendSeconds, 1),
    deliveriesPerSecond: round(summary.delivered / (sendSeconds + drained.drainSeconds), 1),
    latencyMs: {
      sendToAck: percentiles(recorder.ackLatencies),
      /** Per (message, recipient): the fan-out latency. */
      sendToDeliver: percentiles(recorder.deliverLatencies),
    },
    drain: drained,
    ...fleet.close(load),
  };
}

// --- idle ------------------------------------------------------------------------------------

async function idle(env: Env, nodes: ServerProcess[]) {
  const count = Math.max(2, Math.round(num(env.args, "clients", 1000) / 2) * 2);
  const hold = num(env.args, "hold", 10);
  const server = nodes[0]!;
  const { users, ms: seedMs } = await seedUsersTimed(env, count);
  // Everyone has one direct chat (one conversation room per socket, as a real user would).
  const pairs: [string, string][] = [];
  for (let i = 0; i < users.length; i += 2) pairs.push([users[i]!.id, users[i + 1]!.id]);
  const convIds = await withPg(env.databaseUrl, (c) => seedDirects(c, pairs));
  // Warm the server (first handshakes compile code paths), then take the baseline.
  const warm = makeClient({ urls: [server.url], cookie: users[0]!.cookie, userId: users[0]!.id });
  await warm.start();
  warm.close();
  await sleep(2000);
  const rssBefore = rssBytes(server.pid) ?? 0;
  const benchRssBefore = process.memoryUsage().rss;
  const clients = users.map((u, i) => makeClient({ urls: [server.url], cookie: u.cookie, userId: u.id, cursors: { [convIds[i >> 1]!]: 0 } }));
  const { connect, sampler, close } = await connectFleet(env, nodes, { clients, seedMs, allowFailures: true });
  log(`holding ${hold} s`);
  await sleep(hold * 1000);
  const load = sampler.end();
  const rssAfter = rssBytes(server.pid) ?? 0;
  const stillConnected = clients.filter((c) => c.isReady).length;
  const common = close(load);
  const perConnectionKB = (bytes: number) => (connect.connected ? round(bytes / 1024 / connect.connected, 1) : null);
  return {
    clients: count,
    holdSeconds: hold,
    connected: connect.connected,
    stillConnectedAfterHold: stillConnected,
    ...common,
    server: {
      ...common.server,
      rssBeforeMB: round(rssBefore / 2 ** 20, 1),
      rssAfterMB: round(rssAfter / 2 ** 20, 1),
      rssPerConnectionKB: perConnectionKB(rssAfter - rssBefore),
    },
    benchProcess: { rssPerConnectionKB: perConnectionKB(process.memoryUsage().rss - benchRssBefore) },
  };
}

// --- history ---------------------------------------------------------------------------------

/** One kind of request, timed each time it is made. */
type Series = { once(): Promise<void>; result(): object };

function httpSeries(url: () => string, cookie: string): Series {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let items = 0;
  return {
    async once() {
      const t0 = performance.now();
      const res = await fetch(url(), { headers: { cookie } });
      const body = (await res.json()) as { messages?: unknown[]; hits?: unknown[] };
      times.push(performance.now() - t0);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      items += (body.messages ?? body.hits ?? []).length;
    },
    result: () => ({ latencyMs: percentiles(times), statuses, avgItems: round(items / Math.max(times.length, 1), 1) }),
  };
}

/** The same pages over an open socket (`messages:list`), the way the browser reads history. */
function socketSeries(reader: ChatClient, conversationId: string, query: () => PageQuery): Series {
  const times: number[] = [];
  const errors: Record<string, number> = {};
  let items = 0;
  return {
    async once() {
      const t0 = performance.now();
      const page = await reader.fetchPage(conversationId, query());
      times.push(performance.now() - t0);
      if (page.ok) items += page.messages.length;
      else errors[page.error.code] = (errors[page.error.code] ?? 0) + 1;
    },
    result: () => ({ latencyMs: percentiles(times), errors, avgItems: round(items / Math.max(times.length, 1), 1) }),
  };
}

/**
 * One request of each series per round, so that each pays alike for what the others leave behind
 * (garbage collected while a later request runs); run one after the other, the first series
 * measured paid for all that the warm-up left.
 */
async function inTurns(rounds: number, series: Series[]): Promise<void> {
  for (let i = 0; i < rounds; i++) for (const s of series) await s.once();
}

async function history(env: Env, nodes: ServerProcess[]) {
  const total = Math.round(num(env.args, "messages", 1_000_000));
  // A p99 of 200 requests would be the second slowest, a single outlier; of 1,000 it is the
  // tenth, a percentile (max still shows the outliers).
  const requests = Math.round(num(env.args, "requests", 1000));
  const server = nodes[0]!;
  const { users } = await seedUsersTimed(env, 2);
  const [alice, bob] = users as [SeedUser, SeedUser];
  const [conv] = await withPg(env.databaseUrl, (c) => seedDirects(c, [[alice.id, bob.id]]));
  const t0 = performance.now();
  let lastLog = t0;
  const { indexRebuildMs } = await withPg(env.databaseUrl, (c) =>
    seedHistory(c, conv!, [alice.id, bob.id], total, (done) => {
      if (performance.now() - lastLog > 5000 || done === total) {
        lastLog = performance.now();
        log(`history: ${done}/${total} messages`);
      }
    }),
  );
  const seedMs = Math.round(performance.now() - t0);
  log(`seeded ${total} messages in ${seedMs} ms (full-text index rebuilt in ${indexRebuildMs} ms)`);
  const base = `${server.url}/api/v1`;
  const sampler = new ProcSampler([server.pid]);
  env.sampler = sampler;
  const reader = makeClient({ urls: [server.url], cookie: alice.cookie, userId: alice.id });
  env.cleanup.add("history reader", () => reader.close());
  await reader.start();
  const randomSeq = () => 51 + Math.floor(Math.random() * (total - 50));
  const randomWord = () => HISTORY_WORDS[Math.floor(Math.random() * HISTORY_WORDS.length)]!;
  const pages = () => [
    socketSeries(reader, conv!, () => ({ limit: 50 })),
    socketSeries(reader, conv!, () => ({ before: randomSeq(), limit: 50 })),
    httpSeries(() => `${base}/conversations/${conv}/messages?limit=50`, alice.cookie),
    httpSeries(() => `${base}/conversations/${conv}/messages?before=${randomSeq()}&limit=50`, alice.cookie),
    // The liveness route does no work: what any request through Next's router costs this client.
    httpSeries(() => `${base}/health`, alice.cookie),
  ] as const;
  const searches = () => [
    httpSeries(() => `${base}/search?q=${randomWord()}&conversationId=${conv}`, alice.cookie),
    httpSeries(() => `${base}/search?q=${randomWord()}`, alice.cookie),
    httpSeries(() => `${base}/search?q=${randomWord().slice(0, 3)}&conversationId=${conv}`, alice.cookie),
    httpSeries(() => `${base}/search?q=${randomWord().slice(0, 3)}`, alice.cookie),
  ] as const;
  // Warm-up, not measured: a server that has served a few dozen of each, as a live one has, so
  // the figures are not those of code paths V8 has not compiled yet.
  const warmUp = 50;
  await inTurns(warmUp, [...searches()]);
  await inTurns(warmUp, [...pages()]);
  sampler.begin();
  const [socketLatest, socketPageBefore, latest, pageBefore, httpFloor] = pages();
  await inTurns(requests, [socketLatest, socketPageBefore]);
  await inTurns(requests, [latest, pageBefore, httpFloor]);
  const [search, searchAll, prefix, prefixAll] = searches();
  await inTurns(requests, [search]);
  await inTurns(Math.min(requests, 50), [searchAll, prefix, prefixAll]);
  const load = sampler.end();
  const size = await withPg(env.databaseUrl, (c) =>
    c.query<{ table: string; index: string }>(
      `SELECT pg_size_pretty(pg_table_size('"Message"')) AS table, pg_size_pretty(pg_indexes_size('"Message"')) AS index`,
    ),
  );
  return {
    messagesInConversation: total,
    requestsEach: requests,
    seedMs,
    indexRebuildMs,
    messageTable: size.rows[0],
    latestPage: latest.result(),
    pageBeforeRandomSeq: pageBefore.result(),
    /** GET /api/v1/health (answers without work), in turns with the HTTP pages: Next's own share. */
    httpFloorNoWork: httpFloor.result(),
    socketLatestPage: socketLatest.result(),
    socketPageBeforeRandomSeq: socketPageBefore.result(),
    searchWordInConversation: search.result(),
    searchWordAllChats: searchAll.result(),
    searchPrefix3InConversation: prefix.result(),
    searchPrefix3AllChats: prefixAll.result(),
    server: serverStats(load),
  };
}

// --- main ------------------------------------------------------------------------------------

const SCENARIOS: Record<string, { nodes: number; redis: boolean; run: (env: Env, nodes: ServerProcess[]) => Promise<object> }> = {
  dm: { nodes: 1, redis: false, run: dm },
  group: { nodes: 1, redis: false, run: group },
  idle: { nodes: 1, redis: false, run: idle },
  history: { nodes: 1, redis: false, run: history },
  "two-node": { nodes: 2, redis: true, run: dm },
};

function nofileLimit(): { soft: number; hard: number } | undefined {
  try {
    const line = readFileSync("/proc/self/limits", "utf8")
      .split("\n")
      .find((l) => l.startsWith("Max open files"));
    const [soft, hard] = line!.replace("Max open files", "").trim().split(/\s+/);
    return { soft: Number(soft), hard: Number(hard) };
  } catch {
    return undefined;
  }
}

async function main() {
  const { scenario, args } = parseArgs(process.argv.slice(2));
  const spec = SCENARIOS[scenario];
  if (!spec) {
    console.error(`usage: npm run bench -- <${Object.keys(SCENARIOS).join("|")}> [options] (see bench/run.ts)`);
    process.exit(2);
  }
  const wanted = Number(args.clients ?? args.members ?? 0) * 1.2 + 200;
  const limit = nofileLimit();
  if (limit && limit.soft < wanted) {
    throw new Error(`open files limit ${limit.soft} is too low for ${wanted} sockets: run \`ulimit -n ${Math.ceil(wanted * 2)}\` first`);
  }

  // Other work on the machine skews every number: recorded beside them.
  const loadAtStart = loadavg().map((l) => round(l, 2));
  const build = ensureBuild({ buildIfMissing: true, rebuildIfStale: Boolean(args.rebuild) });
  const cleanup = new Cleanup();
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: cleaning up`);
    void cleanup.run().then(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    const databaseUrl = await createDatabase(PG_ADMIN_URL, "convo_bench").catch((err: Error) => {
      throw new Error(`the bench needs PostgreSQL at ${PG_ADMIN_URL} (BENCH_PG_ADMIN_URL): ${err.message}`);
    });
    cleanup.add("drop database", () => dropDatabase(PG_ADMIN_URL, databaseUrl));
    log(`database ${new URL(databaseUrl).pathname.slice(1)}`);

    let ceiling: Record<string, number> | null = null;
    if (!args["no-ceiling"]) {
      log("measuring pgInsertCeiling with pgbench (1 and 8 clients, 5 s each)…");
      ceiling = await pgInsertCeiling(databaseUrl);
      log(`pgInsertCeiling: ${JSON.stringify(ceiling)}`);
    }

    const profileDir = args.profile ? tempDir("convo-bench-prof") : undefined;
    if (profileDir) cleanup.add("rm profiles", () => rmSync(profileDir, { recursive: true, force: true }));
    const env: Env = { args, cleanup, databaseUrl, secret: randomSecret(), profileDir, servers: [], gcTraces: args["trace-gc"] ? [] : undefined };
    const nodes = await startNodes(env, spec.nodes, spec.redis);
    const benchGc = env.gcTraces ? watchOwnGc(monotonicUs) : undefined;
    if (benchGc) cleanup.add("stop gc watch", () => benchGc.stop());
    const started = performance.now();
    const result = (await spec.run(env, nodes)) as Record<string, unknown>;
    const ms = Math.round(performance.now() - started);

    for (const s of env.servers) await s.stop(20_000); // the server force-exits after 10 s itself
    const profiles = profileDir
      ? readdirSync(profileDir)
          .filter((f) => f.endsWith(".cpuprofile"))
          .map((f) => summariseCpuProfile(path.join(profileDir, f), env.sampler?.window))
      : undefined;
    const window = env.sampler?.window;
    const gc =
      env.gcTraces && benchGc && window
        ? { servers: env.gcTraces.map((t) => ({ node: t.node, ...summariseGc(t.events, window) })), bench: summariseGc(benchGc.events, window) }
        : undefined;
    const best = ceiling ? Math.max(...Object.values(ceiling)) : null;
    const rate = typeof result.msgsPerSecond === "number" ? result.msgsPerSecond : null;
    const summary = {
      scenario,
      ...result,
      pgInsertCeiling: ceiling,
      ratioToCeiling: best && rate !== null ? round(rate / best, 3) : null,
      scenarioWallMs: ms,
      build: { stale: build.stale, rebuilt: build.built },
      machine: { cpus: cpus().length, node: process.version, loadAvgAtStart: loadAtStart, loadAvgAtEnd: loadavg().map((l) => round(l, 2)) },
      ...(profiles ? { profile: profiles } : {}),
      ...(gc ? { gc } : {}),
    };
    const json = `${JSON.stringify(summary, null, 2)}\n`;
    if (typeof args.out === "string") writeFileSync(args.out, json);
    process.stdout.write(json);
  } finally {
    await cleanup.run();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error("[bench] failed:", err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
