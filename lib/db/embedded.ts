import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// Zero-config database: PGlite (Postgres compiled to wasm, data in a directory) served over the
// Postgres wire protocol on a loopback port. The app, the migration runner and psql then all
// use the same pg/@prisma/adapter-pg URL as with a real server — one code path, no in-process
// adapter.

export type EmbeddedDb = { url: string; stop(): Promise<void> };

export type EmbeddedDbOptions = {
  /** The app's data directory; the database lives in `<dataDir>/pglite`. */
  dataDir: string;
  /** 0 (default) binds a free port. */
  port?: number;
  /**
   * Concurrent client connections accepted. The server's own default is 1, and a pool larger
   * than this limit gets "Connection terminated", so leave room for every pool in the process.
   */
  maxConnections?: number;
};

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Lock files this process holds: tells our own lock apart from a previous process's that had our pid. */
const heldLocks = new Set<string>();

/**
 * PGlite itself does not stop a second instance from opening the same directory (measured: it
 * opens, and the two then overwrite each other's files), e.g. `npm run db:deploy` while the
 * server runs. A pid file next to the data does; a dead owner's file is stale and replaced.
 * A file with our own pid that we do not hold is stale too: containers restart with the same
 * pids.
 */
async function lockDataDir(lockFile: string): Promise<() => Promise<void>> {
  if (heldLocks.has(lockFile)) throw new Error(`The embedded database ${lockFile} is already open in this process`);
  for (;;) {
    try {
      await writeFile(lockFile, `${process.pid}\n`, { flag: "wx" });
      heldLocks.add(lockFile);
      return async () => {
        heldLocks.delete(lockFile);
        await rm(lockFile, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const owner = Number.parseInt(await readFile(lockFile, "utf8").catch(() => ""), 10);
    if (owner > 0 && owner !== process.pid && processAlive(owner)) {
      throw new Error(
        `The embedded database is in use by process ${owner} (lock file ${lockFile}). Stop that ` +
          "process first (or delete the file if it is not a Convo process), or set DATABASE_URL.",
      );
    }
    await rm(lockFile, { force: true });
  }
}

export async function startEmbeddedDb(opts: EmbeddedDbOptions): Promise<EmbeddedDb> {
  const dir = path.resolve(opts.dataDir, "pglite");
  await mkdir(dir, { recursive: true });
  const unlock = await lockDataDir(`${dir}.lock`);
  let db: PGlite;
  try {
    db = await PGlite.create(dir);
  } catch (err) {
    await unlock();
    throw err;
  }
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: opts.port ?? 0,
    maxConnections: opts.maxConnections ?? 40,
  });
  try {
    await server.start();
  } catch (err) {
    await db.close();
    await unlock();
    throw err;
  }
  // After start() the server reports the port it really bound ("127.0.0.1:54321"), which
  // matters when port 0 asked the OS for a free one.
  const port = Number(server.getServerConn().split(":").pop());
  // PGlite has one user (postgres) and one database (postgres), no password, no TLS.
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;

  let stopped: Promise<void> | undefined;
  return {
    url,
    stop() {
      // Stop accepting/close client sockets first, then close PGlite, which checkpoints and
      // flushes its data directory (it runs with fsync=off, so a clean close is what persists).
      stopped ??= (async () => {
        await server.stop();
        await db.close();
        await unlock();
      })();
      return stopped;
    },
  };
}
