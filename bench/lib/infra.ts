// Processes and measurements for the bench and the fault tests: the production build, app
// server processes, free ports, /proc sampling, pgbench. Everything runs on 127.0.0.1.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { MonotonicWindow } from "./cpu-profile";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Diagnostics go to stderr: stdout carries only the bench's JSON summary. */
export const log = (...parts: unknown[]) => console.error("[bench]", ...parts);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// --- the production build ------------------------------------------------------------------

const SERVER_BUNDLE = path.join(repoRoot, "dist/server.mjs");
const NEXT_BUILD_ID = path.join(repoRoot, ".next/BUILD_ID");

function newestMtime(dir: string, skip: (rel: string) => boolean, rel = ""): number {
  let newest = 0;
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.join(rel, entry.name);
    if (skip(r)) continue;
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(dir, skip, r));
    else if (/\.(ts|tsx|mjs|prisma|sql)$/.test(entry.name)) newest = Math.max(newest, statSync(path.join(dir, r)).mtimeMs);
  }
  return newest;
}

/** Server-side sources the bundle is built from (tests and browser-only code excluded). */
function newestServerSource(): number {
  const skip = (r: string) => r.endsWith(".test.ts") || r.startsWith(path.join("lib", "generated")) || r.startsWith(path.join("lib", "client"));
  return Math.max(
    statSync(path.join(repoRoot, "server.ts")).mtimeMs,
    newestMtime(path.join(repoRoot, "lib"), skip),
    newestMtime(path.join(repoRoot, "app/api"), skip),
    newestMtime(path.join(repoRoot, "prisma"), skip),
  );
}

/** Another `next build` holds .next/lock (and has removed BUILD_ID): wait for it, up to 5 minutes. */
function waitForRunningBuild(): void {
  const lock = path.join(repoRoot, ".next/lock");
  const deadline = Date.now() + 300_000;
  if (existsSync(lock)) log("another `next build` is running: waiting for it…");
  while (existsSync(lock) && Date.now() < deadline) spawnSync("sleep", ["2"]);
}

export type BuildCheck = { built: boolean; stale: boolean };

/**
 * The bench and the fault tests run the production build (`npm run build`: .next + dist/server.mjs).
 * Missing → build it when `buildIfMissing`, else throw with the command to run. Older than the
 * server sources → rebuild when `rebuildIfStale`, else a warning.
 */
export function ensureBuild(opts: { buildIfMissing: boolean; rebuildIfStale: boolean }): BuildCheck {
  waitForRunningBuild();
  const missing = !existsSync(SERVER_BUNDLE) || !existsSync(NEXT_BUILD_ID);
  const stale = !missing && Math.min(statSync(SERVER_BUNDLE).mtimeMs, statSync(NEXT_BUILD_ID).mtimeMs) < newestServerSource();
  if (missing && !opts.buildIfMissing) {
    throw new Error("No production build (dist/server.mjs or .next/BUILD_ID is missing): run `npm run build` first.");
  }
  if (missing || (stale && opts.rebuildIfStale)) {
    log(missing ? "no production build: running `npm run build` (~40 s)…" : "production build is older than the sources: rebuilding…");
    const res = spawnSync("npm", ["run", "build"], { cwd: repoRoot, stdio: ["ignore", 2, 2], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (res.status !== 0) throw new Error(`npm run build failed (exit ${res.status})`);
    return { built: true, stale: false };
  }
  if (stale) log("warning: dist/server.mjs or .next is older than server sources; pass --rebuild to rebuild first");
  return { built: false, stale };
}

// --- ports, temp dirs ----------------------------------------------------------------------

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `${prefix}-`));
}

export const randomSecret = () => randomBytes(33).toString("base64");

// --- app server processes ------------------------------------------------------------------

// Server processes still running when this process exits (a crash, a failed test) are killed.
const runningServers = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of runningServers) child.kill("SIGKILL");
});

export type ServerProcess = {
  label: string;
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** The last lines the process wrote (stdout + stderr). */
  logs: string[];
  exited: Promise<number | null>;
  isRunning: () => boolean;
  /** SIGTERM and wait (SIGKILL after `graceMs`). */
  stop: (graceMs?: number) => Promise<void>;
  /** SIGKILL and wait. */
  kill: () => Promise<void>;
};

export type ServerOptions = {
  label: string;
  databaseUrl: string;
  authSecret: string;
  port?: number;
  redisUrl?: string;
  redisChannel?: string;
  dataDir?: string;
  /** Extra environment (rate limits, log level…). */
  env?: Record<string, string>;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Open files limit for the server (many sockets). */
  nofile?: number;
  /** Copy the server's output to stderr as it comes. */
  echo?: boolean;
  /** Sees each line of the server's output first; a line it returns true for is taken (not kept or echoed). */
  takeLine?: (line: string) => boolean;
};

