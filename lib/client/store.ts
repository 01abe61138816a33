// The browser's chat state: one zustand store per page (created by <ChatStoreProvider>), fed
// by the HTTP API and the realtime client. All merging is done by the pure modules next to it.
import { createStore, type StoreApi } from "zustand/vanilla";
import { DEFAULT_UPLOAD_MAX_BYTES } from "./attachments";
import type {
  ConversationPatch,
  ConversationSummary,
  GroupSummary,
  MemberDto,
  MessageDto,
  MessagePage,
  PinDto,
  PresenceEvent,
  ReceiptEvent,
  SyncResult,
  UserSummary,
} from "@/lib/realtime/contract";
import {
  applyDeletion,
  applyMessage,
  applyRead,
  applyReceipt,
  clearedSummary,
  mergeSummary,
  toLastMessage,
} from "./conversations";
import { applyConversationPatch, applyGroupPatch, upsertMember, withGroupArchived, without } from "./groups";
import { contiguousFrom, markDeleted, maxSeq, mergeMessages, removeMessage } from "./messages";
import { addEntry, removeEntry, updateEntry } from "./outbox";
import { applyTyping, pruneTyping, type TypingState } from "./typing";
import { awaitSkippedSeqs, unreadLeftInLoaded } from "./unread";
import type { MyProfile } from "./profile";
import type { ViewMessage } from "./rows";
import type { ConnectionState, ConversationMessages, OutboxEntry } from "./types";

export type Me = {
  id: string;
  name: string;
  username: string;
  email: string;
  initials: string;
  avatarColor: string;
  avatarUrl: string | null;
  /** Site role: admins see the console link and manage public groups. */
  role?: "USER" | "ADMIN";
};

/** A group's message to quote in my direct chat (conversationId) with its sender; `from` is the group. */
export type PrivateReply = { conversationId: string; message: ViewMessage; from: { id: string; title: string } };

export type ChatData = {
  me: Me;
  uploadMaxBytes: number;
  conversations: Record<string, ConversationSummary>;
  messages: Record<string, ConversationMessages>;
  outbox: OutboxEntry[];
  members: Record<string, MemberDto[]>;
  /** Everyone whose name we have seen: sender names survive a member leaving. */
  users: Record<string, UserSummary>;
  typing: TypingState;
  presence: Record<string, PresenceEvent>;
  connection: ConnectionState;
  /** Conversations I left or was removed from: readable, not writable. */
  removed: Record<string, true>;
  /** Per chat, seqs skipped by a message that arrived early: they count as unread when they come. */
  awaitedSeqs: Record<string, number[]>;
  /** Conversations from the URL that could not be opened. */
  unavailable: Record<string, "not-found" | "error">;
  groups: GroupSummary[];
  activeId: string | null;
  drafts: Record<string, string>;
  /** Messages I starred (by id); my other tabs keep it in step through star:updated. */
  starred: Record<string, true>;
  /**
   * A request to show one message in its chat (a reply's original, the starred list, search):
   * the open chat with that id loads it if needed, scrolls to it and highlights it, then clears it.
   * Open the chat first (useChatNavigation().openChat), then call focusMessage.
   */
  focus: { conversationId: string; messageId: string; seq: number; nonce: number } | null;
  /** "Reply privately" to a group's message: my direct chat with its sender takes it up when it opens. */
  privateReply: PrivateReply | null;
  /** Groups an admin archived: history stays, read-only. */
  archived: Record<string, true>;
  /** Groups that no longer exist (id → last title), for the notice; they are gone from the rest. */
  deletedGroups: Record<string, string>;
  /** My full profile and settings (GET /api/v1/me), once loaded. */
  profile: MyProfile | null;
  /** Bumped by profile:updated (another tab changed my profile or settings): refetch. */
  profileRevision: number;
  /** People I blocked (null until loaded). */
  blocked: Record<string, UserSummary> | null;
  /** Pinned messages of the chats opened since the page loaded, newest pin first. */
  pins: Record<string, PinDto[]>;
};

