// The browser's chat state: one zustand store per page (created by <ChatStoreProvider>), fed
// by the HTTP API and the realtime client. Its actions come in four slices (store-conversations,
// store-messages, store-people, store-local); the merging itself is done by the pure modules
// next to them.
import { createStore, type StoreApi } from "zustand/vanilla";
import { DEFAULT_UPLOAD_MAX_BYTES } from "./attachments";
import type {
  ConversationPatch,
  ConversationSummary,
  GroupStats,
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
import { conversationSlice, userFromConversation } from "./store-conversations";
import { localSlice } from "./store-local";
import { messageSlice } from "./store-messages";
import { peopleSlice } from "./store-people";
import type { HeldChoices, MyChoice } from "./held-choices";
import type { TypingState } from "./typing";
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
  /** My votes and reactions awaiting the server: shown over every copy of their message. */
  heldChoices: HeldChoices;
  /** Per chat, how many patches it has had: a summary fetched before the last one is stale. */
  patchCounts: Record<string, number>;
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
  /**
   * My vote or reaction, shown at once and kept over every copy of the message that arrives
   * until releaseChoice (a newer one of the same key replaces it). Returns the hold's id.
   */
  holdChoice(conversationId: string, messageId: string, choice: MyChoice): number;
  /** Its request was answered: what shows is the server's copy again (with newer holds on it). */
  releaseChoice(messageId: string, choice: MyChoice, holdId: number): void;
  messageDeleted(ev: { conversationId: string; messageId: string; forEveryone: boolean; byAdmin: boolean }): void;
  applyReceipt(ev: ReceiptEvent): void;
  markReadLocal(conversationId: string, seq: number): void;
  applySync(result: SyncResult, cursors: Record<string, number>): void;
  typingEvent(ev: { conversationId: string; userId: string; isTyping: boolean; recording?: boolean }, now: number): void;
  pruneTyping(now: number): void;
  setPresence(events: PresenceEvent[]): void;
  /** Connection lost: who is online now is unknown; "last seen" of the others stays true. */
  forgetOnline(): void;
  setMembers(conversationId: string, members: MemberDto[]): void;
  memberJoined(conversationId: string, member: MemberDto): void;
  /** Someone left; `after`, from member:left, is the group's count and minima since. */
  memberLeft(conversationId: string, userId: string, after?: GroupStats): void;
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
/** What each slice of actions (store-*.ts) is given to read and change the state. */
export type StoreSet = ChatStore["setState"];
export type StoreGet = ChatStore["getState"];

export type ChatInit = {
  me: Me;
  /** The server's UPLOAD_MAX_BYTES: larger files are refused before uploading. */
  uploadMaxBytes?: number;
  conversations: ConversationSummary[];
  groups: GroupSummary[];
  activeId?: string | null;
};

export function createChatStore(init: ChatInit): ChatStore {
  const users: Record<string, UserSummary> = {};
  for (const c of init.conversations) for (const u of userFromConversation(c)) users[u.id] = u;

  return createStore<ChatState>()((set, get) => ({
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
    heldChoices: {},
    patchCounts: {},
    focus: null,
    privateReply: null,
    archived: {},
    deletedGroups: {},
    profile: null,
    profileRevision: 0,
    blocked: null,
    ...conversationSlice(set, get),
    ...messageSlice(set, get),
    ...peopleSlice(set),
    ...localSlice(set),
  }));
}
