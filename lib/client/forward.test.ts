import { describe, expect, it } from "vitest";
import { forwardCandidates, MAX_FORWARD_TARGETS, toggleTarget } from "./forward";
import { conv } from "./test-support/fixtures";

describe("toggleTarget", () => {
  it("selects and unselects", () => {
    expect(toggleTarget([], "a")).toEqual(["a"]);
    expect(toggleTarget(["a", "b"], "a")).toEqual(["b"]);
  });
  it("ignores a pick beyond the limit", () => {
    const five = ["1", "2", "3", "4", "5"];
    expect(MAX_FORWARD_TARGETS).toBe(5);
    expect(toggleTarget(five, "6")).toBe(five);
    expect(toggleTarget(five, "3")).toEqual(["1", "2", "4", "5"]);
  });
});

describe("forwardCandidates", () => {
  const list = [conv({ id: "c1", title: "Ana Lima" }), conv({ id: "c2", title: "Book club", type: "GROUP", peer: null }), conv({ id: "c3", title: "Old group", type: "GROUP", peer: null })];
  it("keeps list order, filters by the search and drops chats I can't write in", () => {
    expect(forwardCandidates(list, "", { c3: true }).map((c) => c.id)).toEqual(["c1", "c2"]);
    expect(forwardCandidates(list, "book", {}).map((c) => c.id)).toEqual(["c2"]);
    expect(forwardCandidates(list, "@ana", {}).map((c) => c.id)).toEqual(["c1"]);
  });
});
