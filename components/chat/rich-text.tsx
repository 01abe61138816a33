// A message's text with WhatsApp's formatting (lib/client/rich-text.ts), as React elements: user
// text is only ever rendered as text.
import { parseRichText, type RichNode } from "@/lib/client/rich-text";

export function RichText({ text, linkClassName }: { text: string; linkClassName: string }) {
  return <>{parseRichText(text).map((node, i) => renderNode(node, i, linkClassName))}</>;
}

function renderNode(node: RichNode, key: number, linkClassName: string) {
  const children = "children" in node ? node.children.map((child, i) => renderNode(child, i, linkClassName)) : null;
  switch (node.kind) {
    case "text":
      return <span key={key}>{node.text}</span>;
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
