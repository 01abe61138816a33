// Composition root: env → database (migrate, seed) → Next → HTTP server → Socket.IO → listen.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import nextEnv from "@next/env";
import next from "next";

const dev = process.env.NODE_ENV !== "production";
nextEnv.loadEnvConfig(process.cwd(), dev);

const { env } = await import("@/lib/env");
const { logger } = await import("@/lib/logger");
const { resolveAuthSecret } = await import("@/lib/auth/secret");
const { connectDb, disconnectDb } = await import("@/lib/db/client");
const { migrate } = await import("@/lib/db/migrate");
const { startEmbeddedDb } = await import("@/lib/db/embedded");
const { seedDefaultGroups } = await import("@/lib/groups/seed-default-groups");
const { startRealtime } = await import("@/lib/realtime/start-realtime");
const { ioPublisher } = await import("@/lib/realtime/publisher");
const { startMessageExpiry } = await import("@/lib/messages/expire-messages");
const { startUnsentUploadSweep } = await import("@/lib/storage/remove-unsent-uploads");
const { startLinkPreviewSweep } = await import("@/lib/link-previews/remove-old-previews");
const { loggedUrl } = await import("@/lib/http/logged-url");

async function main() {
  const config = env();
  const dataDir = path.resolve(config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });

  // Written back so Next's bundled Auth.js reads the same secret as the socket handshake.
  const authSecret = resolveAuthSecret();
  process.env.AUTH_SECRET = authSecret;

  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedDb({ dataDir, port: config.EMBEDDED_DB_PORT });
  const databaseUrl = config.DATABASE_URL ?? embedded!.url;
  const { applied } = await migrate(databaseUrl, { log: (msg) => logger.info(msg) });
  logger.info({ applied, database: embedded ? "embedded" : "postgres" }, "migrations checked");
  // PGlite is one PostgreSQL session behind its socket: concurrent connections interleave their
  // protocol messages, so the embedded database gets exactly one.
  const database = connectDb(databaseUrl, embedded ? 1 : config.DATABASE_POOL_SIZE, embedded ? "embedded" : "postgres");
  const seeded = await seedDefaultGroups(database);
  if (seeded) logger.info({ seeded }, "default groups created");

  const httpServer = createServer();
  const app = next({ dev, hostname: "localhost", port: config.PORT, httpServer });
  await app.prepare();
  const handle = app.getRequestHandler();
  httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const requestId = (req.headers["x-request-id"] as string | undefined)?.slice(0, 64) || randomUUID();
    // Rate limits key on the client IP: without a trusted proxy, the socket's address is the truth.
    if (!config.TRUST_PROXY) req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    res.setHeader("x-request-id", requestId);
    res.on("finish", () => {
      if (req.url?.startsWith("/_next/")) return;
      logger.info(
        { requestId, method: req.method, url: loggedUrl(req.url ?? ""), status: res.statusCode, ms: Math.round(performance.now() - started) },
        "request",
      );
    });
    void handle(req, res);
  });

  const realtime = await startRealtime(httpServer, { db: database, authSecret, publicUrl: config.AUTH_URL, redisUrl: config.REDIS_URL, redisChannel: config.REDIS_CHANNEL });

  const expiry = startMessageExpiry(database, ioPublisher(), config.MESSAGE_EXPIRY_SWEEP_MS);
  const unsentUploads = startUnsentUploadSweep(database);
  const oldLinkPreviews = startLinkPreviewSweep(database);

  await new Promise<void>((resolve) => httpServer.listen(config.PORT, config.HOST, resolve));
  logger.info({ url: `http://localhost:${config.PORT}`, dev }, "Convo is ready");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      logger.error("shutdown timed out; exiting");
      process.exit(1);
    }, 10_000);
    force.unref();
    // Stop accepting first, then end live sockets so clients reconnect elsewhere, then the data.
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    await realtime.close();
    await expiry.stop();
    await unsentUploads.stop();
    await oldLinkPreviews.stop();
    httpServer.closeAllConnections();
    await closed;
    await app.close?.();
    await disconnectDb();
    await embedded?.stop();
    logger.flush();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err: unknown) => {
  logger.fatal({ err }, "Convo failed to start");
  logger.flush();
  process.exit(1);
});
