// Private PostgreSQL and Redis servers for the fault tests: started on free ports in temp dirs,
// stoppable and restartable at will, and always torn down (also when the test process exits).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, sleep } from "@/bench/lib/infra";

// Last resort: whatever is still running when this process exits is killed, temp dirs removed.
const living = new Set<ChildProcess>();
const dirs = new Set<string>();
process.once("exit", () => {
  for (const child of living) child.kill("SIGKILL");
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function track(child: ChildProcess): Promise<void> {
  living.add(child);
  return new Promise((resolve) =>
    child.once("exit", () => {
      living.delete(child);
      resolve();
    }),
  );
}

function tail(lines: string[], child: ChildProcess): void {
  const push = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line) lines.push(line);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on("data", push);
  child.stderr?.on("data", push);
}

/** Debian's PostgreSQL binaries (newest version), or PG_BIN. */
function pgBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(path.join(base, v, "bin/initdb"))) : [];
  if (versions.length === 0) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (set PG_BIN)");
  versions.sort((a, b) => Number(b) - Number(a));
  return path.join(base, versions[0]!, "bin");
}

/** initdb refuses to run as root: then the cluster belongs to the `postgres` system user. */
function clusterOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const res = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (res.status !== 0) throw new Error("running as root needs a `postgres` system user to own the test cluster");
  return { uid: Number(res.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export type PgServer = {
  port: number;
  adminUrl: string;
  urlFor: (database: string) => string;
  isRunning: () => boolean;
  start: () => Promise<void>;
  /** Fast shutdown (SIGINT): active connections are terminated. */
  stop: () => Promise<void>;
  logs: string[];
  destroy: () => Promise<void>;
};

export async function startPostgres(): Promise<PgServer> {
  const bin = pgBinDir();
  const owner = clusterOwner();
  const dir = mkdtempSync(path.join(tmpdir(), "convo-faults-pg-"));
  dirs.add(dir);
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, "data");
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C", LC_ALL: "C" } as unknown as NodeJS.ProcessEnv;
  const init = spawnSync(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--no-instructions"], {
    ...owner,
    env,
    cwd: dir,
    encoding: "utf8",
  });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const logs: string[] = [];
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let running = false;
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;

  const server: PgServer = {
    port,
    adminUrl,
    logs,
    urlFor: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    isRunning: () => running,
    async start() {
      if (running) return;
      // Durability is not under test: no fsync keeps it fast.
      const proc = spawn(
        path.join(bin, "postgres"),
        ["-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
          "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200", "-c", "log_min_messages=warning"],
        { ...owner, env, cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
      );
      child = proc;
      tail(logs, proc);
      running = true;
      exited = track(proc).then(() => void (running = false));
      const deadline = Date.now() + 30_000;
      for (;;) {
        if (!running) throw new Error(`postgres exited during start:\n${logs.slice(-20).join("\n")}`);
        const c = new pg.Client({ connectionString: adminUrl });
        const ok = await c.connect().then(
          () => true,
          () => false,
        );
        await c.end().catch(() => undefined);
        if (ok) return;
        if (Date.now() > deadline) throw new Error(`postgres not ready in 30 s:\n${logs.slice(-20).join("\n")}`);
        await sleep(100);
      }
    },
    async stop() {
      if (!running || !child) return;
      child.kill("SIGINT");
      const timer = setTimeout(() => child?.kill("SIGQUIT"), 10_000);
      await exited;
      clearTimeout(timer);
    },
    async destroy() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
      dirs.delete(dir);
    },
  };
  await server.start();
  return server;
}

export type RedisServer = {
  port: number;
  url: string;
  isRunning: () => boolean;
  start: () => Promise<void>;
  /** SIGKILL: a crash, nothing persisted (there is no persistence anyway). */
  kill: () => Promise<void>;
  destroy: () => Promise<void>;
  logs: string[];
};

function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (d) => done(d.toString().startsWith("+PONG")));
  });
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const logs: string[] = [];
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let running = false;
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    logs,
    isRunning: () => running,
    async start() {
      if (running) return;
      const proc = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = proc;
      tail(logs, proc);
      running = true;
      exited = track(proc).then(() => void (running = false));
      const deadline = Date.now() + 10_000;
      while (!(await redisPing(port))) {
        if (!running) throw new Error(`redis-server exited during start:\n${logs.slice(-20).join("\n")}`);
        if (Date.now() > deadline) throw new Error("redis-server not ready in 10 s");
        await sleep(50);
      }
    },
    async kill() {
      if (!running || !child) return;
      child.kill("SIGKILL");
      await exited;
    },
    destroy: () => server.kill(),
  };
  await server.start();
  return server;
}
