// Pure helpers for the per-conversation message arrays: always sorted by seq, never a duplicate.
import type { MessageDto } from "@/lib/realtime/contract";

function sameMessage(a: MessageDto, b: MessageDto): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.seq !== b.seq || a.text !== b.text || a.deletedAt !== b.deletedAt || a.editedAt !== b.editedAt) {
    return false;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Prefer the copy that carries more state: a deletion, an edit, a reaction or a vote never gets
 * undone by a copy read before it (a page or sync that was on its way while the update came).
 */
function pick(existing: MessageDto, incoming: MessageDto): MessageDto {
  if (existing.deletedAt && !incoming.deletedAt) return existing;
  if (existing.version !== incoming.version) return existing.version > incoming.version ? existing : incoming;
  if (existing.editedAt && incoming.editedAt && existing.editedAt > incoming.editedAt) return existing;
  if (existing.editedAt && !incoming.editedAt && !incoming.deletedAt) return existing;
  return incoming;
}

/**
 * Merge incoming messages into a seq-sorted array. Dedupes by id and by seq (a seq holds one
 * message); returns the same array when nothing changed so React selectors stay stable.
 */
export function mergeMessages(existing: readonly MessageDto[], incoming: readonly MessageDto[]): MessageDto[] {
  if (incoming.length === 0) return existing as MessageDto[];
  const bySeq = new Map<number, MessageDto>();
  const seqById = new Map<string, number>();
  for (const m of existing) {
    bySeq.set(m.seq, m);
    seqById.set(m.id, m.seq);
  }
  let changed = false;
  for (const m of incoming) {
    const oldSeq = seqById.get(m.id);
    if (oldSeq !== undefined && oldSeq !== m.seq) {
      // Same id under another seq cannot happen server-side; trust the newest copy.
      bySeq.delete(oldSeq);
      changed = true;
    }
    const current = bySeq.get(m.seq);
    if (!current) {
      bySeq.set(m.seq, m);
      seqById.set(m.id, m.seq);
      changed = true;
      continue;
    }
    const chosen = current.id === m.id ? pick(current, m) : m;
    if (chosen !== current && !sameMessage(chosen, current)) {
      if (current.id !== chosen.id) seqById.delete(current.id);
      bySeq.set(m.seq, chosen);
      seqById.set(chosen.id, m.seq);
      changed = true;
    }
  }
  if (!changed) return existing as MessageDto[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export function removeMessage(items: readonly MessageDto[], messageId: string): MessageDto[] {
  const next = items.filter((m) => m.id !== messageId);
  return next.length === items.length ? (items as MessageDto[]) : next;
}

export function markDeleted(items: readonly MessageDto[], messageId: string, at: string, byAdmin: boolean): MessageDto[] {
  let changed = false;
  const next = items.map((m) => {
    if (m.id !== messageId || m.deletedAt) return m;
    changed = true;
    return { ...m, text: null, deletedAt: at, deletedByAdmin: byAdmin };
  });
  return changed ? next : (items as MessageDto[]);
}

/**
 * Walk forward from `from` while the next seq is present: the highest seq up to which this
 * browser is missing nothing. Items must be sorted by seq.
 */
export function contiguousFrom(from: number, items: readonly MessageDto[]): number {
  let high = from;
  for (const m of items) {
    if (m.seq <= high) continue;
    if (m.seq === high + 1) high = m.seq;
    else break;
  }
  return high;
}

export function maxSeq(items: readonly MessageDto[]): number {
  return items.length ? items[items.length - 1]!.seq : 0;
}

/** Highest seq among messages sent by someone else, or 0. */
export function maxSeqFromOthers(items: readonly MessageDto[], meId: string): number {
  for (let i = items.length - 1; i >= 0; i--) {
    const m = items[i]!;
    if (m.senderId !== meId) return m.seq;
  }
  return 0;
}

/**
 * Replies whose quote of `original` is out of date (it was edited or deleted since), with the
 * quote refreshed; nothing when all are current. Merge them along with the original.
 */
export function refreshQuotes(
  items: readonly MessageDto[],
  original: Pick<MessageDto, "id" | "text" | "deletedAt"> & { attachments?: MessageDto["attachments"] },
): MessageDto[] {
  const deleted = !!original.deletedAt;
  const text = deleted ? null : original.text;
  const attachmentKind = deleted ? null : (original.attachments?.[0]?.kind ?? null);
  const out: MessageDto[] = [];
  for (const m of items) {
    const q = m.replyTo;
    if (!q || q.id !== original.id) continue;
    if (q.text === text && q.deleted === deleted && q.attachmentKind === attachmentKind) continue;
    out.push({ ...m, replyTo: { ...q, text, deleted, attachmentKind } });
  }
  return out;
}

/** Replies quoting messages that are gone without a trace (disappeared), without the quote. */
export function withoutQuotesOf(items: readonly MessageDto[], goneIds: ReadonlySet<string>): MessageDto[] {
  return items.filter((m) => m.replyTo && goneIds.has(m.replyTo.id)).map((m) => ({ ...m, replyTo: null }));
}

type QuotingState = {
  conversations: Readonly<Record<string, { type: "DIRECT" | "GROUP" } | undefined>>;
  messages: Readonly<Record<string, { items: readonly MessageDto[] } | undefined>>;
};

/**
 * What `refresh` changes of the loaded replies that can quote a message of `conversationId`, per
 * chat: its own chat's and, for a group's message, my direct chats' ("Reply privately").
 */
export function quotesToRefresh(
  s: QuotingState,
  conversationId: string,
  refresh: (items: readonly MessageDto[]) => MessageDto[],
): [conversationId: string, replies: MessageDto[]][] {
  const privately = s.conversations[conversationId]?.type === "GROUP" ? Object.keys(s.messages).filter((id) => s.conversations[id]?.type === "DIRECT") : [];
  const out: [string, MessageDto[]][] = [];
  for (const id of [conversationId, ...privately]) {
    const replies = refresh(s.messages[id]?.items ?? []);
    if (replies.length) out.push([id, replies]);
  }
  return out;
}
