import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { installRateLimiters, uninstallRateLimiters } from "@/lib/rate-limit/limiters";
import { setIo } from "./io-registry";
import { markClosing } from "./presence";
import { shareUnwatchAmongWithPeers } from "./presence-among";
import { registerHandlers } from "./register-handlers";
import { createSocketServer } from "./socket-server";

export type RealtimeDeps = {
  db: Db;
  authSecret: string;
  publicUrl?: string;
  redisUrl?: string;
  /** Pub/sub channel prefix: nodes of one deployment share it (tests isolate themselves with it). */
  redisChannel?: string;
};

/**
 * Socket.IO on the shared HTTP server, registered for Next's modules to publish through. With
 * Redis, room broadcasts, socketsJoin/Leave and fetchSockets reach every node, and rate limits
 * are shared.
 */
export async function startRealtime(httpServer: HttpServer, deps: RealtimeDeps) {
  const io = createSocketServer(httpServer, {
    ...deps,
    onConnection: (socket) =>
      registerHandlers(io, deps.db, socket).catch((err: unknown) => {
        logger.error({ err }, "socket setup failed");
        socket.disconnect(true);
      }),
  });

  const redis = deps.redisUrl ? connectRedis(deps.redisUrl) : undefined;
  if (redis) {
    io.adapter(createAdapter(redis.pub, redis.sub, { requestsTimeout: 3000, key: deps.redisChannel ?? "convo" }));
    // Pub/sub keeps nothing: broadcasts around a Redis outage can be lost, so after it clients
    // re-sync by seq and nothing acknowledged stays missing. A reconnect of either connection may have lost broadcasts: subscriber gaps lose what other
    // nodes sent here, publisher gaps lose what this node sent everywhere (so that one is told to
    // every node once the publisher works again).
    onReconnect(redis.sub, () => io.local.emit("resync"));
    onReconnect(redis.pub, () => io.emit("resync"));
    shareUnwatchAmongWithPeers(io);
  }
  installRateLimiters(redis?.pub);
  setIo(io);

  return {
    io,
    async close() {
      setIo(undefined);
      markClosing(io);
      uninstallRateLimiters();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      // quit() lets commands already sent (the adapter's last publishes) finish first.
      if (redis) await Promise.allSettled([redis.pub.quit(), redis.sub.quit()]);
    },
  };
}

function onReconnect(client: Redis, then: () => void): void {
  let connectedBefore = false;
  client.on("ready", () => {
    if (connectedBefore) {
      logger.warn("redis reconnected: asking clients to resync");
      then();
    }
    connectedBefore = true;
  });
}

function connectRedis(url: string) {
  const options = { maxRetriesPerRequest: 2, enableOfflineQueue: true, retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000) };
  const pub = new Redis(url, options);
  const sub = pub.duplicate();
  for (const [name, client] of Object.entries({ pub, sub })) {
    client.on("error", (err: Error) => logger.warn({ err: err.message, client: name }, "redis error"));
  }
  return { pub, sub };
}
