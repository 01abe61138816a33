import { describe, expect, it } from "vitest";
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S, oneLine, snippetText, splitHighlights } from "./highlight";

describe("splitHighlights", () => {
  it("splits plain and matched text in order", () => {
    expect(splitHighlights(`see you at the ${S}cinema${E} tonight`)).toEqual([
      { text: "see you at the ", match: false },
      { text: "cinema", match: true },
      { text: " tonight", match: false },
    ]);
  });

  it("handles matches at both ends and several matches", () => {
    expect(splitHighlights(`${S}pizza${E} or ${S}pasta${E}`)).toEqual([
      { text: "pizza", match: true },
      { text: " or ", match: false },
      { text: "pasta", match: true },
    ]);
  });

  it("merges adjacent matches and drops empty parts", () => {
    expect(splitHighlights(`${S}foo${E}${S}bar${E}${S}${E}`)).toEqual([{ text: "foobar", match: true }]);
    expect(splitHighlights("")).toEqual([]);
  });

  it("tolerates a stray end and an unclosed start", () => {
    expect(splitHighlights(`a${E}b ${S}c`)).toEqual([
      { text: "ab ", match: false },
      { text: "c", match: true },
    ]);
  });

  it("keeps markup as plain text (rendered by React, never as HTML)", () => {
    const parts = splitHighlights(`<img src=x onerror=alert(1)> ${S}hello${E}`);
    expect(parts[0]).toEqual({ text: "<img src=x onerror=alert(1)> ", match: false });
    expect(snippetText(`<b>${S}hi${E}</b>`)).toBe("<b>hi</b>");
  });

  it("keeps emoji and other astral characters whole", () => {
    expect(splitHighlights(`🎉 ${S}party${E} 🎉`).map((p) => p.text)).toEqual(["🎉 ", "party", " 🎉"]);
  });

  it("oneLine collapses line breaks", () => {
    expect(oneLine(splitHighlights(`line one\n\n${S}two${E}`))).toEqual([
      { text: "line one ", match: false },
      { text: "two", match: true },
    ]);
  });
});
