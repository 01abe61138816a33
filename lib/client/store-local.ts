// What this browser keeps of its own: the open chat, the connection, the outbox and drafts,
// stars, pins of opened chats, and requests between components (focus a message, reply privately).
import { addEntry, removeEntry, updateEntry } from "./outbox";
import type { ChatActions, StoreSet } from "./store";

type LocalActions = Pick<
  ChatActions,
  | "setActive"
  | "setConnection"
  | "hydrateDrafts"
  | "hydrateOutbox"
  | "enqueue"
  | "outboxAttempt"
  | "outboxFailed"
  | "outboxRetry"
  | "outboxDiscard"
  | "setDraft"
  | "setStarred"
  | "setStar"
  | "focusMessage"
  | "clearFocus"
  | "setPrivateReply"
  | "setPins"
>;

export function localSlice(set: StoreSet): LocalActions {
  return {
    setActive: (id) => set({ activeId: id }),

    setConnection: (connection) => set((s) => (s.connection === connection ? s : { connection })),

    hydrateDrafts: (drafts) => set((s) => ({ drafts: { ...drafts, ...s.drafts } })),

    hydrateOutbox: (entries) =>
      set((s) => {
        let outbox = s.outbox;
        for (const e of entries) outbox = addEntry(outbox, e);
        return { outbox };
      }),

    enqueue: (entry) => set((s) => ({ outbox: addEntry(s.outbox, entry) })),

    outboxAttempt: (clientId, at) =>
      set((s) => {
        const e = s.outbox.find((x) => x.clientId === clientId);
        return e ? { outbox: updateEntry(s.outbox, clientId, { attempts: e.attempts + 1, lastAttemptAt: at }) } : s;
      }),

    outboxFailed: (clientId, reason) => set((s) => ({ outbox: updateEntry(s.outbox, clientId, { failed: reason }) })),

    outboxRetry: (clientId) =>
      set((s) => ({ outbox: updateEntry(s.outbox, clientId, { failed: null, lastAttemptAt: null }) })),

    outboxDiscard: (clientId) => set((s) => ({ outbox: removeEntry(s.outbox, clientId) })),

    setDraft: (conversationId, text) =>
      set((s) => (s.drafts[conversationId] === text ? s : { drafts: { ...s.drafts, [conversationId]: text } })),

    setStarred: (ids) => set({ starred: Object.fromEntries(ids.map((id) => [id, true] as const)) }),

    setStar: (messageId, starred) =>
      set((s) => {
        if (!!s.starred[messageId] === starred) return s;
        const next = { ...s.starred };
        if (starred) next[messageId] = true;
        else delete next[messageId];
        return { starred: next };
      }),

    focusMessage: (target) => set((s) => ({ focus: { ...target, nonce: (s.focus?.nonce ?? 0) + 1 } })),

    clearFocus: (nonce) => set((s) => (s.focus?.nonce === nonce ? { focus: null } : s)),

    setPrivateReply: (privateReply) => set({ privateReply }),

    setPins: (conversationId, pins) => set((s) => ({ pins: { ...s.pins, [conversationId]: pins } })),
  };
}
