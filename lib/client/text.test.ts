import { describe, expect, it } from "vitest";
import { emojiOnlyCount, linkify } from "./text";

describe("linkify", () => {
  it("finds http(s) and www links, leaves punctuation out", () => {
    expect(linkify("see https://example.org/a?b=1. ok")).toEqual([
      { kind: "text", text: "see " },
      { kind: "link", text: "https://example.org/a?b=1", href: "https://example.org/a?b=1" },
      { kind: "text", text: ". ok" },
    ]);
    expect(linkify("www.convo.app!")).toEqual([
      { kind: "link", text: "www.convo.app", href: "https://www.convo.app" },
      { kind: "text", text: "!" },
    ]);
  });
  it("never links other schemes", () => {
    expect(linkify("javascript:alert(1) data:text/html,x")).toEqual([{ kind: "text", text: "javascript:alert(1) data:text/html,x" }]);
  });
  it("keeps markup as text", () => {
    expect(linkify("<b>hi</b>")).toEqual([{ kind: "text", text: "<b>hi</b>" }]);
  });
});

describe("emojiOnlyCount", () => {
  it("counts up to three emoji", () => {
    expect(emojiOnlyCount("😀")).toBe(1);
    expect(emojiOnlyCount("👍🏽 🎉")).toBe(2);
    expect(emojiOnlyCount("👨‍👩‍👧")).toBe(1);
    expect(emojiOnlyCount("🇧🇷")).toBe(1);
  });
  it("is 0 for text, numbers or many emoji", () => {
    expect(emojiOnlyCount("hi 😀")).toBe(0);
    expect(emojiOnlyCount("123")).toBe(0);
    expect(emojiOnlyCount("😀😀😀😀")).toBe(0);
    expect(emojiOnlyCount(null)).toBe(0);
  });
});
