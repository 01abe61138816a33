// Batches `receipt:delivered` / `receipt:read`: one emit per conversation with the highest seq,
// at most every `delayMs`, never repeating a seq already sent. A receipt the server refuses for
// now (rate limit, database down, no ack) is sent again with backoff; a higher one supersedes it.
import { isPermanent, retryDelayMs } from "./retry";
import type { ClientError } from "./types";

export type Timers = {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
};

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** The server's answer to one emit. */
export type EmitAck = { ok: true } | { ok: false; error: ClientError };

/**
 * What one emit did: `false`, not sent (offline: kept for the next flush); a promise, sent and
 * answered by that ack; anything else, sent with no answer to wait for.
 */
export type EmitOutcome = boolean | void | Promise<EmitAck>;

export type SeqBatcher = {
  add(conversationId: string, seq: number): void;
  /** Whether a seq at least this high was sent, is on its way, or waits for the next flush. */
  covers(conversationId: string, seq: number): boolean;
  flush(): void;
  /** Forget what was sent (after a reconnect the server may have missed it). */
  reset(): void;
  dispose(): void;
};

export function createSeqBatcher(
  emit: (conversationId: string, seq: number) => EmitOutcome,
  delayMs = 250,
  timers: Timers = realTimers,
): SeqBatcher {
  const pending = new Map<string, number>();
  const inFlight = new Map<string, number>();
  const sent = new Map<string, number>();
  let handle: unknown = null;
  /** Temporary refusals in a row: the next flush waits out their backoff. */
  let failures = 0;
  let backingOff = false;
  let disposed = false;

  const highest = (conversationId: string) =>
    Math.max(sent.get(conversationId) ?? 0, inFlight.get(conversationId) ?? 0, pending.get(conversationId) ?? 0);

  const schedule = (ms: number) => {
    if (handle !== null) timers.clear(handle);
    handle = timers.set(flush, ms);
  };

  const answered = (conversationId: string, seq: number, ack: EmitAck) => {
    if (inFlight.get(conversationId) === seq) inFlight.delete(conversationId);
    if (disposed) return;
    // Taken, or refused for good (not mine to see, gone): either way it is not sent again.
    if (ack.ok || isPermanent(ack.error)) {
      if (ack.ok) failures = 0;
      sent.set(conversationId, Math.max(sent.get(conversationId) ?? 0, seq));
      return;
    }
    // A newer receipt of this chat (sent, on its way or waiting) says all this one did.
    if (seq <= highest(conversationId)) return;
    pending.set(conversationId, seq);
    // One backoff per round of refusals, however many chats the round refused.
    if (backingOff) return;
    backingOff = true;
    schedule(retryDelayMs(ack.error, ++failures));
  };

  const flush = () => {
    if (handle !== null) timers.clear(handle);
    handle = null;
    backingOff = false;
    const batch = [...pending.entries()];
    pending.clear();
    for (const [conversationId, seq] of batch) {
      if (seq <= Math.max(sent.get(conversationId) ?? 0, inFlight.get(conversationId) ?? 0)) continue;
      const outcome = emit(conversationId, seq);
      if (outcome === false) pending.set(conversationId, Math.max(pending.get(conversationId) ?? 0, seq));
      else if (outcome instanceof Promise) {
        inFlight.set(conversationId, seq);
        void outcome.then((ack) => answered(conversationId, seq, ack));
      } else sent.set(conversationId, seq);
    }
  };

  return {
    add(conversationId, seq) {
      if (!Number.isFinite(seq) || seq <= 0) return;
      if (seq <= highest(conversationId)) return;
      pending.set(conversationId, seq);
      // While backing off, the scheduled retry takes this one along.
      if (handle === null) handle = timers.set(flush, delayMs);
    },
    covers: (conversationId, seq) => seq <= highest(conversationId),
    flush,
    reset() {
      sent.clear();
      // What was on its way may be lost with the old connection: a re-add goes out at once.
      inFlight.clear();
    },
    dispose() {
      disposed = true;
      if (handle !== null) timers.clear(handle);
      handle = null;
      pending.clear();
    },
  };
}
