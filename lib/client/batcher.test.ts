import { describe, expect, it } from "vitest";
import { createSeqBatcher, type Timers } from "./batcher";

function fakeTimers() {
  const queue: { fn: () => void; handle: number }[] = [];
  let next = 1;
  const timers: Timers = {
    set: (fn) => {
      const handle = next++;
      queue.push({ fn, handle });
      return handle;
    },
    clear: (h) => {
      const i = queue.findIndex((t) => t.handle === h);
      if (i >= 0) queue.splice(i, 1);
    },
  };
  const runAll = () => {
    for (const t of queue.splice(0)) t.fn();
  };
  return { timers, runAll, pending: () => queue.length };
}

describe("createSeqBatcher", () => {
  it("sends one emit per conversation with the highest seq", () => {
    const sent: [string, number][] = [];
    const t = fakeTimers();
    const b = createSeqBatcher((c, s) => void sent.push([c, s]), 250, t.timers);
    b.add("a", 3);
    b.add("a", 5);
    b.add("a", 4);
    b.add("b", 1);
    expect(sent).toEqual([]);
    expect(t.pending()).toBe(1);
    t.runAll();
    expect(sent).toEqual([
      ["a", 5],
      ["b", 1],
    ]);
  });

  it("never repeats a seq already sent, until reset", () => {
    const sent: [string, number][] = [];
    const t = fakeTimers();
    const b = createSeqBatcher((c, s) => void sent.push([c, s]), 250, t.timers);
    b.add("a", 5);
    t.runAll();
    b.add("a", 5);
    b.add("a", 2);
    expect(t.pending()).toBe(0);
    b.reset();
    b.add("a", 5);
    t.runAll();
    expect(sent).toEqual([
      ["a", 5],
      ["a", 5],
    ]);
  });

  it("keeps what could not be sent for the next flush", () => {
    let online = false;
    const sent: [string, number][] = [];
    const t = fakeTimers();
    const b = createSeqBatcher(
      (c, s) => {
        if (!online) return false;
        sent.push([c, s]);
      },
      250,
      t.timers,
    );
    b.add("a", 2);
    t.runAll();
    expect(sent).toEqual([]);
    online = true;
    b.flush();
    expect(sent).toEqual([["a", 2]]);
  });

  it("ignores nonsense seqs", () => {
    const t = fakeTimers();
    const b = createSeqBatcher(() => undefined, 250, t.timers);
    b.add("a", 0);
    b.add("a", Number.NaN);
    expect(t.pending()).toBe(0);
  });
});
