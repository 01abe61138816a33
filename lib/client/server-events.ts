// Server events that only change what the store shows (edits, deletions, receipts, typing, chat
// settings, names): each is merged into the store as it comes. Events that also drive the
// delivery machinery (new messages, membership, reconnects) stay in the realtime client.
import { quotesToRefresh, refreshQuotes, withoutQuotesOf } from "./messages";
import { selectBlockedPeer } from "./selectors";
import type { ConvoSocket } from "./socket";
import type { ChatStore } from "./store";

export type StoreEventDeps = {
  store: ChatStore;
  now: () => number;
  /** Reads a chat's summary and members afresh from the server. */
  loadConversation: (conversationId: string) => Promise<void>;
  refreshPins: (conversationId: string) => Promise<unknown>;
};

export function listenForStoreEvents(sock: ConvoSocket, { store, now, loadConversation, refreshPins }: StoreEventDeps) {
  sock.on("message:updated", (m) => {
    const s = store.getState();
    // A message older than the pages loaded here: those older pages will read it afresh, and
    // merged now it would show above a gap.
    const loaded = s.messages[m.conversationId];
    const belowLoaded = loaded?.status === "ready" && loaded.nextBefore !== null && m.seq < loaded.nextBefore;
    if (!belowLoaded) s.receiveMessages(m.conversationId, [m]);
    // Replies quoting it show the new text too.
    for (const [id, replies] of quotesToRefresh(s, m.conversationId, (items) => refreshQuotes(items, m))) s.receiveMessages(id, replies);
  });
  sock.on("message:deleted", (ev) => {
    const s = store.getState();
    s.messageDeleted(ev);
    if (!ev.forEveryone) return;
    const gone = { id: ev.messageId, text: null, deletedAt: "deleted" };
    for (const [id, replies] of quotesToRefresh(s, ev.conversationId, (items) => refreshQuotes(items, gone))) s.receiveMessages(id, replies);
  });
  sock.on("messages:expired", ({ conversationId, messageIds }) => {
    const s = store.getState();
    const previewWent = messageIds.includes(s.conversations[conversationId]?.lastMessage?.id ?? "");
    for (const messageId of messageIds) s.messageDeleted({ conversationId, messageId, forEveryone: false, byAdmin: false });
    // As on the server, where the link goes with the row: replies lose their quote.
    const went = new Set(messageIds);
    for (const [id, replies] of quotesToRefresh(store.getState(), conversationId, (items) => withoutQuotesOf(items, went))) s.receiveMessages(id, replies);
    // The chat list's preview went with them, or some were counted unread: only the server
    // knows what is left of the chat beyond the messages this browser holds.
    const conv = store.getState().conversations[conversationId];
    if ((previewWent && !conv?.lastMessage) || (conv?.unreadCount ?? 0) > 0) void loadConversation(conversationId);
  });
  sock.on("star:updated", ({ messageIds, starred }) => {
    for (const messageId of messageIds) store.getState().setStar(messageId, starred);
  });
  sock.on("pins:changed", ({ conversationId }) => void refreshPins(conversationId).catch(() => undefined));
  sock.on("block:changed", ({ user, blocked }) => store.getState().setUserBlocked(user, blocked));
  sock.on("receipt:update", (ev) => store.getState().applyReceipt(ev));
  sock.on("typing", (ev) => {
    const s = store.getState();
    // Someone I block is not heard typing in our chat, as their messages don't reach me.
    if (ev.userId === s.me.id || selectBlockedPeer(s, ev.conversationId)?.id === ev.userId) return;
    s.typingEvent(ev, now());
  });
  sock.on("presence", (ev) => store.getState().setPresence([ev]));
  sock.on("conversation:patched", (patch) => {
    store.getState().patchConversation(patch);
    // Read receipts back on: the watermarks were withheld until now.
    if (patch.readReceipts) void loadConversation(patch.conversationId);
  });
  sock.on("conversation:deleted", ({ conversationId }) => store.getState().conversationDeleted(conversationId));
  sock.on("conversation:cleared", ({ conversationId, clearedSeq }) => store.getState().chatCleared(conversationId, clearedSeq));
  sock.on("conversation:hidden", ({ conversationId }) => store.getState().chatHidden(conversationId));
  // Names and pictures shown everywhere.
  sock.on("user:updated", (user) => store.getState().userUpdated(user));
}
