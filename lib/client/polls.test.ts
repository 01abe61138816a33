import { describe, expect, it } from "vitest";
import type { PollDto } from "@/lib/realtime/contract";
import { myChoices, nextChoices, voterCount, withMyVote } from "./polls";

const poll = (multiple: boolean, voters: string[][]): PollDto => ({
  multiple,
  options: voters.map((voterIds, i) => ({ text: `Option ${i}`, voterIds })),
});

describe("poll choices", () => {
  it("one answer: a click picks that option instead, a second click takes it back", () => {
    const p = poll(false, [["me"], ["ana"], []]);
    expect(myChoices(p, "me")).toEqual([0]);
    expect(nextChoices(p, "me", 2)).toEqual([2]);
    expect(nextChoices(p, "me", 0)).toEqual([]);
  });

  it("several answers: a click adds or removes that option only", () => {
    const p = poll(true, [["me"], [], ["me", "ana"]]);
    expect(nextChoices(p, "me", 1)).toEqual([0, 1, 2]);
    expect(nextChoices(p, "me", 2)).toEqual([0]);
  });

  it("shows my vote at once and counts people, not choices", () => {
    const p = poll(true, [["ana"], ["me", "ana"], []]);
    const after = withMyVote(p, "me", [0, 2]);
    expect(after.options.map((o) => o.voterIds)).toEqual([["ana", "me"], ["ana"], ["me"]]);
    expect(voterCount(after)).toBe(2);
    expect(voterCount(poll(false, [[], []]))).toBe(0);
  });
});
