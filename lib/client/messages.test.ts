import { describe, expect, it } from "vitest";
import { contiguousFrom, markDeleted, maxSeq, maxSeqFromOthers, mergeMessages, removeMessage } from "./messages";
import { ME, msg } from "./test-support/fixtures";

describe("mergeMessages", () => {
  it("keeps messages sorted by seq whatever the arrival order", () => {
    const merged = mergeMessages([msg(2), msg(5)], [msg(4), msg(1), msg(3)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("never holds a message twice (same id, or same seq)", () => {
    const once = mergeMessages([], [msg(1), msg(2)]);
    const twice = mergeMessages(once, [msg(2), msg(1), msg(2)]);
    expect(twice.map((m) => m.id)).toEqual(["m1", "m2"]);
  });

  it("returns the same array when nothing changed", () => {
    const items = mergeMessages([], [msg(1), msg(2)]);
    expect(mergeMessages(items, [msg(1)])).toBe(items);
    expect(mergeMessages(items, [])).toBe(items);
  });

  it("applies a newer copy (deleted) but never resurrects a deleted message", () => {
    const items = [msg(1)];
    const deleted = mergeMessages(items, [msg(1, { text: null, deletedAt: "2025-03-10T12:00:00.000Z" })]);
    expect(deleted[0]!.text).toBeNull();
    const stale = mergeMessages(deleted, [msg(1)]);
    expect(stale).toBe(deleted);
  });

  it("keeps a reaction or vote that came live when a copy read before it arrives late", () => {
    const reacted = mergeMessages([msg(1)], [msg(1, { reactions: [{ emoji: "👍", userIds: ["u-ben"] }], version: 1 })]);
    // A page or sync copy read before the reaction, merged after it.
    expect(mergeMessages(reacted, [msg(1)])).toBe(reacted);
    const voted = msg(2, { type: "POLL", poll: { multiple: false, options: [{ text: "Yes", voterIds: ["u-ben"] }] }, version: 3 });
    const stalePoll = msg(2, { type: "POLL", poll: { multiple: false, options: [{ text: "Yes", voterIds: [] }] }, version: 2 });
    expect(mergeMessages([voted], [stalePoll])[0]!.poll!.options[0]!.voterIds).toEqual(["u-ben"]);
    // A newer copy still wins, whichever way the change went.
    const undone = mergeMessages(reacted, [msg(1, { version: 2 })]);
    expect(undone[0]!.reactions).toEqual([]);
  });

  it("takes an edit", () => {
    const edited = mergeMessages([msg(1)], [msg(1, { text: "fixed", editedAt: "2025-03-10T12:05:00.000Z" })]);
    expect(edited[0]!.text).toBe("fixed");
    expect(mergeMessages(edited, [msg(1)])).toBe(edited);
  });
});

describe("contiguousFrom", () => {
  it("walks up while the next seq is present", () => {
    expect(contiguousFrom(2, [msg(1), msg(2), msg(3), msg(4), msg(6)])).toBe(4);
  });
  it("stays put on a gap right after the cursor", () => {
    expect(contiguousFrom(2, [msg(4), msg(5)])).toBe(2);
  });
  it("handles an empty list", () => {
    expect(contiguousFrom(7, [])).toBe(7);
  });
});

describe("small helpers", () => {
  it("removeMessage drops by id and keeps the ref when absent", () => {
    const items = [msg(1), msg(2)];
    expect(removeMessage(items, "m1").map((m) => m.id)).toEqual(["m2"]);
    expect(removeMessage(items, "nope")).toBe(items);
  });
  it("markDeleted clears the text once and keeps who deleted it", () => {
    const items = markDeleted([msg(1)], "m1", "2025-03-10T12:00:00.000Z", true);
    expect(items[0]).toMatchObject({ text: null, deletedAt: "2025-03-10T12:00:00.000Z", deletedByAdmin: true });
    expect(markDeleted(items, "m1", "later", false)).toBe(items);
  });
  it("maxSeq and maxSeqFromOthers", () => {
    const items = [msg(1), msg(2, { senderId: ME }), msg(3, { senderId: ME })];
    expect(maxSeq(items)).toBe(3);
    expect(maxSeqFromOthers(items, ME)).toBe(1);
    expect(maxSeqFromOthers([msg(1, { senderId: ME })], ME)).toBe(0);
  });
});
