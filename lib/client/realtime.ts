// The realtime client: owns the socket, feeds server events into the store and runs the
// delivery machinery (outbox + retries, sync after reconnect, receipts, typing, presence).
// Framework-free so it can be driven by a fake socket in tests; React wires it in use-realtime.
import { MAX_MESSAGE_LENGTH } from "@/lib/limits";
import type { ConversationSummary, MessageDto, MessageReceipts } from "@/lib/realtime/contract";
import { ApiError, toClientError, type Api } from "./api";
import { realTimers, type EmitAck, type Timers } from "./batcher";
import { createReceiptBatchers, emitReceipt } from "./receipt-batchers";
import { createConversationLoader } from "./conversation-loader";
import { maxSeq, maxSeqFromOthers } from "./messages";
import { createMessageActions } from "./message-actions";
import { messageApi, type MessageApi } from "./message-api";
import { loadDrafts, saveDraftChanges } from "./drafts";
import { ACK_TIMEOUT_MS, dueForSend, hasContent, loadOutbox, newEntry, saveOutboxChanges, sendInput, type RichParts } from "./outbox";
import { createPresenceWatch } from "./presence-watch";
import { isPermanent } from "./retry";
import type { ViewMessage } from "./rows";
import { emitWithAck, type ConvoSocket } from "./socket";
import type { ChatStore } from "./store";
import { listenForStoreEvents } from "./server-events";
import { createTypingEmitter } from "./typing";

export type RealtimeDeps = {
  store: ChatStore;
  api: Api;
  createSocket: () => ConvoSocket;
  storage?: () => Storage | undefined;
  now?: () => number;
  timers?: Timers;
  randomId?: () => string;
  onUnauthenticated?: () => void;
  /** Stars, edit history, pages around a message (defaults to the real HTTP API). */
  messageApi?: MessageApi;
  /** Browser hooks (online/offline); omitted in tests. */
  window?: Pick<Window, "addEventListener" | "removeEventListener"> & { navigator: { onLine: boolean } };
};

export type RealtimeClient = ReturnType<typeof createRealtimeClient>;

