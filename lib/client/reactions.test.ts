import { describe, expect, it } from "vitest";
import { EMOJI_GRID, QUICK_REACTIONS, hasReacted, reactionCount, reactorNames, setMyReaction } from "./reactions";

describe("setMyReaction", () => {
  it("adds a new emoji at the end", () => {
    expect(setMyReaction([{ emoji: "👍", userIds: ["a"] }], "❤️", "me", true)).toEqual([
      { emoji: "👍", userIds: ["a"] },
      { emoji: "❤️", userIds: ["me"] },
    ]);
  });
  it("joins an existing emoji", () => {
    expect(setMyReaction([{ emoji: "👍", userIds: ["a"] }], "👍", "me", true)).toEqual([{ emoji: "👍", userIds: ["a", "me"] }]);
  });
  it("removes mine, and the emoji when nobody is left", () => {
    expect(setMyReaction([{ emoji: "👍", userIds: ["a", "me"] }], "👍", "me", false)).toEqual([{ emoji: "👍", userIds: ["a"] }]);
    expect(setMyReaction([{ emoji: "👍", userIds: ["me"] }, { emoji: "😂", userIds: ["a"] }], "👍", "me", false)).toEqual([
      { emoji: "😂", userIds: ["a"] },
    ]);
  });
  it("leaves a reaction that is already as asked, and never mutates the input", () => {
    const input = Object.freeze([Object.freeze({ emoji: "👍", userIds: Object.freeze(["a", "me"]) as string[] })]);
    expect(setMyReaction(input, "👍", "me", true)).toEqual([{ emoji: "👍", userIds: ["a", "me"] }]);
    expect(setMyReaction(input, "😂", "me", false)).toEqual([{ emoji: "👍", userIds: ["a", "me"] }]);
    const off = setMyReaction(input, "👍", "me", false);
    expect(setMyReaction(off, "👍", "me", true)).toEqual([{ emoji: "👍", userIds: ["a", "me"] }]);
    expect(input[0]!.userIds).toEqual(["a", "me"]);
  });
});

describe("reaction labels", () => {
  const names: Record<string, string> = { a: "Ana", b: "Ben", c: "Cy" };
  const nameOf = (id: string) => names[id] ?? "";
  it("lists me first as You, joined with 'and'", () => {
    expect(reactorNames(["a"], "me", nameOf)).toBe("Ana");
    expect(reactorNames(["a", "me"], "me", nameOf)).toBe("You and Ana");
    expect(reactorNames(["a", "b", "me", "c"], "me", nameOf)).toBe("You, Ana, Ben and Cy");
    expect(reactorNames(["zz"], "me", nameOf)).toBe("Someone");
  });
  it("counts and checks", () => {
    const r = [
      { emoji: "👍", userIds: ["a", "me"] },
      { emoji: "😂", userIds: ["a"] },
    ];
    expect(reactionCount(r)).toBe(3);
    expect(hasReacted(r, "👍", "me")).toBe(true);
    expect(hasReacted(r, "😂", "me")).toBe(false);
  });
  it("offers emoji the server accepts (pictographic first character, at most 16 chars)", () => {
    for (const e of [...QUICK_REACTIONS, ...EMOJI_GRID]) {
      expect(/^\p{Extended_Pictographic}/u.test(e), e).toBe(true);
      expect(e.length).toBeLessThanOrEqual(16);
    }
    expect(new Set(EMOJI_GRID).size).toBe(EMOJI_GRID.length);
  });
});
