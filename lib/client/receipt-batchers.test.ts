import { describe, expect, it } from "vitest";
import type { Timers } from "./batcher";
import { createReceiptBatchers, type ReceiptKind } from "./receipt-batchers";

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
