import { describe, expect, it } from "vitest";
import { decodeHtml, parsePageMeta } from "./parse-page";

const PAGE = "https://example.com/articles/one?x=1";
const page = (head: string, body = "") => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe("parsePageMeta", () => {
  it("prefers Open Graph, then Twitter cards, then plain HTML", () => {
    const all = page(`
      <title>Plain title</title>
      <meta name="description" content="Plain description">
      <meta name="twitter:title" content="Twitter title">
      <meta name="twitter:description" content="Twitter description">
      <meta name="twitter:image" content="https://img.example.com/twitter.png">
      <meta property="og:title" content="OG title">
      <meta property="og:description" content="OG description">
      <meta property="og:site_name" content="Example Site">
      <meta property="og:image" content="https://img.example.com/og.png">`);
    expect(parsePageMeta(all, PAGE)).toEqual({
      title: "OG title",
      description: "OG description",
      siteName: "Example Site",
      imageUrl: "https://img.example.com/og.png",
    });

    const twitter = page(`
      <title>Plain title</title>
      <meta name="description" content="Plain description">
      <meta name="twitter:title" content="Twitter title">
      <meta name="twitter:description" content="Twitter description">
      <meta name="twitter:image" content="https://img.example.com/twitter.png">`);
    expect(parsePageMeta(twitter, PAGE)).toEqual({
      title: "Twitter title",
      description: "Twitter description",
      siteName: null,
      imageUrl: "https://img.example.com/twitter.png",
    });

    const plain = page(`<title>Plain title</title><meta name="description" content="Plain description">`);
    expect(parsePageMeta(plain, PAGE)).toEqual({ title: "Plain title", description: "Plain description", siteName: null, imageUrl: null });
  });

  it("falls back past empty values and takes the first of repeated tags", () => {
    const html = page(`
      <title>Plain</title>
      <meta property="og:title" content="   ">
      <meta property="og:image" content="https://img.example.com/first.png">
      <meta property="og:image" content="https://img.example.com/second.png">`);
    expect(parsePageMeta(html, PAGE)).toMatchObject({ title: "Plain", imageUrl: "https://img.example.com/first.png" });
  });

  it("prefers og:image:secure_url to og:image", () => {
    const html = page(`
      <meta property="og:image" content="http://img.example.com/a.png">
      <meta property="og:image:secure_url" content="https://img.example.com/a.png">`);
    expect(parsePageMeta(html, PAGE).imageUrl).toBe("https://img.example.com/a.png");
  });

  it("decodes entities", () => {
    const html = page(`<title>Tom &amp; Jerry&#39;s caf&eacute; &lt;3</title><meta property="og:description" content="&quot;Caf&eacute;&quot; &amp; more&#x21;">`);
    expect(parsePageMeta(html, PAGE)).toMatchObject({ title: "Tom & Jerry's café <3", description: '"Café" & more!' });
  });

  it("resolves a relative image against the page, or its <base href>", () => {
    expect(parsePageMeta(page(`<meta property="og:image" content="../img/pic.png?s=1">`), PAGE).imageUrl).toBe("https://example.com/img/pic.png?s=1");
    expect(parsePageMeta(page(`<meta property="og:image" content="//cdn.example.net/p.jpg">`), PAGE).imageUrl).toBe("https://cdn.example.net/p.jpg");
    const based = page(`<base href="https://static.example.org/assets/"><meta property="og:image" content="pic.png">`);
    expect(parsePageMeta(based, PAGE).imageUrl).toBe("https://static.example.org/assets/pic.png");
  });

  it("refuses images that are not http(s), falling back to the next candidate", () => {
    for (const bad of ["javascript:alert(1)", "data:image/png;base64,iVBORw0KGgo=", "ftp://example.com/a.png", "http://[bad"]) {
      expect(parsePageMeta(page(`<meta property="og:image" content="${bad}">`), PAGE).imageUrl, bad).toBeNull();
    }
    const fallback = page(`<meta property="og:image" content="javascript:alert(1)"><meta name="twitter:image" content="/t.png">`);
    expect(parsePageMeta(fallback, PAGE).imageUrl).toBe("https://example.com/t.png");
  });

  it("reads nothing from the body", () => {
    const html = `<html><body><h1>Hello</h1><title>Not the title</title><meta property="og:title" content="Nor this"><svg><title>icon</title></svg></body></html>`;
    expect(parsePageMeta(html, PAGE)).toEqual({ title: null, description: null, siteName: null, imageUrl: null });
    const afterHead = `<html><head><title>Real</title></head><meta property="og:description" content="late">`;
    expect(parsePageMeta(afterHead, PAGE)).toMatchObject({ title: "Real", description: null });
  });

  it("collapses whitespace and drops control characters", () => {
    const html = page(`<title>
        Hello,\t\tworld
        again   </title><meta property="og:description" content="a\u0000b\u0007 \u202Ec&#10;&#10;d">`);
    expect(parsePageMeta(html, PAGE)).toMatchObject({ title: "Hello, world again", description: "ab c d" });
    expect(parsePageMeta(page("<title> \n\t </title>"), PAGE).title).toBeNull();
  });

  it("cuts long texts at a code point boundary with an ellipsis", () => {
    const html = page(`
      <title>${"a".repeat(199)}😀tail</title>
      <meta name="description" content="${"word ".repeat(100)}">
      <meta property="og:site_name" content="${"s".repeat(100)}">`);
    const meta = parsePageMeta(html, PAGE);
    // The emoji (2 UTF-16 units) does not fit in the 199 left before "…": no half of it is kept.
    expect(meta.title).toBe(`${"a".repeat(199)}…`);
    expect(meta.description).toHaveLength(300);
    expect(meta.description?.endsWith("word…")).toBe(true);
    expect(meta.siteName).toBe("s".repeat(100));
    const emoji = parsePageMeta(page(`<title>${"😀".repeat(150)}</title>`), PAGE).title ?? "";
    expect(emoji.length).toBeLessThanOrEqual(200);
    expect(emoji).toBe(`${"😀".repeat(99)}…`);
  });

  it("matches tag and attribute names and property values in any case", () => {
    const html = `<HTML><HEAD><TITLE>t</TITLE><META PROPERTY="OG:TITLE" CONTENT="Upper"><Meta Name="Description" Content="Desc"><META property="og:IMAGE" content="/u.png"></HEAD></HTML>`;
    expect(parsePageMeta(html, PAGE)).toMatchObject({ title: "Upper", description: "Desc", imageUrl: "https://example.com/u.png" });
  });
});

