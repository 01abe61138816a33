// The store's messages per chat: pages, live messages, sync results, deletions and receipts, with
// the chat list's preview, unread count and members' watermarks kept in step.
import { applyDeletion, applyMessage, applyRead, applyReceipt, toLastMessage } from "./conversations";
import { holdChoice, releaseChoice, withChoice, withHeldChoices } from "./held-choices";
import { contiguousFrom, markDeleted, maxSeq, mergeMessages, removeMessage } from "./messages";
import { removeEntry } from "./outbox";
import { senderNameOf } from "./store-people";
import { emptyMessages, type ConversationMessages } from "./types";
import { awaitSkippedSeqs, unreadLeftInLoaded } from "./unread";
import type { ChatActions, ChatData, StoreGet, StoreSet } from "./store";

type MessageActions = Pick<
  ChatActions,
  | "setMessagesStatus"
  | "setLoadingOlder"
  | "markLoadedStale"
  | "markFresh"
  | "pageLoaded"
  | "receiveMessages"
  | "holdChoice"
  | "releaseChoice"
  | "messageDeleted"
  | "applyReceipt"
  | "markReadLocal"
  | "applySync"
>;

export function messageSlice(set: StoreSet, get: StoreGet): MessageActions {
  let lastHoldId = 0;
  return {
    setMessagesStatus: (conversationId, status) =>
      set((s) => ({ messages: patchMessages(s, conversationId, (m) => (m.status === status ? m : { ...m, status })) })),

    setLoadingOlder: (conversationId, loadingOlder) =>
      set((s) => ({
        messages: patchMessages(s, conversationId, (m) => (m.loadingOlder === loadingOlder ? m : { ...m, loadingOlder })),
      })),

    markLoadedStale: () =>
      set((s) => {
        const messages = { ...s.messages };
        let changed = false;
        for (const [id, m] of Object.entries(s.messages)) {
          if (m.status !== "ready" || m.stale) continue;
          messages[id] = { ...m, stale: true };
          changed = true;
        }
        return changed ? { messages } : s;
      }),

    markFresh: (conversationId) =>
      set((s) => ({ messages: patchMessages(s, conversationId, (m) => (m.stale ? { ...m, stale: false } : m)) })),

    pageLoaded: (conversationId, page, kind, heldTop = 0) => {
      if (kind === "reset") {
        // Start over from the latest page: no hole in the middle, nothing the server no longer
        // has. Only what arrived live while it loaded is newer than both; it stays. Everything
        // up to there existed when the page was read, so the page tells all of it (the cursor).
        const liveAfter = Math.max(maxSeq(page.messages), heldTop);
        set((s) => {
          const live = (s.messages[conversationId]?.items ?? []).filter((m) => m.seq > liveAfter);
          const reset = { ...emptyMessages, items: live, status: "ready" as const, nextBefore: page.nextBefore, syncedSeq: liveAfter };
          return { messages: { ...s.messages, [conversationId]: reset } };
        });
      }
      if (kind === "latest" && page.nextBefore !== null) {
        // What this tab held of a chat it had not loaded (a reaction to an old message, the items
        // of a reset that failed) may lie below the page, with a hole above it that no page would
        // fill. The loaded range starts at the page; older pages bring those messages back.
        const from = page.nextBefore;
        set((s) => ({
          messages: patchMessages(s, conversationId, (m) =>
            m.items.some((x) => x.seq < from) ? { ...m, items: m.items.filter((x) => x.seq >= from) } : m,
          ),
        }));
      }
      get().receiveMessages(conversationId, page.messages);
      set((s) => ({
        messages: patchMessages(s, conversationId, (m) => {
          if (kind === "older") return { ...m, nextBefore: page.nextBefore, loadingOlder: false };
          // The latest page is everything up to now: the sync cursor starts at its top.
          const top = Math.max(m.syncedSeq, maxSeq(page.messages));
          return { ...m, nextBefore: page.nextBefore, syncedSeq: contiguousFrom(top, m.items), status: "ready" };
        }),
      }));
    },

    receiveMessages: (conversationId, arrived) => {
      if (arrived.length === 0) return;
      set((s) => {
        const incoming = Object.keys(s.heldChoices).length === 0 ? arrived : arrived.map((m) => withHeldChoices(m, s.heldChoices, s.me.id));
        const current = s.messages[conversationId] ?? emptyMessages;
        const items = mergeMessages(current.items, incoming);
        const syncedSeq = current.status === "ready" ? contiguousFrom(current.syncedSeq, items) : current.syncedSeq;
        const messages =
          items === current.items && syncedSeq === current.syncedSeq
            ? s.messages
            : { ...s.messages, [conversationId]: { ...current, items, syncedSeq } };

        // My messages from another tab or an early message:new settle the matching pending entry.
        let outbox = s.outbox;
        for (const m of incoming) if (m.senderId === s.me.id) outbox = removeEntry(outbox, m.clientId);

        let conversations = s.conversations;
        let awaitedSeqs = s.awaitedSeqs;
        const conv = s.conversations[conversationId];
        if (conv) {
          let next = conv;
          let awaited = s.awaitedSeqs[conversationId] ?? [];
          for (const m of incoming) {
            const arrival = awaitSkippedSeqs(awaited, next.lastSeq, next.readSeq, m.seq);
            awaited = arrival.awaited;
            next = applyMessage(next, m, s.me, senderNameOf(s, m.senderId), arrival.wasAwaited);
          }
          if (next !== conv) conversations = { ...s.conversations, [conversationId]: next };
          if (awaited.length > 0 || s.awaitedSeqs[conversationId]) awaitedSeqs = { ...s.awaitedSeqs, [conversationId]: awaited };
        }

        // A sender has read everything up to their own message (the server moves their
        // watermarks without a receipt event).
        let members = s.members;
        const list = s.members[conversationId];
        if (list) {
          const top = new Map<string, number>();
          for (const m of incoming) top.set(m.senderId, Math.max(top.get(m.senderId) ?? 0, m.seq));
          let changed = false;
          const next = list.map((mem) => {
            const seq = top.get(mem.id);
            if (seq === undefined || (mem.readSeq >= seq && mem.deliveredSeq >= seq)) return mem;
            changed = true;
            return { ...mem, readSeq: Math.max(mem.readSeq, seq), deliveredSeq: Math.max(mem.deliveredSeq, seq) };
          });
          if (changed) members = { ...s.members, [conversationId]: next };
        }
        return { messages, outbox, conversations, members, awaitedSeqs };
      });
    },

    holdChoice: (conversationId, messageId, choice) => {
      const holdId = ++lastHoldId;
      set((s) => {
        const heldChoices = holdChoice(s.heldChoices, messageId, choice, holdId);
        const messages = patchMessages(s, conversationId, (m) =>
          m.items.some((item) => item.id === messageId)
            ? { ...m, items: m.items.map((item) => (item.id === messageId ? withChoice(item, choice, s.me.id) : item)) }
            : m,
        );
        return { heldChoices, messages };
      });
      return holdId;
    },

    releaseChoice: (messageId, choice, holdId) =>
      set((s) => {
        const heldChoices = releaseChoice(s.heldChoices, messageId, choice, holdId);
        return heldChoices === s.heldChoices ? s : { heldChoices };
      }),

    messageDeleted: (ev) =>
      set((s) => {
        const at = new Date().toISOString();
        const current = s.messages[ev.conversationId] ?? emptyMessages;
        const items = ev.forEveryone ? markDeleted(current.items, ev.messageId, at, ev.byAdmin) : removeMessage(current.items, ev.messageId);
        const messages = items === current.items ? s.messages : { ...s.messages, [ev.conversationId]: { ...current, items } };
        const conv = s.conversations[ev.conversationId];
        let conversations = s.conversations;
        if (conv) {
          const last = items[items.length - 1];
          const previous = last ? toLastMessage(last, senderNameOf(s, last.senderId)) : null;
          const next = applyDeletion(conv, ev, at, previous);
          if (next !== conv) conversations = { ...s.conversations, [ev.conversationId]: next };
        }
        const pinned = s.pins[ev.conversationId];
        const pins = pinned?.some((p) => p.message.id === ev.messageId)
          ? { ...s.pins, [ev.conversationId]: pinned.filter((p) => p.message.id !== ev.messageId) }
          : s.pins;
        return { messages, conversations, pins };
      }),

    applyReceipt: (ev) =>
      set((s) => {
        const conv = s.conversations[ev.conversationId];
        const conversations = conv
          ? (() => {
              const next = applyReceipt(conv, ev, s.me.id);
              return next === conv ? s.conversations : { ...s.conversations, [ev.conversationId]: next };
            })()
          : s.conversations;
        const list = s.members[ev.conversationId];
        const members = list
          ? {
              ...s.members,
              [ev.conversationId]: list.map((m) =>
                m.id === ev.userId
                  ? { ...m, deliveredSeq: Math.max(m.deliveredSeq, ev.deliveredSeq), readSeq: Math.max(m.readSeq, ev.readSeq) }
                  : m,
              ),
            }
          : s.members;
        return { conversations, members };
      }),

    markReadLocal: (conversationId, seq) =>
      set((s) => {
        const conv = s.conversations[conversationId];
        if (!conv) return s;
        const loaded = s.messages[conversationId] ?? emptyMessages;
        const next = applyRead(conv, seq, unreadLeftInLoaded(loaded, conv.lastSeq, seq, s.me.id));
        return next === conv ? s : { conversations: { ...s.conversations, [conversationId]: next } };
      }),

    applySync: (result, cursors) => {
      // Merged, not replaced: the socket was already in the rooms when the server read them, so
      // a live message may have landed here first.
      get().mergeConversations(result.conversations);
      // Deleted on another device while this tab was away. One opened again since (the same
      // deletion time) stays: the user is looking at it.
      for (const { conversationId, chatDeletedAt } of result.hidden) {
        const local = get().conversations[conversationId];
        if (local && local.chatDeletedAt !== chatDeletedAt) get().chatHidden(conversationId);
      }
      for (const [conversationId, missed] of Object.entries(result.missed)) {
        get().receiveMessages(conversationId, missed);
      }
      const truncated = new Set(result.truncated);
      set((s) => {
        const messages = { ...s.messages };
        for (const [conversationId, cursor] of Object.entries(cursors)) {
          const m = messages[conversationId];
          if (!m || truncated.has(conversationId)) continue;
          // The server sent everything after the cursor: all up to its lastSeq is known now.
          const summary = result.conversations.find((c) => c.id === conversationId);
          const known = Math.max(cursor, maxSeq(result.missed[conversationId] ?? []), summary?.lastSeq ?? 0);
          const syncedSeq = contiguousFrom(Math.max(m.syncedSeq, known), m.items);
          if (syncedSeq !== m.syncedSeq) messages[conversationId] = { ...m, syncedSeq };
        }
        return { messages };
      });
    },
  };
}

/** One chat's messages changed by `patch`; the same record when nothing changed. */
function patchMessages(
  s: ChatData,
  conversationId: string,
  patch: (m: ConversationMessages) => ConversationMessages,
): Record<string, ConversationMessages> {
  const current = s.messages[conversationId] ?? emptyMessages;
  const next = patch(current);
  return next === current ? s.messages : { ...s.messages, [conversationId]: next };
}
