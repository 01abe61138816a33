import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import { createSession, type SessionUser } from "@/lib/auth/sessions";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { contextFor, type Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/contract";
import type { Publisher } from "@/lib/realtime/publisher";
import { startRealtime } from "@/lib/realtime/start-realtime";
import { avatarColorFor, initialsOf } from "@/lib/users/profile-defaults";

export type TestUser = SessionUser & { cookie: string; ctx: Ctx };

let counter = 0;

/** A real user with a real server-side session and the cookie a browser would send. */
export async function createTestUser(db: Db, opts: { name?: string; role?: "USER" | "ADMIN"; publish?: Publisher } = {}): Promise<TestUser> {
  const unique = `${Date.now().toString(36)}${(counter++).toString(36)}${randomUUID().slice(0, 4)}`;
  const name = opts.name ?? `Tester ${unique}`;
  const user = await db.user.create({
    data: {
      email: `${unique}@example.test`,
      name,
      username: `t_${unique}`.slice(0, 24),
      initials: initialsOf(name),
      avatarColor: avatarColorFor(unique),
      role: opts.role ?? "USER",
    },
  });
  const session = await createSession(db, user.id, 1);
  const token = await encode({
    token: { uid: user.id, sid: session.id, sub: user.id },
    secret: resolveAuthSecret(),
    salt: "authjs.session-token",
  });
  const sessionUser: SessionUser = { ...user, sessionId: session.id };
  return {
    ...sessionUser,
    cookie: `authjs.session-token=${token}`,
    ctx: contextFor(sessionUser, { db, publish: opts.publish ?? recordingPublisher() }),
  };
}

export type RecordingPublisher = Publisher & { events: { to: string; event: string; payload: unknown }[] };

/** Collects what a domain operation publishes, so tests can assert on it. */
export function recordingPublisher(): RecordingPublisher {
  const events: RecordingPublisher["events"] = [];
  return {
    events,
    toConversation: (id, event, ...payload) => void events.push({ to: `conv:${id}`, event, payload: payload[0] }),
    toConversationExceptUsers: (id, userIds, event, ...payload) =>
      void events.push({ to: `conv:${id} except ${userIds.map((u) => `user:${u}`).join(",")}`, event, payload: payload[0] }),
    toUser: (id, event, ...payload) => void events.push({ to: `user:${id}`, event, payload: payload[0] }),
    toAll: (event, ...payload) => void events.push({ to: "all", event, payload: payload[0] }),
    toAllExceptUsers: (userIds, event, ...payload) =>
      void events.push({ to: `all except ${userIds.map((u) => `user:${u}`).join(",")}`, event, payload: payload[0] }),
    toPresenceWatchers: (userId, payload) => void events.push({ to: `presence:${userId}`, event: "presence", payload }),
    setPresenceWatch: (watcherId, subjectId, watch) =>
      void events.push({ to: `user:${watcherId}`, event: watch ? "watch-presence" : "unwatch-presence", payload: subjectId }),
    unwatchPresenceBetween: (userId, otherIds) => void events.push({ to: `user:${userId}`, event: "unwatch-presence-between", payload: otherIds }),
    unwatchPresenceAmong: (userIds) => void events.push({ to: "users", event: "unwatch-presence-among", payload: userIds }),
    unwatchAllPresence: (userId) => void events.push({ to: `user:${userId}`, event: "unwatch-all-presence", payload: undefined }),
    subscribeUser: (userId, conversationId) => void events.push({ to: `user:${userId}`, event: "subscribe", payload: conversationId }),
    unsubscribeUser: (userId, conversationId) => void events.push({ to: `user:${userId}`, event: "unsubscribe", payload: conversationId }),
    onlineAmong: async () => new Set(),
    reconnectUser: (userId) => void events.push({ to: `user:${userId}`, event: "reconnect", payload: undefined }),
  };
}

/** The real Socket.IO server with the app's handlers on a free port (no Next needed). */
export async function startTestRealtime(db: Db, opts: { redisUrl?: string; redisChannel?: string } = {}) {
  const httpServer = createServer();
  const realtime = await startRealtime(httpServer, { db, authSecret: resolveAuthSecret(), ...opts });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return { url, io: realtime.io, close: () => realtime.close() };
}

export type TestSocket = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

/** Connects like a browser tab: session cookie and (by default) a same-site Origin. */
export function connectSocket(url: string, cookie: string | undefined, opts: { origin?: string } = {}): Promise<TestSocket> {
  const socket: TestSocket = connectClient(url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { ...(cookie ? { cookie } : {}), origin: opts.origin ?? url },
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}

/**
 * Connects like the app does: a sync right after connecting, answered once the rooms are
 * joined. The socket is added to `open`, for the test file to close at the end.
 */
export async function connectSynced(url: string, cookie: string, open: TestSocket[]): Promise<TestSocket> {
  const socket = await connectSocket(url, cookie);
  open.push(socket);
  await socket.emitWithAck("sync", { cursors: {} });
  return socket;
}

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** Resolves with the next `event` (matching `where`, if given) the socket receives, or rejects after `ms`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  where: (payload: Payload<E>) => boolean = () => true,
  ms = 3000,
) {
  return new Promise<Payload<E>>((resolve, reject) => {
    const listener = ((payload: Payload<E>) => {
      if (!where(payload)) return;
      clearTimeout(timer);
      socket.off(event as never, listener);
      resolve(payload);
    }) as never;
    const timer = setTimeout(() => {
      socket.off(event as never, listener);
      reject(new Error(`no ${String(event)} within ${ms} ms`));
    }, ms);
    socket.on(event as never, listener);
  });
}

/** Collects every `event` the socket receives until stop() is called. */
export function collect<E extends keyof ServerToClientEvents>(socket: TestSocket, event: E) {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  const listener = ((payload: never) => seen.push(payload)) as never;
  socket.on(event as never, listener);
  return { seen, stop: () => socket.off(event as never, listener) };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