/** Starts `node dist/server.mjs` (production) and resolves once /api/v1/health/ready answers 200. */
export async function startServer(opts: ServerOptions, readyTimeoutMs = 60_000): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? tempDir(`convo-${opts.label}`);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/root",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: "127.0.0.1",
    PORT: String(port),
    AUTH_SECRET: opts.authSecret,
    DATABASE_URL: opts.databaseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
    ...(opts.redisChannel ? { REDIS_CHANNEL: opts.redisChannel } : {}),
    ...opts.env,
  };
  // The bench's own runtime, not whichever `node` is first on PATH: run outside npm (which puts
  // the pinned Node 24 of node_modules/.bin first), the server would get the system's Node 20,
  // about a fifth slower, and its figures would be read as the app's.
  const nodeCmd = [process.execPath, ...(opts.nodeArgs ?? []), "dist/server.mjs"].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  // exec keeps the pid: it is the node process itself (for /proc sampling and signals).
  const script = `ulimit -n ${opts.nofile ?? 65536} 2>/dev/null || true; exec ${nodeCmd}`;
  const child = spawn("bash", ["-c", script], { cwd: repoRoot, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  const logs: string[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line || opts.takeLine?.(line)) continue;
      logs.push(line);
      if (logs.length > 300) logs.shift();
      if (opts.echo) process.stderr.write(`[${opts.label}] ${line}\n`);
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  let running = true;
  runningServers.add(child);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code, signal) => {
    running = false;
    runningServers.delete(child);
    resolve(code ?? (signal ? 128 : null));
  }));
  const url = `http://127.0.0.1:${port}`;
  const proc: ServerProcess = {
    label: opts.label,
    url,
    port,
    pid: child.pid!,
    child,
    logs,
    exited,
    isRunning: () => running,
    async stop(graceMs = 10_000) {
      if (!running) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => running && child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (!running) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (!running) throw new Error(`${opts.label} exited during start:\n${logs.slice(-30).join("\n")}`);
    const ok = await fetch(`${url}/api/v1/health/ready`).then((r) => r.ok, () => false);
    if (ok) return proc;
    await sleep(200);
  }
  await proc.kill();
  throw new Error(`${opts.label} not ready within ${readyTimeoutMs} ms:\n${logs.slice(-30).join("\n")}`);
}

// --- /proc sampling ------------------------------------------------------------------------

let clkTck: number | undefined;
function ticksPerSecond(): number {
  if (clkTck === undefined) {
    try {
      clkTck = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
    } catch {
      clkTck = 100;
    }
  }
  return clkTck;
}

/** utime + stime of a process in ticks, or undefined when it is gone. */
export function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state): utime is field 14, stime field 15.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/** Resident set size in bytes, or undefined when the process is gone. */
export function rssBytes(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Main thread's time on a CPU and time waiting for one (ns), from /proc/<pid>/schedstat. */
function schedstat(pid: number): { runNs: number; waitNs: number } | undefined {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, "utf8").trim().split(" ").map(Number);
    return { runNs: run!, waitNs: wait! };
  } catch {
    return undefined;
  }
}

/** The machine's CPU time (all cores) in ticks, from the first line of /proc/stat. */
export function machineTicks(): { busy: number; idle: number; steal: number } | undefined {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!;
    // cpu user nice system idle iowait irq softirq steal guest guest_nice (guest is inside user)
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.split(/\s+/).slice(1).map(Number);
    return { busy: user + nice + system + irq + softirq, idle: idle + iowait, steal };
  } catch {
    return undefined;
  }
}

function postgresPids(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, "utf8").trim() === "postgres") pids.push(Number(name));
    } catch {
      // gone
    }
  }
  return pids;
}

const LOOP_RESOLUTION_MS = 5;
/** The histogram holds whole sampling intervals: what exceeds the interval is the delay. */
const lateBy = (ns: number) => round(Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS), 1);

export type CpuWindow = { cpuPercent: number; seconds: number };

export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Samples CPU and RSS of the given processes (and of all `postgres` processes on the machine)
 * every `intervalMs`. CPU % is of one core (200 % = both cores of a 2-core box).
 */
export class ProcSampler {
  private timer: NodeJS.Timeout | undefined;
  private start:
    | {
        at: number;
        ticks: Map<number, number>;
        sched: Map<number, { runNs: number; waitNs: number } | undefined>;
        self: NodeJS.CpuUsage;
        machine: ReturnType<typeof machineTicks>;
      }
    | undefined;
  private peakRss = new Map<number, number>();
  private lastRss = new Map<number, number>();
  private pgTicksSeen = new Map<number, number>();
  // The bench's own event loop: deliveries are timed when it gets to them, so its stalls show
  // up in the measured latencies although the server was not slow.
  private benchLoop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  /** The sampled span, to cut the servers' CPU profiles to it. */
  window: MonotonicWindow = { fromUs: 0, toUs: 0 };

  constructor(
    private readonly pids: number[],
    private readonly intervalMs = 500,
  ) {}

