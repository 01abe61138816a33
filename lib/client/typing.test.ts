import { describe, expect, it } from "vitest";
import type { Timers } from "./batcher";
import { activeTypers, applyTyping, createTypingEmitter, pruneTyping, typingLabel, typingUserIds } from "./typing";

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
    const typing = (name: string) => ({ name, recording: false });
    const recording = (name: string) => ({ name, recording: true });
    expect(typingLabel([], false)).toBeNull();
    expect(typingLabel([typing("Ana Lima")], false)).toBe("typing…");
    expect(typingLabel([typing("Ana Lima")], true)).toBe("Ana is typing…");
    expect(typingLabel([typing("Ana Lima"), typing("Bo")], true)).toBe("Ana and Bo are typing…");
    expect(typingLabel(["a", "b", "c"].map(typing), true)).toBe("3 people are typing…");
    expect(typingLabel([recording("Ana Lima")], false)).toBe("recording audio…");
    expect(typingLabel([recording("Ana Lima")], true)).toBe("Ana is recording audio…");
    expect(typingLabel([recording("Ana Lima"), recording("Bo")], true)).toBe("Ana and Bo are recording audio…");
    // Some typing, some recording: typing, which all of them are doing in a way.
    expect(typingLabel([recording("Ana Lima"), typing("Bo")], true)).toBe("Ana and Bo are typing…");
  });

  it("keeps who is recording apart from who is typing", () => {
    let s = applyTyping({}, { conversationId: "c", userId: "a", isTyping: true, recording: true }, 1_000);
    s = applyTyping(s, { conversationId: "c", userId: "b", isTyping: true }, 1_000);
    expect(activeTypers(s, "c")).toEqual([
      { userId: "a", recording: true },
      { userId: "b", recording: false },
    ]);
    // Back to typing after the recording went: the next hint says so.
    s = applyTyping(s, { conversationId: "c", userId: "a", isTyping: true }, 2_000);
    expect(activeTypers(s, "c")[0]).toEqual({ userId: "a", recording: false });
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
    const sent: (boolean | "recording")[] = [];
    const em = createTypingEmitter((_c, v, recording) => void sent.push(recording ? "recording" : v), () => t, fake);
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
    em.input("c", "z");
    em.blur("c");
    expect(sent).toEqual([true, false, true, false, true, false, true, false]);
  });

  it("while recording, repeats the signal without keystrokes until the recording stops", () => {
    const { em, sent, advance } = setup();
    em.recording("c", true);
    em.recording("c", true);
    expect(sent).toEqual(["recording"]);
    advance(2_500);
    advance(2_500);
    expect(sent).toEqual(["recording", "recording", "recording"]);
    // A change of the box meanwhile, its emptying, or its losing the focus to the recorder's bar,
    // neither stops it nor turns it into typing.
    em.input("c", "hi");
    em.input("c", "");
    em.blur("c");
    advance(2_500);
    expect(sent).toEqual(["recording", "recording", "recording", "recording"]);
    em.recording("c", false);
    advance(10_000);
    expect(sent).toEqual(["recording", "recording", "recording", "recording", false]);
  });

  it("ends a recording on send (stop); a reconnect forgets typing but not a recording", () => {
    const { em, sent, advance } = setup();
    em.recording("c", true);
    em.stop("c");
    advance(10_000);
    expect(sent).toEqual(["recording", false]);
    // Not recording: turning it off says nothing.
    em.recording("c", false);
    expect(sent).toEqual(["recording", false]);

    em.recording("c", true);
    em.input("d", "typing elsewhere");
    em.reset();
    advance(2_500);
    expect(sent).toEqual(["recording", false, "recording", true, "recording"]);
    // Typing in d was forgotten: no "stopped" for it when its idle time passes.
    advance(3_000);
    expect(sent.filter((v) => v === false)).toHaveLength(1);
  });
});
