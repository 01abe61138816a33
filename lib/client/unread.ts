// What counts as unread, for the chat list's badge and the chat's "unread messages" divider
// alike. The server counts the same way (lib/conversations/conversation-summaries.ts).
import type { MessageDto } from "@/lib/realtime/contract";
import type { ConversationMessages } from "./types";

type Countable = Pick<MessageDto, "senderId" | "type">;

/** Someone else's message: my own messages and group notices ("Ana added Ben") never count. */
export function countsAsUnread(m: Countable, meId: string): boolean {
  return m.senderId !== meId && m.type !== "SYSTEM";
}

/** How many of these messages after `afterSeq` count as unread. */
export function unreadAfter(items: readonly (Countable & { seq: number })[], afterSeq: number, meId: string): number {
  let n = 0;
  for (const m of items) if (m.seq > afterSeq && countsAsUnread(m, meId)) n++;
  return n;
}

/**
 * What stays unread after reading up to `seq`, when the loaded messages hold everything from
 * `seq` to the chat's last seq; undefined when some of it was never loaded here.
 */
export function unreadLeftInLoaded(loaded: ConversationMessages, lastSeq: number, seq: number, meId: string): number | undefined {
  if (loaded.status !== "ready" || loaded.syncedSeq < lastSeq) return undefined;
  if (loaded.nextBefore !== null && loaded.nextBefore > seq + 1) return undefined;
  return unreadAfter(loaded.items, seq, meId);
}

/** At most this many skipped seqs are awaited per chat; a bigger hole is the sync's to fill. */
const MAX_AWAITED = 100;

/**
 * Seqs a chat skipped, awaited so that they still count when they arrive late. Messages of one
 * chat can arrive out of order (sends stored together are published as each is read back, or
 * come from different nodes), and the badge otherwise counts only messages past lastSeq.
 * Returns the seqs still awaited after `seq` arrived, and whether it was one of them.
 */
export function awaitSkippedSeqs(
  awaited: readonly number[] | undefined,
  lastSeq: number,
  readSeq: number,
  seq: number,
): { awaited: number[]; wasAwaited: boolean } {
  const before = (awaited ?? []).filter((s) => s > readSeq);
  const wasAwaited = before.includes(seq);
  const next = before.filter((s) => s !== seq);
  for (let s = Math.max(lastSeq, readSeq, seq - 1 - MAX_AWAITED) + 1; s < seq; s++) next.push(s);
  return { awaited: next.slice(-MAX_AWAITED), wasAwaited };
}