export type ChatActions = {
  setActive(id: string | null): void;
  setConnection(state: ConnectionState): void;
  /** Summaries from the server, each merged into the local one (see mergeSummary). */
  mergeConversations(list: ConversationSummary[]): void;
  upsertConversation(conv: ConversationSummary): void;
  markRemoved(conversationId: string): void;
  /** I (re)joined: writable again. */
  restoreMembership(conversationId: string): void;
  markUnavailable(conversationId: string, why: "not-found" | "error"): void;
  setGroups(groups: GroupSummary[]): void;
  setGroupMembership(groupId: string, isMember: boolean): void;
  setMessagesStatus(conversationId: string, status: ConversationMessages["status"]): void;
  setLoadingOlder(conversationId: string, loading: boolean): void;
  /** After a reconnect: every chat whose messages are loaded may have missed updates (see `stale`). */
  markLoadedStale(): void;
  /** Its latest page was merged again: the loaded messages are current. */
  markFresh(conversationId: string): void;
  /**
   * A page from the HTTP API. `latest`: first load (the sync cursor starts at its top); `older`:
   * extends backwards; `reset`: starts over from it (after a truncated sync, or to drop what
   * disappeared), keeping only messages newer than both the page and `heldTop`, the newest seq
   * held here when the page was asked for: they arrived live while it loaded.
   */
  pageLoaded(conversationId: string, page: MessagePage, kind: "latest" | "older" | "reset", heldTop?: number): void;
  /** Messages from message:new, an ack, sync or a page: merged, deduped, preview/unread updated. */
  receiveMessages(conversationId: string, messages: MessageDto[]): void;
  messageDeleted(ev: { conversationId: string; messageId: string; forEveryone: boolean; byAdmin: boolean }): void;
  applyReceipt(ev: ReceiptEvent): void;
  markReadLocal(conversationId: string, seq: number): void;
  applySync(result: SyncResult, cursors: Record<string, number>): void;
  typingEvent(ev: { conversationId: string; userId: string; isTyping: boolean }, now: number): void;
  pruneTyping(now: number): void;
  setPresence(events: PresenceEvent[]): void;
  /** Connection lost: who is online now is unknown; "last seen" of the others stays true. */
  forgetOnline(): void;
  setMembers(conversationId: string, members: MemberDto[]): void;
  memberJoined(conversationId: string, member: MemberDto): void;
  memberLeft(conversationId: string, userId: string): void;
  rememberUsers(users: UserSummary[]): void;
  hydrateOutbox(entries: OutboxEntry[]): void;
  /** Drafts kept from an earlier visit; what was typed since wins. */
  hydrateDrafts(drafts: Record<string, string>): void;
  enqueue(entry: OutboxEntry): void;
  outboxAttempt(clientId: string, at: number): void;
  outboxFailed(clientId: string, reason: string): void;
  outboxRetry(clientId: string): void;
  outboxDiscard(clientId: string): void;
  setDraft(conversationId: string, text: string): void;
  setStarred(messageIds: string[]): void;
  setStar(messageId: string, starred: boolean): void;
  focusMessage(target: { conversationId: string; messageId: string; seq: number }): void;
  /** Done with this focus request (no-op when a newer one replaced it). */
  clearFocus(nonce: number): void;
  setPrivateReply(reply: PrivateReply | null): void;
  /** conversation:patched: rename / icon / about / archived, everywhere it shows. */
  patchConversation(patch: ConversationPatch): void;
  /** conversation:deleted: the group and its history are gone. */
  conversationDeleted(conversationId: string): void;
  /** A group I left or was removed from, deleted from my list (it isn't listed after a reload either). */
  forgetConversation(conversationId: string): void;
  /** I cleared the chat: its messages up to clearedSeq leave this browser too. */
  chatCleared(conversationId: string, clearedSeq: number): void;
  /** I deleted the chat (any tab): gone from this browser, closed if open, until a new message. */
  chatHidden(conversationId: string): void;
  setProfile(profile: MyProfile): void;
  profileChanged(): void;
  /** user:updated / profile:updated: someone's name, @username or picture, everywhere it shows. */
  userUpdated(user: UserSummary): void;
  setBlockedUsers(users: UserSummary[]): void;
  setPins(conversationId: string, pins: PinDto[]): void;
  setUserBlocked(user: UserSummary, blocked: boolean): void;
};

