// Message text helpers. Output is data for React to render as text: never HTML.

export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const URL_RE = /\b(https?:\/\/[^\s<>"']+|www\.[^\s<>"']+\.[^\s<>"']+)/gi;
const TRAILING = /[.,!?;:)\]}'"*_~]+$/;

/** Text on one line: runs of whitespace (newlines too) become one space, none at either end. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Split text into plain runs and http(s) links (only those schemes ever become hrefs). */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    let raw = match[0];
    const start = match.index;
    // "see https://x.org." → the dot is punctuation, not part of the URL (keep balanced parens).
    const trail = TRAILING.exec(raw)?.[0] ?? "";
    if (trail && !(trail.startsWith(")") && raw.includes("("))) raw = raw.slice(0, raw.length - trail.length);
    if (!raw) continue;
    const href = raw.toLowerCase().startsWith("www.") ? `https://${raw}` : raw;
    try {
      const url = new URL(href);
      if (url.protocol !== "http:" && url.protocol !== "https:") continue;
    } catch {
      continue;
    }
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    parts.push({ kind: "link", text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

const EMOJI_ONLY = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3|\s)+$/u;

/** 1–3 emoji and nothing else: shown large, like WhatsApp. */
export function emojiOnlyCount(text: string | null): number {
  if (!text || !EMOJI_ONLY.test(text) || !/\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(text)) return 0;
  const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;
  const graphemes = segmenter
    ? [...segmenter.segment(text.replace(/\s+/g, ""))].length
    : Array.from(text.replace(/\s+/g, "")).length;
  return graphemes <= 3 ? graphemes : 0;
}
