// The store's chat list: summaries merged from the server, membership, group settings, and
// what goes when a chat is cleared, hidden or deleted.
import type { ConversationSummary, UserSummary } from "@/lib/realtime/contract";
import { clearedSummary, mergeSummary } from "./conversations";
import { applyConversationPatch, applyGroupPatch, withGroupArchived, without } from "./groups";
import type { ChatActions, ChatData, StoreGet, StoreSet } from "./store";
import { unreadAfter } from "./unread";

type ConversationActions = Pick<
  ChatActions,
  | "mergeConversations"
  | "upsertConversation"
  | "markRemoved"
  | "restoreMembership"
  | "markUnavailable"
  | "setGroups"
  | "setGroupMembership"
  | "patchConversation"
  | "chatCleared"
  | "conversationDeleted"
  | "forgetConversation"
  | "chatHidden"
>;

export function conversationSlice(set: StoreSet, get: StoreGet): ConversationActions {
  return {
    mergeConversations: (list) => {
      const clears: [string, number][] = [];
      set((s) => {
        const conversations = { ...s.conversations };
        const unavailable = { ...s.unavailable };
        const nextUsers = { ...s.users };
        let archived = s.archived;
        let awaitedSeqs = s.awaitedSeqs;
        for (const c of list) {
          const local = conversations[c.id];
          // Cleared on another device while this tab was away: the server's row says so.
          if (local && c.clearedSeq > local.clearedSeq) clears.push([c.id, c.clearedSeq]);
          // The server's count holds every message up to its lastSeq, late ones included: those
          // are no longer awaited, and only what this tab holds after them adds to it.
          const awaited = awaitedSeqs[c.id];
          if (awaited) {
            const after = awaited.filter((seq) => seq > c.lastSeq);
            awaitedSeqs = { ...awaitedSeqs };
            if (after.length) awaitedSeqs[c.id] = after;
            else delete awaitedSeqs[c.id];
          }
          const held = s.messages[c.id]?.items ?? [];
          conversations[c.id] = mergeSummary(conversations[c.id], c, (seq) => unreadAfter(held, seq, s.me.id));
          delete unavailable[c.id];
          for (const u of userFromConversation(c)) nextUsers[u.id] = u;
          archived = withGroupArchived(archived, c);
        }
        return { conversations, unavailable, users: nextUsers, archived, awaitedSeqs };
      });
      for (const [id, clearedSeq] of clears) get().chatCleared(id, clearedSeq);
    },

    upsertConversation: (conv) => get().mergeConversations([conv]),

    markRemoved: (conversationId) =>
      set((s) => (s.removed[conversationId] ? s : { removed: { ...s.removed, [conversationId]: true } })),

    restoreMembership: (conversationId) =>
      set((s) => {
        if (!s.removed[conversationId]) return s;
        const removed = { ...s.removed };
        delete removed[conversationId];
        return { removed };
      }),

    markUnavailable: (conversationId, why) => set((s) => ({ unavailable: { ...s.unavailable, [conversationId]: why } })),

    setGroups: (groups) => set({ groups }),

    setGroupMembership: (groupId, isMember) =>
      set((s) => ({
        groups: s.groups.map((g) =>
          g.id === groupId && g.isMember !== isMember
            ? { ...g, isMember, memberCount: Math.max(0, g.memberCount + (isMember ? 1 : -1)) }
            : g,
        ),
      })),

    patchConversation: (patch) =>
      set((s) => {
        const id = patch.conversationId;
        const conv = s.conversations[id];
        const next = conv ? applyConversationPatch(conv, patch) : undefined;
        const archived = patch.archived === undefined ? s.archived : withGroupArchived(s.archived, { id, groupArchived: patch.archived });
        return {
          conversations: conv && next !== conv ? { ...s.conversations, [id]: next! } : s.conversations,
          groups: applyGroupPatch(s.groups, patch),
          archived,
          patchCounts: { ...s.patchCounts, [id]: (s.patchCounts[id] ?? 0) + 1 },
        };
      }),

    chatCleared: (id, clearedSeq) =>
      set((s) => {
        const current = s.messages[id];
        const gone = current ? current.items.filter((m) => m.seq <= clearedSeq) : [];
        // Whatever is older than what stays was cleared too: no older page to load.
        const messages = current
          ? { ...s.messages, [id]: { ...current, items: current.items.filter((m) => m.seq > clearedSeq), nextBefore: null } }
          : s.messages;
        const starred = gone.reduce((left, m) => without(left, m.id), s.starred);
        const conv = s.conversations[id];
        const conversations = conv ? { ...s.conversations, [id]: clearedSummary(conv, clearedSeq) } : s.conversations;
        const pins = s.pins[id] ? { ...s.pins, [id]: s.pins[id].filter((p) => p.message.seq > clearedSeq) } : s.pins;
        return { messages, conversations, starred, pins };
      }),

    conversationDeleted: (id) =>
      set((s) => {
        const title = s.conversations[id]?.title ?? s.groups.find((g) => g.id === id)?.name;
        return {
          ...withoutConversation(s, id),
          groups: s.groups.filter((g) => g.id !== id),
          deletedGroups: title !== undefined ? { ...s.deletedGroups, [id]: title } : s.deletedGroups,
        };
      }),

    forgetConversation: (id) => set((s) => (s.removed[id] ? withoutConversation(s, id) : s)),

    chatHidden: (id) =>
      set((s) => {
        // My stars in it went with its messages on the server.
        const starred = (s.messages[id]?.items ?? []).reduce((left, m) => without(left, m.id), s.starred);
        // What waits to be sent still goes: it brings the chat back, as any new message does.
        return { ...withoutConversation(s, id), outbox: s.outbox, starred, activeId: s.activeId === id ? null : s.activeId };
      }),
  };
}

/** Everything the store holds about one chat, gone. */
function withoutConversation(s: ChatData, id: string): Partial<ChatData> {
  return {
    conversations: without(s.conversations, id),
    messages: without(s.messages, id),
    members: without(s.members, id),
    pins: without(s.pins, id),
    drafts: without(s.drafts, id),
    outbox: s.outbox.filter((e) => e.conversationId !== id),
    removed: without(s.removed, id),
    archived: without(s.archived, id),
    awaitedSeqs: without(s.awaitedSeqs, id),
  };
}

/** The people a chat summary names (a direct chat's peer). */
export function userFromConversation(c: ConversationSummary): UserSummary[] {
  return c.peer ? [c.peer] : [];
}