export type ChatState = ChatData & ChatActions;
export type ChatStore = StoreApi<ChatState>;

export const emptyMessages: ConversationMessages = Object.freeze({
  items: [],
  nextBefore: null,
  syncedSeq: 0,
  status: "idle",
  loadingOlder: false,
  stale: false,
}) as ConversationMessages;

export type ChatInit = {
  me: Me;
  /** The server's UPLOAD_MAX_BYTES: larger files are refused before uploading. */
  uploadMaxBytes?: number;
  conversations: ConversationSummary[];
  groups: GroupSummary[];
  activeId?: string | null;
};

function userFromConversation(c: ConversationSummary): UserSummary[] {
  return c.peer ? [c.peer] : [];
}

export function senderNameOf(state: Pick<ChatData, "me" | "users">, userId: string): string {
  if (userId === state.me.id) return state.me.name;
  return state.users[userId]?.name ?? "";
}

/** Someone's public profile changed: their entry, direct chats with them, member lists, me. */
export function applyUserUpdate(s: ChatData, user: UserSummary): Partial<ChatData> {
  const patch: Partial<ChatData> = { users: { ...s.users, [user.id]: { ...s.users[user.id], ...user } } };
  if (user.id === s.me.id) {
    patch.me = { ...s.me, name: user.name, username: user.username, initials: user.initials, avatarColor: user.avatarColor, avatarUrl: user.avatarUrl };
    if (s.profile) patch.profile = { ...s.profile, ...user };
  }
  let conversations: ChatData["conversations"] | null = null;
  for (const c of Object.values(s.conversations)) {
    const isPeer = c.peer?.id === user.id;
    const lastBy = c.lastMessage?.senderId === user.id && c.lastMessage.senderName !== user.name;
    if (!isPeer && !lastBy) continue;
    conversations ??= { ...s.conversations };
    conversations[c.id] = {
      ...c,
      ...(isPeer ? { peer: { ...c.peer!, ...user }, title: user.name } : {}),
      ...(lastBy ? { lastMessage: { ...c.lastMessage!, senderName: user.name } } : {}),
    };
  }
  if (conversations) patch.conversations = conversations;
  let members: ChatData["members"] | null = null;
  for (const [id, list] of Object.entries(s.members)) {
    if (!list.some((m) => m.id === user.id)) continue;
    members ??= { ...s.members };
    members[id] = list.map((m) => (m.id === user.id ? { ...m, ...user } : m));
  }
  if (members) patch.members = members;
  if (s.blocked?.[user.id]) patch.blocked = { ...s.blocked, [user.id]: user };
  return patch;
}

