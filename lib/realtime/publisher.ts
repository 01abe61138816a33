import type { Server } from "socket.io";
import { logger } from "@/lib/logger";
import type { PresenceEvent, ServerToClientEvents } from "./contract";
import { getIo } from "./io-registry";
import { unwatchPresenceAmong } from "./presence-among";
import { rooms } from "./rooms";

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/** How domain operations reach connected clients. Rooms work across nodes via the adapter. */
export type Publisher = {
  toConversation<E extends EventName>(conversationId: string, event: E, ...payload: Parameters<ServerToClientEvents[E]>): void;
  /** As toConversation, but not to any socket of these users. */
  toConversationExceptUsers<E extends EventName>(
    conversationId: string,
    userIds: string[],
    event: E,
    ...payload: Parameters<ServerToClientEvents[E]>
  ): void;
  toUser<E extends EventName>(userId: string, event: E, ...payload: Parameters<ServerToClientEvents[E]>): void;
  toAll<E extends EventName>(event: E, ...payload: Parameters<ServerToClientEvents[E]>): void;
  /** As toAll, but not to any socket of these users. */
  toAllExceptUsers<E extends EventName>(userIds: string[], event: E, ...payload: Parameters<ServerToClientEvents[E]>): void;
  /** The sockets watching this user's presence (lib/realtime/presence.ts). */
  toPresenceWatchers(userId: string, event: PresenceEvent): void;
  /** Every socket of `watcherId` (any node) starts / stops hearing `subjectId`'s presence. */
  setPresenceWatch(watcherId: string, subjectId: string, watch: boolean): void;
  /** Every socket of `userId` and of each of `otherIds` (any node) stops hearing the other side's presence. */
  unwatchPresenceBetween(userId: string, otherIds: string[]): void;
  /** Every socket of each of `userIds` (any node) stops hearing the others' presence. */
  unwatchPresenceAmong(userIds: string[]): void;
  /** Every socket of the user (any node) stops hearing anyone's presence. */
  unwatchAllPresence(userId: string): void;
  /** Every socket of the user (any node) starts / stops receiving the conversation's events. */
  subscribeUser(userId: string, conversationId: string): void;
  unsubscribeUser(userId: string, conversationId: string): void;
  /** Which of these users have at least one connected socket, on any node. */
  onlineAmong(userIds: string[]): Promise<Set<string>>;
  /**
   * Ends every socket of the user, on every node. A socket keeps the user it authenticated as,
   * so after a change to who they are (their role) browsers reconnect and authenticate afresh.
   */
  reconnectUser(userId: string): void;
};

export type { Payload };

/**
 * Publishes through the process's Socket.IO server; a no-op before it exists (scripts).
 * `exceptSocket`: the socket that acted and gets the result in its ack; conversation events skip
 * it (one write less per message sent), while the user's other tabs still get them.
 */
export function ioPublisher(ioOverride?: Server, opts: { exceptSocket?: string } = {}): Publisher {
  const io = () => ioOverride ?? getIo();
  return {
    toConversation(conversationId, event, ...payload) {
      const room = io()?.to(rooms.conversation(conversationId));
      (opts.exceptSocket ? room?.except(opts.exceptSocket) : room)?.emit(event, ...payload);
    },
    toConversationExceptUsers(conversationId, userIds, event, ...payload) {
      const except = [...userIds.map(rooms.user), ...(opts.exceptSocket ? [opts.exceptSocket] : [])];
      io()?.to(rooms.conversation(conversationId)).except(except).emit(event, ...payload);
    },
    toUser(userId, event, ...payload) {
      io()?.to(rooms.user(userId)).emit(event, ...payload);
    },
    toAll(event, ...payload) {
      io()?.emit(event, ...payload);
    },
    toAllExceptUsers(userIds, event, ...payload) {
      io()?.except(userIds.map(rooms.user)).emit(event, ...payload);
    },
    toPresenceWatchers(userId, event) {
      io()?.to(rooms.presence(userId)).emit("presence", event);
    },
    setPresenceWatch(watcherId, subjectId, watch) {
      const sockets = io()?.in(rooms.user(watcherId));
      if (watch) sockets?.socketsJoin(rooms.presence(subjectId));
      else sockets?.socketsLeave(rooms.presence(subjectId));
    },
    unwatchPresenceBetween(userId, otherIds) {
      const server = io();
      if (!server || otherIds.length === 0) return;
      // Two adapter operations whatever the number of people: one per direction.
      server.in(rooms.user(userId)).socketsLeave(otherIds.map(rooms.presence));
      server.in(otherIds.map(rooms.user)).socketsLeave(rooms.presence(userId));
    },
    unwatchAllPresence(userId) {
      // Whose presence each socket hears is known where it is: asked of every node, and each
      // socket told to leave those rooms wherever it is.
      void io()
        ?.in(rooms.user(userId))
        .fetchSockets()
        .then((sockets) => {
          for (const socket of sockets) for (const room of socket.rooms) if (room.startsWith(rooms.presence(""))) socket.leave(room);
        })
        .catch((err: unknown) => logger.warn({ err }, "leaving presence rooms failed"));
    },
    unwatchPresenceAmong(userIds) {
      const server = io();
      if (server) unwatchPresenceAmong(server, userIds);
    },
    subscribeUser(userId, conversationId) {
      io()?.in(rooms.user(userId)).socketsJoin(rooms.conversation(conversationId));
    },
    unsubscribeUser(userId, conversationId) {
      io()?.in(rooms.user(userId)).socketsLeave(rooms.conversation(conversationId));
    },
    async onlineAmong(userIds) {
      const server = io();
      if (!server || userIds.length === 0) return new Set();
      const sockets = await server.in(userIds.map(rooms.user)).fetchSockets();
      return new Set(sockets.map((s) => (s.data as { user: { id: string } }).user.id));
    },
    reconnectUser(userId) {
      io()?.in(rooms.user(userId)).disconnectSockets(true);
    },
  };
}
