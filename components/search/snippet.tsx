// A search snippet with its matches marked: built from split text, rendered as React text.
import { oneLine, splitHighlights } from "@/lib/client/highlight";

export function Snippet({ text, className = "" }: { text: string; className?: string }) {
  const parts = oneLine(splitHighlights(text));
  return (
    <span className={className} data-testid="search-snippet">
      {parts.map((p, i) =>
        p.match ? (
          <mark key={i} className="rounded-[2px] bg-transparent font-semibold text-accent-strong">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}