export function createChatStore(init: ChatInit): ChatStore {
  const users: Record<string, UserSummary> = {};
  for (const c of init.conversations) for (const u of userFromConversation(c)) users[u.id] = u;

  return createStore<ChatState>()((set, get) => {
    const patchMessages = (
      s: ChatData,
      conversationId: string,
      patch: (m: ConversationMessages) => ConversationMessages,
    ): Record<string, ConversationMessages> => {
      const current = s.messages[conversationId] ?? emptyMessages;
      const next = patch(current);
      return next === current ? s.messages : { ...s.messages, [conversationId]: next };
    };

    return {
      me: init.me,
      uploadMaxBytes: init.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES,
      conversations: Object.fromEntries(init.conversations.map((c) => [c.id, c])),
      messages: {},
      outbox: [],
      members: {},
      users,
      typing: {},
      presence: {},
      connection: "connecting",
      removed: {},
      awaitedSeqs: {},
      unavailable: {},
      groups: init.groups,
      activeId: init.activeId ?? null,
      drafts: {},
      starred: {},
      pins: {},
      focus: null,
      privateReply: null,
      archived: {},
      deletedGroups: {},
      profile: null,
      profileRevision: 0,
      blocked: null,

      setActive: (id) => set({ activeId: id }),
      setConnection: (connection) => set((s) => (s.connection === connection ? s : { connection })),

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
            // The server's count holds every message up to its lastSeq, late ones included.
            if (awaitedSeqs[c.id] && c.lastSeq >= (conversations[c.id]?.lastSeq ?? 0)) {
              awaitedSeqs = { ...awaitedSeqs };
              delete awaitedSeqs[c.id];
            }
            conversations[c.id] = mergeSummary(conversations[c.id], c);
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

      receiveMessages: (conversationId, incoming) => {
        if (incoming.length === 0) return;
        set((s) => {
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
              next = applyMessage(next, m, s.me.id, senderNameOf(s, m.senderId), arrival.wasAwaited);
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

      typingEvent: (ev, now) => set((s) => ({ typing: applyTyping(s.typing, ev, now) })),
      pruneTyping: (now) =>
        set((s) => {
          const typing = pruneTyping(s.typing, now);
          return typing === s.typing ? s : { typing };
        }),

      setPresence: (events) =>
        set((s) => {
          if (events.length === 0) return s;
          const presence = { ...s.presence };
          for (const e of events) presence[e.userId] = e;
          return { presence };
        }),

      forgetOnline: () =>
        set((s) => {
          const entries = Object.entries(s.presence);
          if (!entries.some(([, p]) => p.online)) return s;
          return { presence: Object.fromEntries(entries.filter(([, p]) => !p.online)) };
        }),

      setMembers: (conversationId, list) =>
        set((s) => {
          const nextUsers = { ...s.users };
          const presence = { ...s.presence };
          for (const m of list) {
            nextUsers[m.id] = m;
            presence[m.id] ??= { userId: m.id, online: m.online, lastActiveAt: m.lastActiveAt };
          }
          return { members: { ...s.members, [conversationId]: list }, users: nextUsers, presence };
        }),

      memberJoined: (conversationId, member) =>
        set((s) => {
          const list = s.members[conversationId];
          const conv = s.conversations[conversationId];
          const already = list?.some((m) => m.id === member.id) ?? false;
          return {
            users: { ...s.users, [member.id]: member },
            // Also a role change of someone already listed: upsert by id.
            members: list ? { ...s.members, [conversationId]: upsertMember(list, member) } : s.members,
            conversations:
              conv && list && !already
                ? { ...s.conversations, [conversationId]: { ...conv, memberCount: list.length + 1 } }
                : s.conversations,
          };
        }),

      memberLeft: (conversationId, userId) =>
        set((s) => {
          const list = s.members[conversationId];
          const conv = s.conversations[conversationId];
          const next = list?.filter((m) => m.id !== userId);
          const changed = !!list && !!next && next.length !== list.length;
          return {
            members: changed ? { ...s.members, [conversationId]: next! } : s.members,
            conversations:
              conv && changed ? { ...s.conversations, [conversationId]: { ...conv, memberCount: next!.length } } : s.conversations,
            removed: userId === s.me.id ? { ...s.removed, [conversationId]: true } : s.removed,
          };
        }),

      rememberUsers: (list) =>
        set((s) => {
          if (list.length === 0) return s;
          const nextUsers = { ...s.users };
          for (const u of list) nextUsers[u.id] = { ...nextUsers[u.id], ...u };
          return { users: nextUsers };
        }),

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

      setProfile: (profile) =>
        set((s) => ({
          profile,
          me: {
            ...s.me,
            name: profile.name,
            username: profile.username,
            email: profile.email,
            initials: profile.initials,
            avatarColor: profile.avatarColor,
            avatarUrl: profile.avatarUrl,
          },
        })),
      profileChanged: () => set((s) => ({ profileRevision: s.profileRevision + 1 })),
      userUpdated: (user) => set((s) => applyUserUpdate(s, user)),
      setBlockedUsers: (list) => set({ blocked: Object.fromEntries(list.map((u) => [u.id, u])) }),
      setPins: (conversationId, pins) => set((s) => ({ pins: { ...s.pins, [conversationId]: pins } })),
      setUserBlocked: (user, blocked) =>
        set((s) => {
          const next = { ...s.blocked };
          if (blocked) next[user.id] = user;
          else delete next[user.id];
          return { blocked: next };
        }),
    };
  });
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
