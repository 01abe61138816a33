import { describe, expect, it } from "vitest";
import { parseRichText, plainText, type RichNode } from "./rich-text";

const text = (t: string): RichNode => ({ kind: "text", text: t });
const bold = (...children: RichNode[]): RichNode => ({ kind: "bold", children });
const italic = (...children: RichNode[]): RichNode => ({ kind: "italic", children });
const strike = (...children: RichNode[]): RichNode => ({ kind: "strike", children });
const link = (t: string, href = t): RichNode => ({ kind: "link", text: t, href });

describe("WhatsApp text formatting", () => {
  it("formats *bold*, _italic_, ~strikethrough~ and `code`, nested or side by side", () => {
    expect(parseRichText("*Hi* there")).toEqual([bold(text("Hi")), text(" there")]);
    expect(parseRichText("_so_ ~not~ `x = 1`")).toEqual([
      italic(text("so")),
      text(" "),
      strike(text("not")),
      text(" "),
      { kind: "code", text: "x = 1", block: false },
    ]);
    expect(parseRichText("*_both at once_*!")).toEqual([bold(italic(text("both at once"))), text("!")]);
    expect(parseRichText("(*aside*)")).toEqual([text("("), bold(text("aside")), text(")")]);
  });

  it("leaves markers alone inside words, around spaces, unpaired, and across lines", () => {
    for (const plain of ["snake_case_name", "2 * 3 * 4", "*not closed", "a * b*", "*a *b", "ñ_a_", "**", "_ _"]) {
      expect(parseRichText(plain), plain).toEqual([text(plain)]);
    }
    expect(parseRichText("*two\nlines*")).toEqual([text("*two\nlines*")]);
    expect(parseRichText("*one*\n_two_")).toEqual([bold(text("one")), text("\n"), italic(text("two"))]);
    // A long line of markers that never close stays text (each is looked at once, not rescanned).
    const noise = "(*a (_b (~c ".repeat(300);
    expect(parseRichText(noise)).toEqual([text(noise)]);
    expect(parseRichText("*a* ".repeat(3))).toEqual([bold(text("a")), text(" "), bold(text("a")), text(" "), bold(text("a")), text(" ")]);
  });

  it("does not format inside code, and keeps ``` blocks over several lines", () => {
    expect(parseRichText("`a *b* c`")).toEqual([{ kind: "code", text: "a *b* c", block: false }]);
    expect(parseRichText("run:\n```\nnpm *test*\nnpm start\n```")).toEqual([
      text("run:\n"),
      { kind: "code", text: "\nnpm *test*\nnpm start\n", block: true },
    ]);
    expect(parseRichText("```inline```")).toEqual([{ kind: "code", text: "inline", block: false }]);
    expect(parseRichText("``` ```")).toEqual([text("``` ```")]);
    expect(parseRichText("```never closed *but bold*")).toEqual([text("```never closed "), bold(text("but bold"))]);
  });

  it("keeps links whole: markers inside a URL are part of it, around one they format it", () => {
    expect(parseRichText("see https://x.org/a_b_/c and _this_")).toEqual([
      text("see "),
      link("https://x.org/a_b_/c"),
      text(" and "),
      italic(text("this")),
    ]);
    expect(parseRichText("*https://x.org/page*")).toEqual([bold(link("https://x.org/page"))]);
    expect(parseRichText("_see www.x.org_")).toEqual([italic(text("see "), link("www.x.org", "https://www.x.org"))]);
  });

  it("gives the text a reader sees, without markers, for previews", () => {
    expect(plainText("*Meet* at _10_ ~9~ `now`")).toBe("Meet at 10 9 now");
    expect(plainText("snake_case and 2 * 3")).toBe("snake_case and 2 * 3");
    expect(plainText("Buy:\n* *milk*\n- eggs\n> as she said\n2. then go")).toBe("Buy:\n• milk\n• eggs\nas she said\n2. then go");
  });

  it("makes lines that start with \"> \", \"* \", \"- \" or \"1. \" a quote or list items", () => {
    expect(parseRichText("> _wise_ words")).toEqual([{ kind: "quote", children: [italic(text("wise")), text(" words")] }]);
    expect(parseRichText("To do:\n* one\n- *two*\n\nthen")).toEqual([
      text("To do:\n"),
      { kind: "bullet", children: [text("one")] },
      { kind: "bullet", children: [bold(text("two"))] },
      // The empty line stays: only the line break a block makes itself is left out.
      text("\nthen"),
    ]);
    expect(parseRichText("1. first\n12. twelfth")).toEqual([
      { kind: "numbered", number: 1, children: [text("first")] },
      { kind: "numbered", number: 12, children: [text("twelfth")] },
    ]);
    // Only at the start of a line, with a space after the marker and text after that.
    for (const plain of ["a > b", ">no space", "*not a bullet", "-1 degrees", "1.5 kg", "2026. was a year", "> ", "* "]) {
      expect(parseRichText(plain), plain).toEqual([text(plain)]);
    }
  });
});
