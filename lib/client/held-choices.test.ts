import { describe, expect, it } from "vitest";
import { holdChoice, releaseChoice, withHeldChoices, type MyChoice } from "./held-choices";
import { ANA, ME, msg } from "./test-support/fixtures";

const poll = { multiple: true, options: [{ text: "Sat", voterIds: [ANA] }, { text: "Sun", voterIds: [] }] };
const thumbsUp: MyChoice = { kind: "reaction", emoji: "👍", on: true };

describe("held choices", () => {
  it("puts every held choice of a message on each copy of it, and leaves other messages alone", () => {
    let held = holdChoice({}, "m1", { kind: "vote", options: [0, 1] }, 1);
    held = holdChoice(held, "m1", thumbsUp, 2);
    const shown = withHeldChoices(msg(1, { type: "POLL", poll, reactions: [{ emoji: "😂", userIds: [ANA] }] }), held, ME);
    expect(shown.poll!.options.map((o) => o.voterIds)).toEqual([[ANA, ME], [ME]]);
    expect(shown.reactions).toEqual([{ emoji: "😂", userIds: [ANA] }, { emoji: "👍", userIds: [ME] }]);
    const other = msg(2);
    expect(withHeldChoices(other, held, ME)).toBe(other);
  });

  it("a later vote replaces the earlier one, whose answer then releases nothing", () => {
    let held = holdChoice({}, "m1", { kind: "vote", options: [0] }, 1);
    held = holdChoice(held, "m1", { kind: "vote", options: [1] }, 2);
    expect(releaseChoice(held, "m1", { kind: "vote", options: [0] }, 1)).toBe(held);
    expect(withHeldChoices(msg(1, { type: "POLL", poll }), held, ME).poll!.options.map((o) => o.voterIds)).toEqual([[ANA], [ME]]);
    expect(releaseChoice(held, "m1", { kind: "vote", options: [1] }, 2)).toEqual({});
  });

  it("holds reactions per emoji: releasing one keeps the other", () => {
    let held = holdChoice({}, "m1", thumbsUp, 1);
    held = holdChoice(held, "m1", { kind: "reaction", emoji: "🙏", on: false }, 2);
    held = releaseChoice(held, "m1", thumbsUp, 1);
    const shown = withHeldChoices(msg(1, { reactions: [{ emoji: "🙏", userIds: [ME, ANA] }] }), held, ME);
    expect(shown.reactions).toEqual([{ emoji: "🙏", userIds: [ANA] }]);
  });
});
