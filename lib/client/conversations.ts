// Pure updates of conversation summaries from realtime events, and the list order.
import type { ConversationSummary, MessageDto, MessageType, ReceiptEvent } from "@/lib/realtime/contract";
import { plainText } from "./rich-text";
import { oneLine } from "./text";
import { mentionsUser } from "./mentions";
import { countsAsUnread } from "./unread";

export type LastMessage = NonNullable<ConversationSummary["lastMessage"]>;

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) || 0 : 0);

/** Pinned first, then most recent activity (a pending send counts as activity), then title. */
export function sortConversations(
  list: readonly ConversationSummary[],
  pendingAt: Readonly<Record<string, string>> = {},
): ConversationSummary[] {
  const activity = (c: ConversationSummary) => Math.max(time(c.lastMessageAt), time(pendingAt[c.id]));
  return [...list].sort((a, b) => {
    if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1;
    const diff = activity(b) - activity(a);
    if (diff !== 0) return diff;
    return a.title.localeCompare(b.title);
  });
}

/**
 * The badge after my read mark or the chat's last seq moved. It counts messages, not seqs
 * (notices, my own and disappeared messages leave gaps), so only a read of everything settles
 * it here; otherwise it is at most what lies between the two marks.
 */
function unread(count: number, lastSeq: number, readSeq: number): number {
  return readSeq >= lastSeq ? 0 : Math.min(count, lastSeq - readSeq);
}

/**
 * Merge a summary from the server (`conversation:updated`, a fetch, a sync) into the local one.
 * Watermarks only move forward, so a late summary never undoes a newer message or receipt seen
 * meanwhile; the side with the newer lastSeq decides the preview and its time.
 *
 * `unreadHereAfter(seq)`: how many unread messages this tab holds after `seq`. A summary older
 * than what arrived here since still counts everything up to its lastSeq (the messages this tab
 * never saw, such as those missed while it was offline), and this tab's newer ones on top.
 */
export function mergeSummary(
  local: ConversationSummary | undefined,
  incoming: ConversationSummary,
  unreadHereAfter: (seq: number) => number,
): ConversationSummary {
  if (!local) return incoming;
  const lastSeq = Math.max(local.lastSeq, incoming.lastSeq);
  const readSeq = Math.max(local.readSeq, incoming.readSeq);
  // Messages seen here after the server's lastSeq are newer; otherwise the server's row is exact,
  // even with an older preview (the newest messages disappeared, or were hidden or cleared).
  const newerLocal = local.lastSeq > incoming.lastSeq;
  const count = newerLocal ? incoming.unreadCount + unreadHereAfter(Math.max(incoming.lastSeq, readSeq)) : incoming.unreadCount;
  return {
    ...incoming,
    lastSeq,
    readSeq,
    unreadCount: unread(count, lastSeq, readSeq),
    // A mention seen here stays one: the badge goes once readSeq passes it.
    mentionSeq: Math.max(local.mentionSeq, incoming.mentionSeq),
    lastMessage: newerLocal ? local.lastMessage : incoming.lastMessage,
    lastMessageAt: newerLocal ? local.lastMessageAt : incoming.lastMessageAt,
    minDeliveredSeq: Math.max(local.minDeliveredSeq, incoming.minDeliveredSeq),
    minReadSeq: Math.max(local.minReadSeq, incoming.minReadSeq),
    // A row read before a clear this tab already applied must not take it back.
    clearedSeq: Math.max(local.clearedSeq, incoming.clearedSeq),
  };
}

/** My row of a chat after "Clear chat" up to clearedSeq: no preview of what went, nothing unread in it. */
export function clearedSummary(c: ConversationSummary, clearedSeq: number): ConversationSummary {
  const readSeq = Math.max(c.readSeq, clearedSeq);
  const lastMessage = c.lastMessage && c.lastMessage.seq <= clearedSeq ? null : c.lastMessage;
  return { ...c, readSeq, unreadCount: unread(c.unreadCount, c.lastSeq, readSeq), lastMessage, clearedSeq: Math.max(c.clearedSeq, clearedSeq) };
}

