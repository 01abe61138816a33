"use client";
// One chat in the list: avatar, title, time, last-message preview (or who is typing), badges.
import { memo } from "react";
import { Ticks } from "@/components/chat/ticks";
import { Avatar } from "@/components/ui/avatar";
import { MutedIcon, PinIcon } from "@/components/ui/icons";
import { messagePreview } from "@/lib/client/conversations";
import { formatListTime } from "@/lib/client/format";
import { systemText } from "@/lib/client/system";
import { tickStatus } from "@/lib/client/ticks";
import type { OutboxEntry } from "@/lib/client/types";
import type { ConversationSummary } from "@/lib/realtime/contract";

type Props = {
  conversation: ConversationSummary;
  minDeliveredSeq: number;
  minReadSeq: number;
  meId: string;
  active: boolean;
  tabbable: boolean;
  /** Label like "typing…" / "Ana is typing…", or null. */
  typing: string | null;
  pending: OutboxEntry | null;
  online: boolean;
  removed: boolean;
  now: Date | null;
  onOpen: (id: string) => void;
  onFocusRow: (id: string) => void;
};

export const ConversationRow = memo(function ConversationRow({
  conversation: c,
  minDeliveredSeq,
  minReadSeq,
  meId,
  active,
  tabbable,
  typing,
  pending,
  online,
  removed,
  now,
  onOpen,
  onFocusRow,
}: Props) {
  const last = c.lastMessage;
  const watermarks = { minDeliveredSeq, minReadSeq };
  const pendingIsNewer = pending && (!last || pending.createdAt > last.createdAt);
  const unread = c.unreadCount > 0 && !active;
  const time = pendingIsNewer ? pending.createdAt : (last?.createdAt ?? c.lastMessageAt);
  const isGroup = c.type === "GROUP";

  let preview: React.ReactNode;
  if (typing) {
    preview = (
      <span className={`truncate ${active ? "text-fg" : "text-accent-strong"}`} data-testid="row-typing-indicator">
        {typing}
      </span>
    );
  } else if (pendingIsNewer) {
    preview = (
      <>
        <Ticks status={pending.failed ? "failed" : "pending"} className="mr-1 text-muted" />
        <span className="truncate">You: {pending.text.replace(/\s+/g, " ")}</span>
      </>
    );
  } else if (last) {
    const mine = last.senderId === meId;
    const text =
      last.type === "SYSTEM" ? systemText(null, last.text) : messagePreview(last, mine);
    const prefix = last.type === "SYSTEM" ? "" : mine ? "You: " : isGroup && last.senderName ? `${last.senderName.split(" ")[0]}: ` : "";
    preview = (
      <>
        {mine && !last.deletedAt && last.type !== "SYSTEM" && (
          <Ticks status={tickStatus(last, watermarks)} className={`mr-1 ${tickStatus(last, watermarks) === "read" ? "" : "text-muted"}`} />
        )}
        <span className={`truncate ${last.deletedAt ? "italic" : ""}`}>
          {prefix}
          {text}
        </span>
      </>
    );
  } else {
    preview = <span className="truncate">{isGroup ? c.about || "No messages yet" : `@${c.peer?.username ?? ""}`}</span>;
  }

  return (
    <li>
      <a
        href={`/?c=${encodeURIComponent(c.id)}`}
        data-testid="conversation-row"
        data-conversation-id={c.id}
        aria-current={active ? "page" : undefined}
        tabIndex={tabbable ? 0 : -1}
        onFocus={() => onFocusRow(c.id)}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          onOpen(c.id);
        }}
        className={`group flex h-[72px] items-center gap-3 pl-3 outline-none focus-visible:-outline-offset-2 focus-visible:outline-2 focus-visible:outline-accent ${
          active ? "bg-active" : "hover:bg-hover"
        }`}
      >
        <Avatar
          label={c.title}
          initials={c.peer?.initials}
          icon={isGroup ? c.icon : null}
          imageUrl={c.peer?.avatarUrl}
          color={c.iconBg}
          size={49}
          online={online}
        />
        <span className="flex h-full min-w-0 flex-1 flex-col justify-center border-b border-border pr-4 group-last:border-b-0">
          <span className="flex items-baseline gap-2">
            <span className="min-w-0 flex-1 truncate text-[17px] leading-6 text-fg" data-testid="conversation-title">
              {c.title}
            </span>
            {time && now && (
              <time
                dateTime={time}
                className={`shrink-0 text-xs ${unread ? "font-medium text-accent-strong" : active ? "text-fg/75" : "text-muted"}`}
              >
                {formatListTime(time, now)}
              </time>
            )}
          </span>
          <span className="flex items-center gap-1">
            <span
              className={`flex min-w-0 flex-1 items-center text-sm leading-5 ${active ? "text-fg/75" : "text-muted"} ${
                unread && !typing ? "font-medium text-fg" : ""
              }`}
            >
              {preview}
            </span>
            {removed && <span className="sr-only">(you left)</span>}
            {c.isMuted && <MutedIcon size={16} className="shrink-0 text-muted" />}
            {c.isPinned && <PinIcon size={16} className="shrink-0 text-muted" />}
            {unread && (
              <>
                <span
                  data-testid="unread-badge"
                  className="ml-1 inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-badge px-1.5 text-xs leading-none font-semibold text-[#0b141a]"
                >
                  {c.unreadCount > 999 ? "999+" : c.unreadCount}
                </span>
                <span className="sr-only"> unread {c.unreadCount === 1 ? "message" : "messages"}</span>
              </>
            )}
          </span>
        </span>
      </a>
    </li>
  );
});
