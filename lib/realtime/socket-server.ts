import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/sessions";
import { RateLimited } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { consume } from "@/lib/rate-limit/limiters";
import { MAX_JSON_BYTES } from "@/lib/limits";
import { authenticateHandshake, isAllowedOrigin } from "./handshake";
import { rooms } from "./rooms";

export type SocketData = { user: SessionUser };
export type ConvoSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;

export type RealtimeOptions = {
  db: Db;
  authSecret: string;
  publicUrl?: string;
  onConnection?: (socket: Socket) => void | Promise<void>;
};

export function createSocketServer(httpServer: HttpServer, options: RealtimeOptions): Server {
  const io = new Server(httpServer, {
    serveClient: false,
    transports: ["websocket", "polling"],
    maxHttpBufferSize: MAX_JSON_BYTES,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    allowRequest: (req, callback) => {
      const ok = isAllowedOrigin(req, options.publicUrl);
      if (!ok) logger.warn({ origin: req.headers.origin?.slice(0, 200) }, "socket refused: foreign origin");
      callback(ok ? null : "Origin not allowed", ok);
    },
  });

  io.use((socket, next) => {
    authenticateHandshake(socket, options.db, options.authSecret)
      .then(async (user) => {
        if (!user) return next(new Error("UNAUTHENTICATED"));
        // A connection costs reads of the memberships, a presence broadcast, and as much again
        // when it ends: each counts against the user's API limit, so a reconnect loop is bounded.
        await consume("api", user.id);
        socket.data.user = user;
        next();
      })
      .catch((err: unknown) => {
        if (err instanceof RateLimited) return next(new Error("RATE_LIMITED"));
        logger.error({ err }, "socket handshake failed");
        next(new Error("UNAVAILABLE"));
      });
  });

  io.on("connection", (socket) => {
    const user = socket.data.user as SessionUser;
    // The session room lets logout end exactly this browser's sockets, on every node. Joining is
    // local to this node and synchronous, so handlers are registered before any event arrives.
    void socket.join([rooms.user(user.id), rooms.session(user.sessionId)]);
    void options.onConnection?.(socket);
  });

  return io;
}