export function createRealtimeClient(deps: RealtimeDeps) {
  const { store, api } = deps;
  const now = deps.now ?? Date.now;
  const timers = deps.timers ?? realTimers;
  const randomId = deps.randomId ?? (() => crypto.randomUUID());
  const me = () => store.getState().me.id;
  const messageActions = createMessageActions({
    store,
    api: deps.messageApi ?? messageApi,
    socket: liveSocket,
    randomId,
  });
  const { loadLatest, loadOlder, loadConversation } = createConversationLoader({
    store,
    api,
    page: messageActions.page,
    noteDelivered,
    checkGap,
  });

  let socket: ConvoSocket | null = null;
  let running = false;
  const inFlight = new Set<string>();
  const presence = createPresenceWatch(store, liveSocket);
  let syncing: Promise<void> | null = null;
  /** Between a (re)connect and the end of its sync: the outbox waits, so old messages land first. */
  let catchingUp = false;
  /** A connect after the first is a reconnect: what is loaded may have missed updates. */
  let connectedBefore = false;
  let resyncAfter = false;
  let gapTimer: unknown = null;
  let groupsTimer: unknown = null;
  let reconnectTimer: unknown = null;
  let connectTimer: unknown = null;
  const intervals: unknown[] = [];
  const cleanups: (() => void)[] = [];

  const connected = () => !!socket?.connected;
  /** The socket while it is connected: what the message actions and the presence watch emit on. */
  function liveSocket() {
    return socket?.connected ? socket : null;
  }

  const { delivered, reads } = createReceiptBatchers(
    (kind, conversationId, seq) => {
      // Its ack tells the batcher whether to try again (rate limited, database down, no answer).
      if (socket?.connected) return emitReceipt(socket, kind, conversationId, seq);
      // Offline: keep it for the next flush (after the reconnect).
      if (kind === "delivered" || (deps.window && !deps.window.navigator.onLine)) return false;
      // Reconnecting: a read is still worth telling the server now (other tabs, the sender's ticks),
      // and a refusal of it is retried by the same rules as one over the socket.
      return api.markRead(conversationId, seq).then(
        (): EmitAck => ({ ok: true }),
        (err: unknown): EmitAck => ({ ok: false, error: toClientError(err) }),
      );
    },
    250,
    timers,
  );
  const typing = createTypingEmitter(
    (conversationId, isTyping, recording) => {
      if (socket?.connected) socket.emit("typing", { conversationId, isTyping, ...(recording ? { recording } : {}) });
    },
    now,
    timers,
  );

  // ---- incoming -------------------------------------------------------------------------------

  function noteDelivered(conversationId: string, messages: MessageDto[]) {
    const seq = maxSeqFromOthers(messages, me());
    if (seq > 0) delivered.add(conversationId, seq);
  }

  function ensureConversation(conversationId: string) {
    if (store.getState().conversations[conversationId]) return;
    void loadConversation(conversationId);
  }

  /** A seq jumped past what we hold while connected: an event was lost, so sync (debounced). */
  function checkGap(conversationId: string) {
    const m = store.getState().messages[conversationId];
    if (!m || m.status !== "ready" || maxSeq(m.items) <= m.syncedSeq) return;
    if (gapTimer !== null) return;
    gapTimer = timers.set(() => {
      gapTimer = null;
      const cur = store.getState().messages[conversationId];
      if (cur && cur.status === "ready" && maxSeq(cur.items) > cur.syncedSeq) void sync();
    }, 1_500);
  }

  function onMessage(message: MessageDto) {
    const s = store.getState();
    s.receiveMessages(message.conversationId, [message]);
    if (message.senderId !== s.me.id) {
      s.typingEvent({ conversationId: message.conversationId, userId: message.senderId, isTyping: false }, now());
      delivered.add(message.conversationId, message.seq);
    }
    ensureConversation(message.conversationId);
    checkGap(message.conversationId);
    // A group event (role change, new owner, …): refresh the member list if it is loaded.
    if (message.type === "SYSTEM" && s.members[message.conversationId]) void loadConversation(message.conversationId);
  }

  /** I left or was removed (told live, or by a sync after being away): history stays, read-only. */
  function removedFrom(conversationId: string) {
    const s = store.getState();
    s.markRemoved(conversationId);
    s.setGroupMembership(conversationId, false);
    // The server stopped my presence watches of members I share no other chat with: ask again for
    // those I still see, so that a later rejoin asks for all of them afresh.
    void presence.afresh();
  }

  // How often I became a member again, per chat: a sync answered before a rejoin must not undo it.
  const rejoins = new Map<string, number>();

  function rejoined(conversationId: string) {
    rejoins.set(conversationId, (rejoins.get(conversationId) ?? 0) + 1);
    store.getState().restoreMembership(conversationId);
  }

  function attach(sock: ConvoSocket) {
    sock.on("connect", () => {
      if (reconnectTimer !== null) timers.clear(reconnectTimer);
      reconnectTimer = null;
      presence.reset();
      store.getState().setConnection("connected");
      delivered.reset();
      reads.reset();
      typing.reset();
      void afterConnect();
    });
    sock.on("disconnect", (reason) => {
      inFlight.clear();
      // No presence events reach us while away: don't go on showing people online.
      store.getState().forgetOnline();
      const online = deps.window?.navigator.onLine ?? true;
      store.getState().setConnection(online ? "reconnecting" : "offline");
      // The server ended it (logout elsewhere, deploy): try again; a dead session fails the handshake.
      if (reason === "io server disconnect" && running && online) scheduleReconnect(1_000);
    });
    sock.on("connect_error", (err) => {
      if (err.message === "UNAUTHENTICATED") {
        running = false;
        sock.disconnect();
        (deps.onUnauthenticated ?? (() => undefined))();
        return;
      }
      const online = deps.window?.navigator.onLine ?? true;
      store.getState().setConnection(online ? "reconnecting" : "offline");
      // A refusal by the server's middleware is not retried by Socket.IO itself.
      if (!sock.active && running) scheduleReconnect(3_000);
    });
    sock.on("message:new", onMessage);
    listenForStoreEvents(sock, { store, now, loadConversation, refreshPins: messageActions.refreshPins });
    sock.on("conversation:updated", (c) => {
      const s = store.getState();
      const wasKnown = !!s.conversations[c.id];
      s.upsertConversation(c);
      if (!wasKnown && c.lastSeq > c.readSeq) delivered.add(c.id, c.lastSeq);
    });
    sock.on("conversation:removed", ({ conversationId }) => removedFrom(conversationId));
    sock.on("member:joined", ({ conversationId, member }) => {
      const s = store.getState();
      s.memberJoined(conversationId, member);
      if (member.id === s.me.id) rejoined(conversationId);
    });
    sock.on("member:left", ({ conversationId, userId, ...after }) => {
      const s = store.getState();
      s.memberLeft(conversationId, userId, after);
      if (userId === s.me.id) s.setGroupMembership(conversationId, false);
    });
    // My own profile or settings from another tab (refetched).
    sock.on("profile:updated", (user) => {
      store.getState().userUpdated(user);
      store.getState().profileChanged();
      // My "Last seen and online" setting may have changed: it decides whose presence I see.
      void presence.afresh();
    });
    sock.on("resync", () => {
      // Presence changes may have been missed too: ask for everyone's again.
      presence.reset();
      void catchUp(true);
    });
    sock.on("groups:changed", () => {
      if (groupsTimer !== null) return;
      groupsTimer = timers.set(() => {
        groupsTimer = null;
        void refreshGroups();
      }, 300);
    });
  }

  function scheduleReconnect(ms: number) {
    if (reconnectTimer !== null) return;
    reconnectTimer = timers.set(() => {
      reconnectTimer = null;
      if (running && socket && !socket.connected) socket.connect();
    }, ms);
  }

  async function afterConnect() {
    const reconnected = connectedBefore;
    connectedBefore = true;
    await catchUp(reconnected);
  }

  /**
   * After a (re)connect, or when the server says it may have missed broadcasts to us (`resync`:
   * its Redis came back): merge what was missed, then send what waits in the outbox.
   */
  async function catchUp(reconnected: boolean) {
    catchingUp = true;
    try {
      await sync();
    } finally {
      catchingUp = false;
    }
    if (!connected()) return;
    if (reconnected) {
      // Chats read afresh by the sync are loading, not ready: they are left out.
      store.getState().markLoadedStale();
      const active = store.getState().activeId;
      if (active) void loadLatest(active);
    }
    flushOutbox(true);
    void presence.sync();
    // Stars changed in another tab while this one was away: take the server's list.
    messageActions.loadStarred().catch(() => undefined);
    // Pins changed while away in a chat that shows them.
    for (const conversationId of Object.keys(store.getState().pins)) messageActions.refreshPins(conversationId).catch(() => undefined);
    // Whatever arrived while we were away counts as delivered now that this browser has it.
    for (const c of Object.values(store.getState().conversations)) {
      if (c.lastSeq > c.readSeq) delivered.add(c.id, c.lastSeq);
    }
    delivered.flush();
    reads.flush();
  }

  /** `sync` with the highest contiguous seq per loaded conversation; merges what was missed. */
  function sync(): Promise<void> {
    if (syncing) {
      resyncAfter = true;
      return syncing;
    }
    syncing = (async () => {
      if (!socket) return;
      const s = store.getState();
      const cursors: Record<string, number> = {};
      for (const [id, m] of Object.entries(s.messages)) if (m.status === "ready") cursors[id] = m.syncedSeq;
      // Every chat shown, loaded or not: one removed or deleted meanwhile must not stay listed.
      const listed = Object.keys(s.conversations).slice(0, 1000);
      const rejoinsBefore = new Map(rejoins);
      const res = await emitWithAck(socket, "sync", { cursors, listed }, 15_000);
      if (!res.ok) {
        if (connected()) scheduleResync();
        return;
      }
      // A read receipt lost on the way (a connection that was already dead, a refusal) left the
      // server behind what this tab read: say it again, or the sender's ticks and my other
      // devices' badges stay behind until I read the next message.
      const readHere = res.conversations.flatMap((c) => {
        const local = store.getState().conversations[c.id]?.readSeq ?? 0;
        return local > c.readSeq ? [[c.id, local] as const] : [];
      });
      store.getState().applySync(res, cursors);
      for (const [conversationId, seq] of readHere) reads.add(conversationId, seq);
      const stillAway = (conversationId: string) => rejoins.get(conversationId) === rejoinsBefore.get(conversationId);
      for (const conversationId of res.removed) if (stillAway(conversationId)) removedFrom(conversationId);
      // Deleted while we were away: as the live conversation:removed and conversation:deleted do.
      for (const conversationId of res.gone) {
        if (!stillAway(conversationId)) continue;
        removedFrom(conversationId);
        store.getState().conversationDeleted(conversationId);
      }
      for (const [conversationId, missed] of Object.entries(res.missed)) noteDelivered(conversationId, missed);
      for (const conversationId of res.truncated) void loadLatest(conversationId, "reset");
      // Disappearing messages may have gone unannounced to us: every sync follows events that may
      // have been missed (being away, a lost event, the server's resync), messages:expired too.
      // So timed chats are read afresh; what arrives live meanwhile stays (see pageLoaded).
      for (const c of res.conversations) {
        if (c.messageTimerSec !== null && cursors[c.id] !== undefined && !res.truncated.includes(c.id)) void loadLatest(c.id, "reset");
      }
    })().finally(() => {
      syncing = null;
      if (resyncAfter) {
        resyncAfter = false;
        void sync();
      }
    });
    return syncing;
  }

  function scheduleResync() {
    timers.set(() => {
      if (connected()) void sync();
    }, 3_000);
  }

  // ---- outbox ---------------------------------------------------------------------------------

  async function sendEntry(clientId: string) {
    const entry = store.getState().outbox.find((e) => e.clientId === clientId);
    if (!entry || !socket || !socket.connected || inFlight.has(clientId)) return;
    inFlight.add(clientId);
    store.getState().outboxAttempt(clientId, now());
    const res = await emitWithAck(
      socket,
      "message:send",
      sendInput(entry),
      ACK_TIMEOUT_MS,
    );
    inFlight.delete(clientId);
    if (res.ok) {
      store.getState().receiveMessages(res.message.conversationId, [res.message]);
      checkGap(res.message.conversationId);
      flushOutbox(); // the next one in line
      return;
    }
    if (res.error.code === "GONE") {
      // Sent on an earlier attempt and gone since, as its chat's timer said: nothing to show.
      store.getState().outboxDiscard(clientId);
      flushOutbox();
      return;
    }
    // Refused for good: the message is marked failed.
    if (isPermanent(res.error)) {
      store.getState().outboxFailed(clientId, res.error.message || "Not sent");
      if (res.error.reason === "GROUP_ARCHIVED") {
        // Archived while we were away (summaries don't carry it): read-only, still a member.
        store.getState().patchConversation({ conversationId: entry.conversationId, archived: true });
      } else if (res.error.reason === "ONLY_ADMINS_SEND") {
        // Made an announcement group meanwhile: still a member, who now reads only.
        store.getState().patchConversation({ conversationId: entry.conversationId, onlyAdminsSend: true });
      } else if (
        (res.error.code === "FORBIDDEN" || res.error.code === "NOT_FOUND") &&
        // A direct chat refuses sends while a block stands: still my chat, just not writable now.
        store.getState().conversations[entry.conversationId]?.type !== "DIRECT"
      ) {
        store.getState().markRemoved(entry.conversationId);
      }
      flushOutbox();
    }
    // Otherwise (timeout, disconnect, rate limit): it stays pending and the timer retries it.
  }

  function flushOutbox(all = false) {
    if (!connected() || catchingUp) return;
    const due = dueForSend(store.getState().outbox, now(), inFlight, all ? 0 : ACK_TIMEOUT_MS);
    for (const e of due) void sendEntry(e.clientId);
  }

  // ---- public API -----------------------------------------------------------------------------

  /** Queue a message: text, or files (text = caption) / a location / a poll / a contact, optionally as a reply. */
  function send(conversationId: string, rawText: string, rich: RichParts = {}): boolean {
    const text = rawText.trim();
    if (!hasContent({ text, ...rich }) || text.length > MAX_MESSAGE_LENGTH) return false;
    const s = store.getState();
    s.enqueue(newEntry({ clientId: randomId(), conversationId, senderId: s.me.id, text, ...rich }, new Date(now())));
    typing.stop(conversationId);
    flushOutbox();
    return true;
  }

  function retry(clientId: string) {
    store.getState().outboxRetry(clientId);
    flushOutbox();
  }

  /** Deletes messages of one chat; ones still waiting to be sent just leave the outbox. */
  async function deleteMessages(messages: ViewMessage[], scope: "me" | "everyone", conversationId: string) {
    for (const m of messages) if (!m.id) store.getState().outboxDiscard(m.clientId);
    const messageIds = messages.flatMap((m) => (m.id ? [m.id] : []));
    if (!messageIds.length) return;
    let deleted: { messageId: string; byAdmin: boolean }[];
    if (connected()) {
      const res = await emitWithAck(socket!, "message:delete", { messageIds, for: scope });
      if (!res.ok) throw new ApiError(res.error.code, res.error.message, 0);
      ({ deleted } = res);
    } else {
      ({ deleted } = await api.deleteMessages(messageIds, scope));
    }
    for (const { messageId, byAdmin } of deleted) store.getState().messageDeleted({ conversationId, messageId, forEveryone: scope === "everyone", byAdmin });
  }

  function markRead(conversationId: string, seq: number) {
    const conv = store.getState().conversations[conversationId];
    if (!conv || seq <= conv.readSeq) return;
    store.getState().markReadLocal(conversationId, seq);
    reads.add(conversationId, seq);
  }

  async function refreshGroups() {
    try {
      const { groups } = await api.groups();
      store.getState().setGroups(groups);
    } catch {
      // Keep showing the last list.
    }
  }

  async function openDirect(userId: string): Promise<ConversationSummary> {
    const { conversation } = await api.openDirect(userId);
    store.getState().upsertConversation(conversation);
    return conversation;
  }

  async function joinGroup(groupId: string): Promise<ConversationSummary> {
    const { conversation } = await api.joinGroup(groupId);
    const s = store.getState();
    s.upsertConversation(conversation);
    rejoined(conversation.id);
    s.setGroupMembership(groupId, true);
    void loadConversation(conversation.id);
    void refreshGroups();
    return conversation;
  }

  async function leaveGroup(groupId: string): Promise<void> {
    await api.leaveGroup(groupId);
    removedFrom(groupId);
    const s = store.getState();
    s.memberLeft(groupId, s.me.id);
    void refreshGroups();
  }

  /** Names of senders we have never seen (e.g. someone who left a group before we loaded it). */
  const resolving = new Set<string>();
  function resolveUsers(userIds: string[]) {
    const known = store.getState().users;
    for (const id of userIds) {
      if (known[id] || resolving.has(id)) continue;
      resolving.add(id); // kept on failure too: no retry storm for a deleted account
      api
        .user(id)
        .then(({ user }) => store.getState().rememberUsers([user]))
        .catch(() => undefined);
    }
  }

  function receipts(messageId: string): Promise<MessageReceipts> {
    return api.receipts(messageId);
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  function start() {
    if (running) return;
    running = true;
    const storage = deps.storage?.();
    const s = store.getState();
    s.hydrateOutbox(loadOutbox(storage, s.me.id));
    s.hydrateDrafts(loadDrafts(storage, s.me.id));
    cleanups.push(
      store.subscribe((next, prev) => {
        // Other tabs of this user share the keys: write only what changed here.
        if (next.outbox !== prev.outbox) saveOutboxChanges(storage, next.me.id, prev.outbox, next.outbox);
        if (next.drafts !== prev.drafts) saveDraftChanges(storage, next.me.id, prev.drafts, next.drafts);
        // A new direct chat: watch its peer.
        if (next.conversations !== prev.conversations) void presence.sync();
      }),
    );

    socket = deps.createSocket();
    attach(socket);

    const win = deps.window;
    if (win) {
      const onOffline = () => {
        store.getState().setConnection("offline");
        // The socket would only notice after a ping timeout; drop it now so sends queue visibly.
        socket?.disconnect();
      };
      const onOnline = () => {
        store.getState().setConnection("reconnecting");
        if (socket && !socket.connected) socket.connect();
      };
      win.addEventListener("offline", onOffline);
      win.addEventListener("online", onOnline);
      cleanups.push(() => {
        win.removeEventListener("offline", onOffline);
        win.removeEventListener("online", onOnline);
      });
      if (!win.navigator.onLine) store.getState().setConnection("offline");
    }

    intervals.push(
      setInterval(() => flushOutbox(), 1_000),
      setInterval(() => store.getState().pruneTyping(now()), 1_000),
    );
    // Connect on the next tick: a start/stop/start in the same tick (React StrictMode) then opens
    // one WebSocket instead of aborting one mid-handshake.
    const sock = socket;
    connectTimer = timers.set(() => {
      connectTimer = null;
      if (running && socket === sock) sock.connect();
    }, 0);
  }

  function stop() {
    running = false;
    for (const fn of cleanups.splice(0)) fn();
    for (const h of intervals.splice(0)) clearInterval(h as ReturnType<typeof setInterval>);
    for (const h of [gapTimer, groupsTimer, reconnectTimer, connectTimer]) if (h !== null) timers.clear(h);
    gapTimer = groupsTimer = reconnectTimer = connectTimer = null;
    typing.stopAll();
    delivered.flush();
    reads.flush();
    delivered.dispose();
    reads.dispose();
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = null;
    inFlight.clear();
  }

  return {
    start,
    stop,
    send,
    retry,
    discard: (clientId: string) => store.getState().outboxDiscard(clientId),
    deleteMessages,
    markRead,
    typingInput: (conversationId: string, text: string) => typing.input(conversationId, text),
    typingBlur: (conversationId: string) => typing.blur(conversationId),
    /** "recording audio…" for the others while I record a voice message here. */
    typingRecording: (conversationId: string, on: boolean) => typing.recording(conversationId, on),
    watchPresence: presence.watch,
    loadLatest: (conversationId: string) => loadLatest(conversationId),
    loadOlder,
    loadConversation,
    refreshGroups,
    openDirect,
    joinGroup,
    leaveGroup,
    receipts,
    resolveUsers,
    searchUsers: api.searchUsers,
    ...messageActions,
    /** For tests: run a sync now. */
    sync,
  };
}
