import { describe, expect, it } from "vitest";
import { EMOJI_GRID, QUICK_REACTIONS, hasReacted, reactionCount, reactorNames, toggleReaction } from "./reactions";

describe("toggleReaction", () => {
  it("adds a new emoji at the end", () => {
    expect(toggleReaction([{ emoji: "👍", userIds: ["a"] }], "❤️", "me")).toEqual([
      { emoji: "👍", userIds: ["a"] },
      { emoji: "❤️", userIds: ["me"] },
    ]);
  });
  it("joins an existing emoji", () => {
    expect(toggleReaction([{ emoji: "👍", userIds: ["a"] }], "👍", "me")).toEqual([{ emoji: "👍", userIds: ["a", "me"] }]);
  });
  it("removes mine, and the emoji when nobody is left", () => {
    expect(toggleReaction([{ emoji: "👍", userIds: ["a", "me"] }], "👍", "me")).toEqual([{ emoji: "👍", userIds: ["a"] }]);
    expect(toggleReaction([{ emoji: "👍", userIds: ["me"] }, { emoji: "😂", userIds: ["a"] }], "👍", "me")).toEqual([
      { emoji: "😂", userIds: ["a"] },
    ]);
  });
  it("is its own inverse and never mutates the input", () => {
    const input = Object.freeze([Object.freeze({ emoji: "👍", userIds: Object.freeze(["a"]) as string[] })]);
    const once = toggleReaction(input, "👍", "me");
    expect(toggleReaction(once, "👍", "me")).toEqual([{ emoji: "👍", userIds: ["a"] }]);
    expect(input[0]!.userIds).toEqual(["a"]);
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