export function toLastMessage(m: MessageDto, senderName: string): LastMessage {
  return {
    id: m.id,
    seq: m.seq,
    senderId: m.senderId,
    type: m.type,
    text: m.text,
    createdAt: m.createdAt,
    deletedAt: m.deletedAt,
    deletedByAdmin: m.deletedByAdmin,
    withheld: m.withheld,
    system: m.system,
    senderName,
  };
}

/**
 * A new (or re-delivered) message: moves lastSeq, the preview, my unread count and, when it
 * @mentions me (`me.username`) in a group, my mentionSeq. Only a message past lastSeq is new to
 * the count, or one this tab skipped and awaits (`wasAwaited`, see awaitSkippedSeqs): the
 * server's count already holds the ones before.
 */
export function applyMessage(
  conv: ConversationSummary,
  message: MessageDto,
  me: { id: string; username: string },
  senderName: string,
  wasAwaited = false,
): ConversationSummary {
  const meId = me.id;
  const lastSeq = Math.max(conv.lastSeq, message.seq);
  // My own watermarks are at least the seq of anything I sent.
  const readSeq = message.senderId === meId ? Math.max(conv.readSeq, message.seq) : conv.readSeq;
  const counted = (message.seq > conv.lastSeq || wasAwaited) && message.seq > readSeq && countsAsUnread(message, meId);
  const isLatest = (conv.lastMessage?.seq ?? 0) <= message.seq;
  const next: ConversationSummary = {
    ...conv,
    lastSeq,
    readSeq,
    unreadCount: unread(conv.unreadCount + (counted ? 1 : 0), lastSeq, readSeq),
    mentionSeq: counted && conv.type === "GROUP" && mentionsUser(message.text, me.username) ? Math.max(conv.mentionSeq, message.seq) : conv.mentionSeq,
    lastMessage: isLatest ? toLastMessage(message, senderName) : conv.lastMessage,
    lastMessageAt: isLatest ? message.createdAt : conv.lastMessageAt,
  };
  return next;
}

/**
 * The chat's minima as the server reported them (a receipt, a departure). They only grow: an
 * event that overtook this one may have moved them further.
 */
export function raiseMinima(conv: ConversationSummary, minima: Pick<ReceiptEvent, "minDeliveredSeq" | "minReadSeq">) {
  return { minDeliveredSeq: Math.max(conv.minDeliveredSeq, minima.minDeliveredSeq), minReadSeq: Math.max(conv.minReadSeq, minima.minReadSeq) };
}

export function applyReceipt(conv: ConversationSummary, ev: ReceiptEvent, meId: string): ConversationSummary {
  const { minDeliveredSeq, minReadSeq } = raiseMinima(conv, ev);
  const readSeq = ev.userId === meId ? Math.max(conv.readSeq, ev.readSeq) : conv.readSeq;
  if (
    minDeliveredSeq === conv.minDeliveredSeq &&
    minReadSeq === conv.minReadSeq &&
    readSeq === conv.readSeq
  ) {
    return conv;
  }
  return { ...conv, minDeliveredSeq, minReadSeq, readSeq, unreadCount: unread(conv.unreadCount, conv.lastSeq, readSeq) };
}

/**
 * I read up to `seq` (optimistic, before the server confirms). `leftUnread` is what counts as
 * unread after `seq` among the messages this browser holds, when it holds all of them.
 */
export function applyRead(conv: ConversationSummary, seq: number, leftUnread?: number): ConversationSummary {
  if (seq <= conv.readSeq) return conv;
  const lastSeq = Math.max(conv.lastSeq, seq);
  return { ...conv, lastSeq, readSeq: seq, unreadCount: unread(leftUnread ?? conv.unreadCount, lastSeq, seq) };
}

