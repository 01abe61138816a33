import { describe, expect, it } from "vitest";
import { activeMention, applyMention, mentionCandidates, mentionsUser, splitMentions } from "./mentions";

const members = [
  { id: "me", name: "Maria Silva", username: "maria" },
  { id: "a", name: "Ana Lima", username: "ana_l" },
  { id: "b", name: "Bruno Anaya", username: "bruno" },
  { id: "c", name: "Carla Souza", username: "carla" },
];

describe("activeMention", () => {
  it("finds the @query just before the caret, at the start of a word", () => {
    expect(activeMention("hi @an", 6)).toEqual({ start: 3, query: "an" });
    expect(activeMention("@", 1)).toEqual({ start: 0, query: "" });
    expect(activeMention("hi @An there", 6)).toEqual({ start: 3, query: "an" });
  });

  it("ignores an @ inside a word (an email) or one the caret has moved past", () => {
    expect(activeMention("mail me at ana@example", 22)).toBeNull();
    expect(activeMention("hi @ana there", 13)).toBeNull();
    expect(activeMention("no at sign", 10)).toBeNull();
  });
});

describe("mentionCandidates", () => {
  it("matches usernames first, then any word of the name, never me", () => {
    expect(mentionCandidates(members, "an", "me").map((m) => m.id)).toEqual(["a", "b"]);
    expect(mentionCandidates(members, "", "me").map((m) => m.id)).toEqual(["a", "b", "c"]);
    expect(mentionCandidates(members, "mar", "me")).toEqual([]);
    expect(mentionCandidates(members, "", "me", 2)).toHaveLength(2);
  });
});

describe("applyMention", () => {
  it("replaces the typed query with @username and a space, caret after it", () => {
    expect(applyMention("hi @an", { start: 3, caret: 6 }, "ana_l")).toEqual({ text: "hi @ana_l ", caret: 10 });
    expect(applyMention("hi @an and more", { start: 3, caret: 6 }, "ana_l")).toEqual({ text: "hi @ana_l and more", caret: 10 });
  });
});

describe("splitMentions / mentionsUser", () => {
  const known = new Set(["ana_l", "bruno"]);

  it("marks mentions of known usernames, case-insensitively, and leaves the rest as text", () => {
    expect(splitMentions("hey @Ana_L and @bruno, not @nobody", known)).toEqual([
      { text: "hey " },
      { text: "@Ana_L", username: "ana_l" },
      { text: " and " },
      { text: "@bruno", username: "bruno" },
      { text: ", not @nobody" },
    ]);
  });

  it("does not take part of an email or of a longer name", () => {
    expect(splitMentions("write to x@bruno or @brunox", known)).toEqual([{ text: "write to x@bruno or @brunox" }]);
  });

  it("tells whether a text mentions me", () => {
    expect(mentionsUser("ping @MARIA please", "maria")).toBe(true);
    expect(mentionsUser("ping @mariana", "maria")).toBe(false);
    expect(mentionsUser(null, "maria")).toBe(false);
  });
});
