"use client";
// The quoted message at the top of a reply (click → the original), and the one line that stands
// for a quoted or pinned message.
import { attachmentSummary } from "@/lib/client/attachments";
import { nameColorClass } from "@/lib/client/colors";
import { plainText } from "@/lib/client/rich-text";
import type { ReplyPreview } from "@/lib/realtime/contract";

/** One line for a quoted message: its text, else what it carried. */
export function replyPreviewText(r: ReplyPreview): string {
  if (r.deleted) return "This message was deleted";
  if (r.type === "POLL") return `📊 ${r.text ?? "Poll"}`;
  if (r.text) return plainText(r.text);
  if (r.attachmentKind) return attachmentSummary(r.attachmentKind);
  if (r.type === "LOCATION") return "📍 Location";
  if (r.type === "CONTACT") return "👤 Contact";
  return "";
}

export function ReplyQuote({
  reply,
  meId,
  metaColor,
  mine,
  onClick,
}: {
  reply: ReplyPreview;
  meId: string;
  metaColor: string;
  mine: boolean;
  onClick: () => void;
}) {
  const who = reply.senderId === meId ? "You" : reply.senderName;
  const preview = replyPreviewText(reply);
  return (
    <button
      type="button"
      onClick={onClick}
      className={`mb-1 block w-full min-w-[160px] overflow-hidden rounded-md border-l-4 px-2 py-1 text-left text-[13px] transition-colors ${
        mine ? "bg-black/5 hover:bg-black/10 dark:bg-black/20 dark:hover:bg-black/30" : "bg-black/5 hover:bg-black/10 dark:bg-black/20 dark:hover:bg-black/30"
      } ${reply.senderId === meId ? "border-accent" : "border-[#53bdeb]"}`}
      data-testid="reply-quote"
      data-reply-to={reply.id}
    >
      <span className="sr-only">Replying to </span>
      <span className={`block truncate font-medium ${reply.senderId === meId ? "text-accent-strong" : nameColorClass(reply.senderId)}`}>
        {who}
        {/* Replied to privately: the group it was said in. */}
        {reply.chat && <span className={`font-normal ${metaColor}`} data-testid="reply-from-chat"> · {reply.chat.title}</span>}
      </span>
      <span className={`line-clamp-2 break-words ${metaColor} ${reply.deleted ? "italic" : ""}`}>{preview}</span>
      <span className="sr-only">. Show the original message</span>
    </button>
  );
}
