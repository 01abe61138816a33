import type { Server, Socket } from "socket.io";
import type { Db } from "@/lib/db/client";
import { hiddenPresence, presenceOf, sharesPresence } from "@/lib/users/presence-privacy";
import type { PresenceEvent } from "./contract";
import { rooms } from "./rooms";

// Presence is derived from the sockets themselves: a user is online while any socket of theirs
// is in their user room on any node (fetchSockets asks every node through the adapter), so
// several tabs keep one user online until the last one closes.

// A node shutting down drops its sockets so they reconnect elsewhere: that is not their users
// going offline, and the adapter may already be gone.
const closing = new WeakSet<Server>();
export const markClosing = (io: Server) => void closing.add(io);

export async function isOnline(io: Server, userId: string): Promise<boolean> {
  const sockets = await io.in(rooms.user(userId)).fetchSockets();
  return sockets.length > 0;
}

/** Called after a socket joined its user room: the first socket announces the user online. */
export async function announceConnected(io: Server, db: Db, socket: Socket, userId: string): Promise<void> {
  const sockets = await io.in(rooms.user(userId)).fetchSockets();
  if (sockets.length !== 1 || sockets[0]!.id !== socket.id) return;
  const lastActiveAt = new Date();
  const { settings } = await db.user.update({ where: { id: userId }, data: { lastActiveAt }, select: { settings: true } });
  // Someone who hides their last seen and online is never announced.
  if (!sharesPresence(settings)) return;
  const event: PresenceEvent = { userId, online: true, lastActiveAt: lastActiveAt.toISOString() };
  io.to(rooms.presence(userId)).emit("presence", event);
}

/** Called after a socket left: when it was the user's last one, record "last seen" and announce. */
export async function announceDisconnected(io: Server, db: Db, userId: string): Promise<void> {
  if (closing.has(io) || (await isOnline(io, userId))) return;
  const lastActiveAt = new Date();
  const { settings } = await db.user.update({ where: { id: userId }, data: { lastActiveAt }, select: { settings: true } });
  if (!sharesPresence(settings)) return;
  const event: PresenceEvent = { userId, online: false, lastActiveAt: lastActiveAt.toISOString() };
  io.to(rooms.presence(userId)).emit("presence", event);
}

/**
 * Current presence of people I share a conversation with; subscribes me to their changes.
 * Anyone else's presence is not mine to see, nor of those who blocked me, nor anyone's while I
 * hide my own: then this socket stops watching everyone (it asks again when I change the
 * setting).
 */
export async function watchPresence(io: Server, db: Db, socket: Socket, me: string, userIds: string[]): Promise<PresenceEvent[]> {
  const [mine, visible] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: me }, select: { settings: true } }),
    db.user.findMany({
      where: {
        id: { in: userIds, not: me },
        participants: { some: { leftAt: null, conversation: { participants: { some: { userId: me, leftAt: null } } } } },
      },
      select: { id: true, lastActiveAt: true, settings: true, blocking: { where: { blockedId: me }, select: { blockerId: true } } },
    }),
  ]);
  if (!sharesPresence(mine.settings)) {
    for (const room of socket.rooms) if (room.startsWith(rooms.presence(""))) await socket.leave(room);
    return visible.map((u) => hiddenPresence(u.id));
  }
  const subjects = visible.map((u) => ({ ...u, blockedViewer: u.blocking.length > 0 }));
  // Joined also where their setting hides them now, so that a change of it reaches me.
  await socket.join(subjects.filter((u) => !u.blockedViewer).map((u) => rooms.presence(u.id)));
  const online = await io.in(subjects.map((u) => rooms.user(u.id))).fetchSockets();
  const onlineIds = new Set(online.map((s) => (s.data as { user: { id: string } }).user.id));
  return subjects.map((u) => ({ userId: u.id, ...presenceOf(u, onlineIds, true) }));
}