describe("decodeHtml", () => {
  const cafe = Buffer.from([0x63, 0x61, 0x66, 0xe9]);

  it("uses the Content-Type charset", () => {
    expect(decodeHtml(Buffer.concat([Buffer.from("<title>"), cafe, Buffer.from("</title>")]), "windows-1252")).toBe("<title>café</title>");
    expect(decodeHtml(cafe, "ISO-8859-1")).toBe("café");
  });

  it("else a <meta> charset in the first 4 KB", () => {
    const meta = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"><title>'), cafe, Buffer.from("</title>")]);
    expect(decodeHtml(meta, null)).toContain("<title>café</title>");
    const equiv = Buffer.concat([Buffer.from('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252">'), cafe]);
    expect(decodeHtml(equiv, null).endsWith("café")).toBe(true);
    const late = Buffer.concat([Buffer.from(" ".repeat(5000)), Buffer.from('<meta charset="windows-1252">'), cafe]);
    expect(decodeHtml(late, null).endsWith("caf\uFFFD")).toBe(true);
  });

  it("else UTF-8, also for labels it does not know", () => {
    const utf8 = Buffer.from("<title>café</title>");
    expect(decodeHtml(utf8, null)).toBe("<title>café</title>");
    expect(decodeHtml(utf8, "no-such-charset")).toBe("<title>café</title>");
    expect(decodeHtml(Buffer.concat([Buffer.from('<meta charset="bogus">'), utf8]), null)).toContain("café");
  });

  it("the header wins over <meta>, a byte-order mark over <meta>", () => {
    const meta = Buffer.concat([Buffer.from('<meta charset="windows-1252">'), Buffer.from("café")]);
    expect(decodeHtml(meta, "utf-8").endsWith("café")).toBe(true);
    expect(decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), meta]), null).endsWith("café")).toBe(true);
    expect(decodeHtml(Buffer.from("\uFEFFhi", "utf16le"), null)).toBe("hi");
  });
});
