// WhatsApp's text formatting: *bold*, _italic_, ~strikethrough~, `code` and ```monospace```
// (which may span lines), and lines that start with "> " (a quote), "* " or "- " (a bulleted
// list) or "1. " (a numbered list). The result is data for React to render as elements and text, never
// HTML. The rules follow WhatsApp's: a marker opens only at the start of a word and closes only
// at the end of one, with text in between that neither starts nor ends with a space; *, _ and ~
// stay within a line; nothing is formatted inside code or inside a link.
import { linkify, type TextPart } from "./text";

export type RichNode =
  | TextPart
  | { kind: "bold" | "italic" | "strike"; children: RichNode[] }
  | { kind: "code"; text: string; block: boolean }
  /** A whole line shown as a block of its own: it ends the line before it and starts a new one after. */
  | { kind: "quote" | "bullet"; children: RichNode[] }
  | { kind: "numbered"; number: number; children: RichNode[] };

/** What a line starts with to be a quote ("> "), a bullet ("* ", "- ") or a numbered item ("1. "). */
const LINE_BLOCK = /^(?:(>)|([*-])|(\d{1,3})\.) (?=\S)/;

const STYLE = { "*": "bold", _: "italic", "~": "strike" } as const;
type Marker = keyof typeof STYLE | "`";

const FENCE = /```([\s\S]+?)```/g;
const isMarker = (c: string | undefined): c is Marker => c === "*" || c === "_" || c === "~" || c === "`";
const isSpace = (c: string) => /\s/u.test(c);
/** Letters and digits of any script: a marker next to one is inside a word (snake_case). */
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Parses a message's text into formatted nodes. */
export function parseRichText(text: string): RichNode[] {
  const nodes: RichNode[] = [];
  let last = 0;
  for (const match of text.matchAll(FENCE)) {
    if (match[1]!.trim() === "") continue; // ``` ``` is not a block: it stays text
    if (match.index > last) nodes.push(...parseLines(text.slice(last, match.index)));
    nodes.push({ kind: "code", text: match[1]!, block: match[1]!.includes("\n") });
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(...parseLines(text.slice(last)));
  return nodes;
}

/** The text a reader sees, markers removed (for one-line previews); list items keep "•" or their number. */
export function plainText(text: string): string {
  const flat = (nodes: RichNode[]): string => nodes.map(plain).join("");
  const plain = (n: RichNode): string => {
    if (n.kind === "bullet") return `• ${flat(n.children)}\n`;
    if (n.kind === "numbered") return `${n.number}. ${flat(n.children)}\n`;
    if (n.kind === "quote") return `${flat(n.children)}\n`;
    return "children" in n ? flat(n.children) : n.text;
  };
  return flat(parseRichText(text)).replace(/\n$/, "");
}

function parseLines(text: string): RichNode[] {
  const nodes: RichNode[] = [];
  let afterBlock = false;
  text.split("\n").forEach((line, i) => {
    // A block line breaks the line after it by itself: a "\n" there would add an empty line.
    if (i > 0 && !afterBlock) nodes.push({ kind: "text", text: "\n" });
    const block = LINE_BLOCK.exec(line);
    afterBlock = block !== null;
    if (!block) return void nodes.push(...parseInline(line, linkRanges(line)));
    const rest = line.slice(block[0].length);
    const children = merge(parseInline(rest, linkRanges(rest)));
    const [, quote, bullet, number] = block;
    nodes.push(quote ? { kind: "quote", children } : bullet ? { kind: "bullet", children } : { kind: "numbered", number: Number(number), children });
  });
  return merge(nodes);
}

type Range = [start: number, end: number];

function linkRanges(line: string): Range[] {
  const ranges: Range[] = [];
  let at = 0;
  for (const part of linkify(line)) {
    if (part.kind === "link") ranges.push([at, at + part.text.length]);
    at += part.text.length;
  }
  return ranges;
}

/** Formatting within one line; `links` are the ranges of `line` (offset by `base`) no marker may cut. */
function parseInline(line: string, links: Range[], base = 0): RichNode[] {
  const inLink = (i: number) => links.some(([s, e]) => base + i >= s && base + i < e);
  const closers = closingPositions(line, inLink);
  const nodes: RichNode[] = [];
  let plainFrom = 0;
  let i = 0;
  while (i < line.length) {
    const marker = line[i];
    const close = isMarker(marker) && !inLink(i) && opensAt(line, i) ? firstAtOrAfter(closers[marker], i + 2) : -1;
    if (close < 0) {
      i++;
      continue;
    }
    if (i > plainFrom) nodes.push(...linkify(line.slice(plainFrom, i)));
    const inner = line.slice(i + 1, close);
    nodes.push(
      marker === "`" ? { kind: "code", text: inner, block: false } : { kind: STYLE[marker as keyof typeof STYLE], children: parseInline(inner, links, base + i + 1) },
    );
    i = close + 1;
    plainFrom = i;
  }
  if (plainFrom < line.length) nodes.push(...linkify(line.slice(plainFrom)));
  return nodes;
}

/** A marker opens a span at the start of a word, before text that does not start with a space. */
function opensAt(line: string, i: number): boolean {
  const next = line[i + 1];
  return !isWordChar(line[i - 1]) && next !== undefined && next !== line[i] && !isSpace(next);
}

/**
 * Where each marker can close a span, in order: after text that does not end with a space, at
 * the end of a word. Found once per line, so that a line full of markers is not scanned again
 * for every one of them.
 */
function closingPositions(line: string, inLink: (i: number) => boolean): Record<Marker, number[]> {
  const at: Record<Marker, number[]> = { "*": [], _: [], "~": [], "`": [] };
  for (let j = 1; j < line.length; j++) {
    const c = line[j];
    if (isMarker(c) && !inLink(j) && !isSpace(line[j - 1]!) && !isWordChar(line[j + 1])) at[c].push(j);
  }
  return at;
}

/** The first position in `sorted` that is ≥ `from`, or -1. */
function firstAtOrAfter(sorted: number[], from: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo]! : -1;
}

/** Joins neighbouring plain runs, so that text renders as few nodes as it is split into. */
function merge(nodes: RichNode[]): RichNode[] {
  const out: RichNode[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (n.kind === "text" && prev?.kind === "text") out[out.length - 1] = { kind: "text", text: prev.text + n.text };
    else out.push(n);
  }
  return out;
}
