// Whose presence this browser asks the server for: every direct-chat peer (online dots in the
// list, the chat header) plus whoever the UI shows besides (a group's members in its info panel).
// The server keeps a watch for the socket's lifetime, so only ids this socket does not watch yet
// are sent.
import { emitWithAck, type ConvoSocket } from "./socket";
import type { ChatStore } from "./store";

export function createPresenceWatch(store: ChatStore, connectedSocket: () => ConvoSocket | null) {
  /** Extra subscriptions asked for by the UI. */
  let extra: string[] = [];
  /** Who this socket already watches. */
  let watched = new Set<string>();

  /** Asks for the ids wanted and not watched yet (at most 500 at a time). */
  async function sync() {
    const socket = connectedSocket();
    if (!socket) return;
    const s = store.getState();
    const wanted = new Set(extra);
    for (const c of Object.values(s.conversations)) if (c.peer) wanted.add(c.peer.id);
    wanted.delete(s.me.id);
    const ids = [...wanted].filter((id) => !watched.has(id)).slice(0, 500);
    if (!ids.length) return;
    for (const id of ids) watched.add(id);
    const res = await emitWithAck(socket, "presence:watch", { userIds: ids });
    if (res.ok) store.getState().setPresence(res.presence);
    else for (const id of ids) watched.delete(id);
  }

  return {
    sync,
    /** A new connection watches nobody yet. */
    reset() {
      watched = new Set();
    },
    /** Asks for everyone again: the server may have stopped some watches, or may now allow them. */
    afresh() {
      watched = new Set();
      return sync();
    },
    /** Presence for these users too (replaces the last such list). */
    watch(userIds: string[]) {
      extra = [...new Set(userIds)];
      return sync();
    },
  };
}
