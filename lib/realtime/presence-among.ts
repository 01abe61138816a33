import type { Server } from "socket.io";
import { rooms } from "./rooms";

// A group's members stop hearing each other's presence (the group was deleted). Done on each node
// over its own sockets: an adapter-wide socketsLeave of every member's room would try every
// member's presence room on every member's socket, 25 million leaves for 5,000 members.

const EVENT = "presence:unwatch-among";
const withPeers = new WeakSet<Server>();

/** Every socket of these users, on every node, leaves the presence rooms of the others. */
export function unwatchPresenceAmong(io: Server, userIds: string[]): void {
  if (userIds.length < 2) return;
  leaveHere(io, userIds);
  if (withPeers.has(io)) io.serverSideEmit(EVENT, userIds);
}

/** With Redis: this node tells the others, and carries out what they ask. */
export function shareUnwatchAmongWithPeers(io: Server): void {
  withPeers.add(io);
  io.on(EVENT, (userIds: unknown) => {
    if (Array.isArray(userIds)) leaveHere(io, userIds.filter((id): id is string => typeof id === "string"));
  });
}

function leaveHere(io: Server, userIds: string[]): void {
  const subjectOf = new Map(userIds.map((id) => [rooms.presence(id), id]));
  for (const userId of userIds) {
    for (const socketId of io.sockets.adapter.rooms.get(rooms.user(userId)) ?? []) {
      const socket = io.sockets.sockets.get(socketId);
      if (!socket) continue;
      // A socket is in few rooms: walk its own, not the group's.
      for (const room of [...socket.rooms]) {
        const subject = subjectOf.get(room);
        if (subject !== undefined && subject !== userId) void socket.leave(room);
      }
    }
  }
}
