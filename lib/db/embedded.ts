import { mkdir } from "node:fs/promises";
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

export async function startEmbeddedDb(opts: EmbeddedDbOptions): Promise<EmbeddedDb> {
  const dir = path.resolve(opts.dataDir, "pglite");
  await mkdir(dir, { recursive: true });
  const db = await PGlite.create(dir);
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
      })();
      return stopped;
    },
  };
}