  begin(): void {
    const ticks = new Map<number, number>();
    for (const pid of this.pids) ticks.set(pid, cpuTicks(pid) ?? 0);
    this.pgTicksSeen = new Map(postgresPids().map((pid) => [pid, cpuTicks(pid) ?? 0]));
    const sched = new Map(this.pids.map((pid) => [pid, schedstat(pid)]));
    this.start = { at: performance.now(), ticks, sched, self: process.cpuUsage(), machine: machineTicks() };
    this.window = { fromUs: monotonicUs(), toUs: Number.POSITIVE_INFINITY };
    this.benchLoop.reset();
    this.benchLoop.enable();
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  private sample(): void {
    for (const pid of this.pids) {
      const rss = rssBytes(pid);
      if (rss === undefined) continue;
      this.lastRss.set(pid, rss);
      this.peakRss.set(pid, Math.max(this.peakRss.get(pid) ?? 0, rss));
    }
  }

  /** Per process: CPU % over the window, peak and last RSS (MB); postgres CPU %; this process's CPU %. */
  end() {
    clearInterval(this.timer);
    this.window.toUs = monotonicUs();
    this.benchLoop.disable();
    this.sample();
    const start = this.start!;
    const seconds = (performance.now() - start.at) / 1000;
    const hz = ticksPerSecond();
    const per = this.pids.map((pid) => {
      const ticks = (cpuTicks(pid) ?? start.ticks.get(pid)!) - start.ticks.get(pid)!;
      const s0 = start.sched.get(pid);
      const s1 = schedstat(pid);
      return {
        pid,
        cpuPercent: round((ticks / hz / seconds) * 100, 1),
        // The event loop thread: busy on a CPU vs runnable but waiting for one (a busy machine).
        mainThreadOnCpuPercent: s0 && s1 ? round(((s1.runNs - s0.runNs) / 1e9 / seconds) * 100, 1) : null,
        mainThreadWaitingForCpuPercent: s0 && s1 ? round(((s1.waitNs - s0.waitNs) / 1e9 / seconds) * 100, 1) : null,
        peakRssMB: round((this.peakRss.get(pid) ?? 0) / 2 ** 20, 1),
        lastRssMB: round((this.lastRss.get(pid) ?? 0) / 2 ** 20, 1),
      };
    });
    let pgTicks = 0;
    for (const pid of postgresPids()) {
      const now = cpuTicks(pid) ?? 0;
      pgTicks += now - (this.pgTicksSeen.get(pid) ?? 0);
    }
    const self = process.cpuUsage(start.self);
    const m0 = start.machine;
    const m1 = machineTicks();
    const machinePercent = (key: "busy" | "idle" | "steal") => (m0 && m1 ? round(((m1[key] - m0[key]) / hz / seconds) * 100, 1) : null);
    return {
      seconds: round(seconds, 2),
      processes: per,
      postgresCpuPercent: round((pgTicks / hz / seconds) * 100, 1),
      benchProcessCpuPercent: round(((self.user + self.system) / 1e6 / seconds) * 100, 1),
      // Steal: time the hypervisor gave this machine's virtual CPUs to someone else. When it is
      // high, every process here ran slower than its own CPU figures suggest.
      machineCpuPercent: { busy: machinePercent("busy"), idle: machinePercent("idle"), steal: machinePercent("steal") },
      benchEventLoopDelayMs: {
        p50: lateBy(this.benchLoop.percentile(50)),
        p99: lateBy(this.benchLoop.percentile(99)),
        max: lateBy(this.benchLoop.max),
      },
    };
  }
}

export const round = (n: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

// --- PostgreSQL ----------------------------------------------------------------------------

export async function withPg<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * What this machine's PostgreSQL does at best for one-row insert transactions (the shape of a
 * message insert): pgbench with a custom script, `clients` connections, `seconds` each, into a
 * scratch table of `databaseUrl`'s database.
 */
export async function pgInsertCeiling(databaseUrl: string, clients: number[] = [1, 8], seconds = 5) {
  const table = `bench_insert_ceiling_${randomBytes(3).toString("hex")}`;
  await withPg(databaseUrl, (c) =>
    c.query(`CREATE TABLE ${table} (id bigserial PRIMARY KEY, conversation uuid NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`),
  );
  const dir = tempDir("convo-pgbench");
  const script = path.join(dir, "insert.sql");
  writeFileSync(script, `INSERT INTO ${table} (conversation, body) VALUES ('6f1c1f8e-4b8a-4a55-9f25-8e7d9c0a1b2c', 'hello there, this is a benchmark message');\n`);
  const u = new URL(databaseUrl);
  const result: Record<string, number> = {};
  try {
    for (const c of clients) {
      const args = ["-n", "-f", script, "-c", String(c), "-j", String(Math.min(c, 2)), "-T", String(seconds),
        "-h", u.hostname, "-p", u.port || "5432", "-U", decodeURIComponent(u.username || "postgres"), decodeURIComponent(u.pathname.slice(1))];
      const res = spawnSync("pgbench", args, { encoding: "utf8", timeout: (seconds + 30) * 1000 });
      const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(res.stdout ?? "")?.[1];
      if (res.status !== 0 || !tps) throw new Error(`pgbench failed: ${res.stderr || res.stdout}`);
      result[`clients${c}`] = Math.round(Number(tps));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await withPg(databaseUrl, (c) => c.query(`DROP TABLE IF EXISTS ${table}`)).catch(() => undefined);
  }
  return result;
}
