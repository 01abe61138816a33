// Search snippets from GET /api/v1/search: matched words sit between two control characters
// (the server's HIGHLIGHT_START / HIGHLIGHT_END, redefined here so no server code reaches the
// browser). Split into plain and matched parts, rendered as React text (<mark> for matches).

export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_END = "\u0003";

export type SnippetPart = { text: string; match: boolean };

/**
 * Parts of a snippet in order. Adjacent parts of the same kind are merged, empty ones dropped;
 * a stray end marker is ignored and an unclosed start highlights to the end. Other control
 * characters never reach the output.
 */
export function splitHighlights(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = "";
  const flush = () => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
    text = "";
  };
  for (const ch of snippet) {
    if (ch === HIGHLIGHT_START || ch === HIGHLIGHT_END) {
      flush();
      match = ch === HIGHLIGHT_START;
      continue;
    }
    text += ch;
  }
  flush();
  return parts;
}

/** The snippet as plain text (labels, titles). */
export function snippetText(snippet: string): string {
  return splitHighlights(snippet)
    .map((p) => p.text)
    .join("");
}

/** Snippets keep the message's line breaks: one line for a result row. */
export function oneLine(parts: SnippetPart[]): SnippetPart[] {
  return parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, " ") }));
}
