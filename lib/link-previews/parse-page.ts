import { Parser } from "htmlparser2";

export type PageMeta = {
  title: string | null;
  description: string | null;
  siteName: string | null;
  /** Absolute http(s) URL. */
  imageUrl: string | null;
};

const MAX_TITLE = 200;
const MAX_DESCRIPTION = 300;
const MAX_SITE_NAME = 100;
// A longer "image URL" is junk, and would be stored with every preview.
const MAX_IMAGE_URL = 2048;

/**
 * What a page's <head> says about itself: Open Graph first, then Twitter cards, then plain HTML.
 * Texts come back cleaned and cut to length; the image as an absolute http(s) URL.
 */
export function parsePageMeta(html: string, pageUrl: string): PageMeta {
  // First value per lowercased `property` or `name`: the first og:image is the page's main one.
  const metas = new Map<string, string>();
  let title: string | null = null;
  let titleParts: string[] | null = null;
  let baseHref: string | null = null;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        // Everything a preview uses is in <head>: the body can be megabytes of no interest.
        if (name === "body") parser.pause();
        else if (name === "title" && title === null) titleParts = [];
        else if (name === "base" && baseHref === null && attribs.href) baseHref = attribs.href;
        else if (name === "meta" && attribs.content !== undefined) {
          for (const key of [attribs.property, attribs.name]) {
            const k = key?.trim().toLowerCase();
            if (k && !metas.has(k)) metas.set(k, attribs.content);
          }
        }
      },
      ontext(text) {
        titleParts?.push(text);
      },
      onclosetag(name, isImplied) {
        if (name === "title" && titleParts) {
          title = titleParts.join("");
          titleParts = null;
        } else if (name === "head" && !isImplied) parser.pause();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();

  const base = httpUrl(baseHref ?? "", pageUrl) ?? pageUrl;
  const pick = (max: number, ...values: (string | null | undefined)[]) =>
    values.map((v) => (v == null ? null : cleanText(v, max))).find((v) => v !== null) ?? null;
  const imageUrl =
    ["og:image:secure_url", "og:image", "og:image:url", "twitter:image", "twitter:image:src"]
      .map((key) => metas.get(key))
      .map((raw) => (raw === undefined ? null : httpUrl(raw, base)))
      .find((url) => url !== null && url.length <= MAX_IMAGE_URL) ?? null;
  return {
    title: pick(MAX_TITLE, metas.get("og:title"), metas.get("twitter:title"), title),
    description: pick(MAX_DESCRIPTION, metas.get("og:description"), metas.get("twitter:description"), metas.get("description")),
    siteName: pick(MAX_SITE_NAME, metas.get("og:site_name")),
    imageUrl,
  };
}

function httpUrl(raw: string, base: string): string | null {
  if (!raw.trim()) return null;
  try {
    const url = new URL(raw, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

// Controls other than whitespace, and bidi overrides/isolates (which could flip the text around a preview).
const INVISIBLE = /(?![\t\n\v\f\r])[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/** One line of plain text, at most `max` UTF-16 units, cut between code points with "…"; null when empty. */
function cleanText(raw: string, max: number): string | null {
  const text = raw.replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  if (!text) return null;
  if (text.length <= max) return text;
  let cut = "";
  for (const codePoint of text) {
    if (cut.length + codePoint.length > max - 1) break;
    cut += codePoint;
  }
  return `${cut.trimEnd()}…`;
}

/**
 * Decodes a page by the charset its Content-Type gave, else a byte-order mark, else a <meta>
 * charset in its first 4 KB, else UTF-8. Labels TextDecoder does not know are skipped.
 */
export function decodeHtml(body: Buffer, charset: string | null): string {
  const decoder = textDecoder(charset) ?? textDecoder(bomCharset(body)) ?? metaDecoder(body) ?? new TextDecoder();
  return decoder.decode(body);
}

function textDecoder(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim());
  } catch {
    return null;
  }
}

function bomCharset(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return "utf-8";
  if (body[0] === 0xff && body[1] === 0xfe) return "utf-16le";
  if (body[0] === 0xfe && body[1] === 0xff) return "utf-16be";
  return null;
}

function metaDecoder(body: Buffer): TextDecoder | null {
  const head = body.subarray(0, 4096).toString("latin1");
  // Both <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const decoder = textDecoder(tag.match(/charset\s*=\s*["']?\s*([^\s"'/;>]+)/i)?.[1] ?? null);
    // A page that could say so in ASCII is not UTF-16, whatever it says (as browsers judge).
    if (decoder) return decoder.encoding.startsWith("utf-16") ? new TextDecoder() : decoder;
  }
  return null;
}
