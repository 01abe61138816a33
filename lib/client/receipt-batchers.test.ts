import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EmitAck, Timers } from "./batcher";
import { createReceiptBatchers, type ReceiptKind } from "./receipt-batchers";
import { MAX_RETRY_MS } from "./retry";
import type { ClientErrorCode } from "./types";

function manualTimers() {
  const queue: (() => void)[] = [];
  const timers: Timers = { set: (fn) => queue.push(fn), clear: () => undefined };
  return { timers, runAll: () => queue.splice(0).forEach((fn) => fn()) };
}

describe("createReceiptBatchers", () => {
  const setup = () => {
    const sent: [ReceiptKind, string, number][] = [];
    const t = manualTimers();
    const b = createReceiptBatchers((kind, c, s) => void sent.push([kind, c, s]), 250, t.timers);
    return { sent, b, runAll: t.runAll };
  };

  it("sends no delivery that a pending read covers", () => {
    const { sent, b, runAll } = setup();
    b.delivered.add("a", 5);
    b.reads.add("a", 5);
    runAll();
    expect(sent).toEqual([["read", "a", 5]]);
  });

  it("sends no delivery that a read sent earlier covers", () => {
    const { sent, b, runAll } = setup();
    b.reads.add("a", 7);
    runAll();
    b.delivered.add("a", 6);
    runAll();
    expect(sent).toEqual([["read", "a", 7]]);
  });

  it("sends a delivery beyond what was read, and deliveries of other chats", () => {
    const { sent, b, runAll } = setup();
    b.delivered.add("a", 9);
    b.delivered.add("b", 2);
    b.reads.add("a", 8);
    runAll();
    expect(sent).toEqual([
      ["delivered", "a", 9],
      ["delivered", "b", 2],
      ["read", "a", 8],
    ]);
  });
});

describe("receipts the server refuses", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const refused = (code: ClientErrorCode, retryAfterSeconds?: number): EmitAck => ({ ok: false, error: { code, message: "Refused", retryAfterSeconds } });

  /** A server answering each receipt in turn with `answers`, then taking every one. */
  const setup = (...answers: EmitAck[]) => {
    const sent: { kind: ReceiptKind; conversationId: string; seq: number; at: number }[] = [];
    const b = createReceiptBatchers((kind, conversationId, seq) => {
      sent.push({ kind, conversationId, seq, at: Date.now() });
      return Promise.resolve(answers.shift() ?? { ok: true });
    });
    return { sent, b, start: Date.now() };
  };

  it("sends a read refused as rate limited again once the limit's wait is over, and then no more", async () => {
    const { sent, b, start } = setup(refused("RATE_LIMITED", 7));
    b.reads.add("a", 5);
    await vi.advanceTimersByTimeAsync(250);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(6_999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map((s) => [s.seq, s.at - start])).toEqual([
      [5, 250],
      [5, 7_250],
    ]);
    await vi.advanceTimersByTimeAsync(10 * MAX_RETRY_MS);
    expect(sent).toHaveLength(2);
  });

  it.each(["UNAVAILABLE", "TIMEOUT"] as const)("retries a read refused with %s, waiting longer each time up to a cap", async (code) => {
    const { sent, b } = setup(...Array.from({ length: 9 }, () => refused(code)));
    b.reads.add("a", 5);
    await vi.advanceTimersByTimeAsync(20 * MAX_RETRY_MS);
    expect(sent).toHaveLength(10);
    const waits = sent.slice(1).map((s, i) => s.at - sent[i]!.at);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(Math.min(waits[i - 1]!, MAX_RETRY_MS / 2));
    expect(waits[0]).toBeGreaterThanOrEqual(500);
    expect(Math.max(...waits)).toBeLessThanOrEqual(MAX_RETRY_MS);
    expect(waits.at(-1)).toBeGreaterThanOrEqual(MAX_RETRY_MS / 2);
  });

  it("a retry carries the newest read of the chat, not the one refused", async () => {
    const { sent, b } = setup(refused("UNAVAILABLE"));
    b.reads.add("a", 5);
    await vi.advanceTimersByTimeAsync(250);
    b.reads.add("a", 8);
    // The newer read waits behind the backoff too: the server is refusing for now.
    await vi.advanceTimersByTimeAsync(250);
    expect(sent.map((s) => s.seq)).toEqual([5]);
    await vi.advanceTimersByTimeAsync(MAX_RETRY_MS);
    expect(sent.map((s) => s.seq)).toEqual([5, 8]);
  });

  it("keeps a delivery covered by a read that is being retried", async () => {
    const { sent, b } = setup(refused("RATE_LIMITED", 2));
    b.reads.add("a", 5);
    await vi.advanceTimersByTimeAsync(250);
    b.delivered.add("a", 5);
    await vi.advanceTimersByTimeAsync(MAX_RETRY_MS);
    expect(sent.map((s) => [s.kind, s.seq])).toEqual([
      ["read", 5],
      ["read", 5],
    ]);
  });

  it.each(["FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"] as const)("drops a read refused with %s, and retries only the one refused for now", async (code) => {
    const { sent, b } = setup(refused(code), refused("UNAVAILABLE"));
    b.reads.add("a", 5);
    b.reads.add("b", 3);
    await vi.advanceTimersByTimeAsync(10 * MAX_RETRY_MS);
    b.reads.add("a", 5);
    await vi.advanceTimersByTimeAsync(10 * MAX_RETRY_MS);
    expect(sent.map((s) => [s.conversationId, s.seq])).toEqual([
      ["a", 5],
      ["b", 3],
      ["b", 3],
    ]);
  });
});
