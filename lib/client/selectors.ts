// Derived views of the chat state, memoised on the slices they read.
import type { ConversationSummary } from "@/lib/realtime/contract";
import { inChatFilter, isUnread, sortConversations } from "./conversations";
import type { ChatState } from "./store";
import type { OutboxEntry } from "./types";

// Keyed by the state's own objects, so two stores (or two server renders) never share a result.
const sortedCache = new WeakMap<ChatState["conversations"], { outbox: OutboxEntry[]; sorted: ConversationSummary[] }>();

/** The chat list in display order (pinned, then latest activity including my pending sends). */
export function selectSortedConversations(s: ChatState): ConversationSummary[] {
  const cached = sortedCache.get(s.conversations);
  if (cached && cached.outbox === s.outbox) return cached.sorted;
  const pendingAt: Record<string, string> = {};
  for (const e of s.outbox) {
    if (!pendingAt[e.conversationId] || pendingAt[e.conversationId]! < e.createdAt) pendingAt[e.conversationId] = e.createdAt;
  }
  const sorted = sortConversations(Object.values(s.conversations), pendingAt);
  sortedCache.set(s.conversations, { outbox: s.outbox, sorted });
  return sorted;
}

/**
 * The chat above (-1) or below (1) the open one in the list, for Ctrl+Alt+[ and ]: within its
 * folder (the chat list, or Archived when an archived chat is open). With no chat open, the first
 * or the last; null past either end.
 */
export function selectAdjacentChat(s: ChatState, step: 1 | -1): string | null {
  const open = s.activeId ? s.conversations[s.activeId] : undefined;
  const folder = selectSortedConversations(s).filter((c) => c.isArchived === (open?.isArchived ?? false));
  if (!open) return (step === 1 ? folder[0] : folder[folder.length - 1])?.id ?? null;
  return folder[folder.findIndex((c) => c.id === open.id) + step]?.id ?? null;
}

/** Chats with unread messages (the tab title count). */
export function selectUnreadChats(s: ChatState): number {
  let n = 0;
  for (const c of Object.values(s.conversations)) if (isUnread(c) && !s.removed[c.id]) n++;
  return n;
}

/** The chip of the "Unread" filter: the unread chats it lists, with no search (the open chat it keeps once read is not unread). */
export function selectUnreadFilterCount(s: ChatState): number {
  let n = 0;
  for (const c of Object.values(s.conversations)) if (inChatFilter(c, "unread", { archived: false, searching: false })) n++;
  return n;
}

/** My newest pending message in a conversation (list preview with a clock). */
export function latestPending(outbox: readonly OutboxEntry[], conversationId: string): OutboxEntry | null {
  let latest: OutboxEntry | null = null;
  for (const e of outbox) if (e.conversationId === conversationId && (!latest || e.createdAt > latest.createdAt)) latest = e;
  return latest;
}

/** The other person of a direct chat, when I block them; else null. */
export function selectBlockedPeer(s: ChatState, conversationId: string): ConversationSummary["peer"] {
  const peer = s.conversations[conversationId]?.peer;
  return peer && s.blocked?.[peer.id] ? peer : null;
}
