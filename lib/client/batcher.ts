// Batches `receipt:delivered` / `receipt:read`: one emit per conversation with the highest seq,
// at most every `delayMs`, never repeating a seq already sent.

export type Timers = {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
};

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export type SeqBatcher = {
  add(conversationId: string, seq: number): void;
  /** Whether a seq at least this high was sent, or is waiting for the next flush. */
  covers(conversationId: string, seq: number): boolean;
  flush(): void;
  /** Forget what was sent (after a reconnect the server may have missed it). */
  reset(): void;
  dispose(): void;
};

export function createSeqBatcher(
  emit: (conversationId: string, seq: number) => boolean | void,
  delayMs = 250,
  timers: Timers = realTimers,
): SeqBatcher {
  const pending = new Map<string, number>();
  const sent = new Map<string, number>();
  let handle: unknown = null;

  const flush = () => {
    if (handle !== null) timers.clear(handle);
    handle = null;
    const batch = [...pending.entries()];
    pending.clear();
    for (const [conversationId, seq] of batch) {
      if (seq <= (sent.get(conversationId) ?? 0)) continue;
      // emit returns false when it could not send (offline): keep it for the next flush.
      if (emit(conversationId, seq) === false) pending.set(conversationId, Math.max(pending.get(conversationId) ?? 0, seq));
      else sent.set(conversationId, seq);
    }
  };

  return {
    add(conversationId, seq) {
      if (!Number.isFinite(seq) || seq <= 0) return;
      if (seq <= (sent.get(conversationId) ?? 0)) return;
      if (seq <= (pending.get(conversationId) ?? 0)) return;
      pending.set(conversationId, seq);
      if (handle === null) handle = timers.set(flush, delayMs);
    },
    covers: (conversationId, seq) => seq <= Math.max(sent.get(conversationId) ?? 0, pending.get(conversationId) ?? 0),
    flush,
    reset() {
      sent.clear();
    },
    dispose() {
      if (handle !== null) timers.clear(handle);
      handle = null;
      pending.clear();
    },
  };
}
