import type { Server as HttpServer } from "node:http";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { setIo } from "./io-registry";
import { registerHandlers } from "./register-handlers";
import { createSocketServer } from "./socket-server";

export type RealtimeDeps = { db: Db; authSecret: string; publicUrl?: string; redisUrl?: string };

/** Socket.IO on the shared HTTP server, registered for Next's modules to publish through. */
export async function startRealtime(httpServer: HttpServer, deps: RealtimeDeps) {
  const io = createSocketServer(httpServer, {
    ...deps,
    onConnection: (socket) =>
      registerHandlers(io, deps.db, socket).catch((err: unknown) => {
        logger.error({ err }, "socket setup failed");
        socket.disconnect(true);
      }),
  });
  setIo(io);
  return {
    io,
    async close() {
      setIo(undefined);
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
