import { describe, expect, it } from "vitest";
import type { Timers } from "./batcher";
import { applyTyping, createTypingEmitter, pruneTyping, typingLabel, typingUserIds } from "./typing";

describe("incoming typing state", () => {
  it("adds, refreshes, removes and expires", () => {
    let s = applyTyping({}, { conversationId: "c", userId: "a", isTyping: true }, 1_000);
    s = applyTyping(s, { conversationId: "c", userId: "b", isTyping: true }, 3_000);
    expect(typingUserIds(s, "c", 4_000).sort()).toEqual(["a", "b"]);
    // a expires 5 s after its last refresh
    expect(typingUserIds(s, "c", 6_500)).toEqual(["b"]);
    const pruned = pruneTyping(s, 6_500);
    expect(Object.keys(pruned.c!)).toEqual(["b"]);
    expect(pruneTyping(pruned, 6_500)).toBe(pruned);
    s = applyTyping(pruned, { conversationId: "c", userId: "b", isTyping: false }, 7_000);
    expect(s).toEqual({});
  });

  it("labels", () => {
    expect(typingLabel([], false)).toBeNull();
    expect(typingLabel(["Ana Lima"], false)).toBe("typing…");
    expect(typingLabel(["Ana Lima"], true)).toBe("Ana is typing…");
    expect(typingLabel(["Ana Lima", "Bo"], true)).toBe("Ana and Bo are typing…");
    expect(typingLabel(["a", "b", "c"], true)).toBe("3 people are typing…");
  });
});

describe("createTypingEmitter", () => {
  function setup() {
    let t = 0;
    const timers: { fn: () => void; at: number; h: number }[] = [];
    let h = 0;
    const fake: Timers = {
      set: (fn, ms) => {
        timers.push({ fn, at: t + ms, h: ++h });
        return h;
      },
      clear: (handle) => {
        const i = timers.findIndex((x) => x.h === handle);
        if (i >= 0) timers.splice(i, 1);
      },
    };
    const sent: boolean[] = [];
    const em = createTypingEmitter((_c, v) => void sent.push(v), () => t, fake);
    const advance = (ms: number) => {
      t += ms;
      for (const x of timers.filter((x) => x.at <= t)) {
        timers.splice(timers.indexOf(x), 1);
        x.fn();
      }
    };
    return { em, sent, advance };
  }

  it("emits true at most every 2.5 s while typing", () => {
    const { em, sent, advance } = setup();
    em.input("c", "h");
    advance(1_000);
    em.input("c", "he");
    advance(1_000);
    em.input("c", "hel");
    expect(sent).toEqual([true]);
    advance(600);
    em.input("c", "hell");
    expect(sent).toEqual([true, true]);
  });

  it("emits false on an empty box, on stop, and after 3 s idle", () => {
    const { em, sent, advance } = setup();
    em.input("c", "h");
    em.input("c", "");
    expect(sent).toEqual([true, false]);
    em.input("c", "x");
    em.stop("c");
    em.stop("c");
    expect(sent).toEqual([true, false, true, false]);
    em.input("c", "y");
    advance(3_000);
    expect(sent).toEqual([true, false, true, false, true, false]);
  });
});