/** A message was deleted: fix the preview if it was the last one. */
export function applyDeletion(
  conv: ConversationSummary,
  ev: { messageId: string; forEveryone: boolean; byAdmin: boolean },
  at: string,
  previous: LastMessage | null,
): ConversationSummary {
  if (conv.lastMessage?.id !== ev.messageId) return conv;
  if (ev.forEveryone) {
    const deletedAt = conv.lastMessage.deletedAt ?? at;
    return { ...conv, lastMessage: { ...conv.lastMessage, text: null, deletedAt, deletedByAdmin: ev.byAdmin } };
  }
  return { ...conv, lastMessage: previous, lastMessageAt: previous?.createdAt ?? conv.lastMessageAt };
}

const TYPE_LABEL: Record<MessageType, string> = {
  TEXT: "",
  IMAGE: "📷 Photo",
  FILE: "📄 Document",
  VIDEO: "🎥 Video",
  AUDIO: "🎤 Voice message",
  LOCATION: "📍 Location",
  SYSTEM: "",
  POLL: "📊 Poll",
  CONTACT: "👤 Contact",
};

/** Muted now: "Always", or a mute for 8 hours or a week that has not run out yet. */
export function isMutedAt(c: Pick<ConversationSummary, "isMuted" | "mutedUntil">, nowMs: number): boolean {
  return c.isMuted && (c.mutedUntil === null || Date.parse(c.mutedUntil) > nowMs);
}

/** Unread messages, or marked unread by me ("Mark as unread"). */
export function isUnread(c: Pick<ConversationSummary, "unreadCount" | "markedUnread">): boolean {
  return c.unreadCount > 0 || c.markedUnread;
}

/** The chat list's filter chips (Discover is no filter of chats). */
export type ChatFilter = "all" | "unread" | "favourites" | "groups";

/**
 * Whether a chat is a row of the list under `filter`. The Archived folder holds the archived
 * chats, the chat list the others, except while searching, when every chat matches. `keepId`
 * (the open chat) stays under "Unread" once read, so the row doesn't vanish under the pointer.
 * The Unread chip counts with this too, so its number is what the filter lists.
 */
export function inChatFilter(
  c: Pick<ConversationSummary, "id" | "type" | "isArchived" | "unreadCount" | "markedUnread" | "isFavourite">,
  filter: ChatFilter,
  where: { archived: boolean; searching: boolean; keepId?: string | null },
): boolean {
  if (where.archived ? !c.isArchived : !where.searching && c.isArchived) return false;
  if (filter === "unread") return isUnread(c) || c.id === where.keepId;
  if (filter === "favourites") return c.isFavourite;
  return filter === "all" || c.type === "GROUP";
}

/** What stands in for a message deleted for everyone, in its bubble and in previews. */
export function deletedText(m: Pick<MessageDto, "deletedByAdmin">, mine: boolean): string {
  if (m.deletedByAdmin) return "This message was deleted by an admin";
  return mine ? "You deleted this message" : "This message was deleted";
}

/** The text of a message as shown in a one-line preview. */
export function messagePreview(m: Pick<MessageDto, "type" | "text" | "deletedAt" | "deletedByAdmin">, mine: boolean): string {
  if (m.deletedAt) return deletedText(m, mine);
  // Formatting markers (*bold*…) are not shown: the reader sees the words. System text has none.
  const text = oneLine(m.type === "SYSTEM" ? (m.text ?? "") : plainText(m.text ?? ""));
  if (m.type === "TEXT" || m.type === "SYSTEM") return text;
  const label = TYPE_LABEL[m.type];
  return text ? `${label.split(" ")[0]} ${text}` : label;
}

/** Client-side filter of the chat list by the search box. */
export function matchesQuery(conv: ConversationSummary, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (conv.title.toLowerCase().includes(q)) return true;
  if (conv.peer && conv.peer.username.toLowerCase().includes(q.replace(/^@/, ""))) return true;
  return false;
}
