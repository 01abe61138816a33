// A message's text with WhatsApp's formatting (lib/client/rich-text.ts) and @mentions, as React
// elements: user text is only ever rendered as text. Mentions take the links' colour, which has
// the contrast on both bubble colours.
import { splitMentions } from "@/lib/client/mentions";
import { parseRichText, type RichNode } from "@/lib/client/rich-text";

type Options = { linkClassName: string; mentionable?: ReadonlySet<string> };

/** `mentionable`: the group's @usernames, which show as mentions. */
export function RichText({ text, ...options }: { text: string } & Options) {
  return <>{parseRichText(text).map((node, i) => renderNode(node, i, options))}</>;
}

function renderText(text: string, key: number, mentionable: ReadonlySet<string> | undefined) {
  const parts = mentionable ? splitMentions(text, mentionable) : [{ text }];
  if (parts.length === 1 && !parts[0]!.username) return <span key={key}>{text}</span>;
  return (
    <span key={key}>
      {parts.map((part, i) =>
        part.username ? (
          <span key={i} className="font-medium text-[#0b62a8] dark:text-[#8fd3f5]" data-testid="mention">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </span>
  );
}

function renderNode(node: RichNode, key: number, options: Options) {
  const { linkClassName, mentionable } = options;
  const children = "children" in node ? node.children.map((child, i) => renderNode(child, i, options)) : null;
  switch (node.kind) {
    case "text":
      return renderText(node.text, key, mentionable);
    case "link":
      return (
        <a key={key} href={node.href} target="_blank" rel="noopener noreferrer nofollow" className={linkClassName}>
          {node.text}
        </a>
      );
    case "bold":
      return <strong key={key} className="font-bold">{children}</strong>;
    case "italic":
      return <em key={key}>{children}</em>;
    case "strike":
      return <s key={key}>{children}</s>;
    case "quote":
      return (
        <span key={key} className="my-0.5 block border-l-[3px] border-black/25 pl-2 dark:border-white/35" data-testid="text-quote">
          {children}
        </span>
      );
    case "bullet":
    case "numbered":
      return (
        <span key={key} className="flex" data-testid="text-list-item">
          <span className="w-5 shrink-0" aria-hidden={node.kind === "bullet"}>
            {node.kind === "numbered" ? `${node.number}.` : "•"}
          </span>
          <span className="min-w-0">{children}</span>
        </span>
      );
    case "code":
      return node.block ? (
        <code key={key} className="my-0.5 block rounded-md bg-black/5 px-2 py-1 font-mono text-[13px] dark:bg-white/10">
          {node.text.replace(/^\n|\n$/g, "")}
        </code>
      ) : (
        <code key={key} className="rounded bg-black/5 px-1 font-mono text-[13px] dark:bg-white/10">
          {node.text}
        </code>
      );
  }
}
