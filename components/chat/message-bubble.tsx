"use client";
// One message: WhatsApp-style bubble with tail, sender name (groups), text (React text only,
// http(s) links), time + ticks inside, and the options menu.
import { memo, useState } from "react";
import { ChevronDownIcon, CopyIcon, InfoIcon, TrashIcon } from "@/components/ui/icons";
import { Menu, MenuItem } from "@/components/ui/menu";
import { nameColorClass } from "@/lib/client/colors";
import { formatClock } from "@/lib/client/format";
import type { ViewMessage } from "@/lib/client/rows";
import { systemText } from "@/lib/client/system";
import { emojiOnlyCount, linkify } from "@/lib/client/text";
import type { TickStatus } from "@/lib/client/types";
import { Ticks } from "./ticks";

export type BubbleActions = {
  onDelete: (message: ViewMessage, scope: "me" | "everyone") => void;
  onInfo: (message: ViewMessage) => void;
  onCopy: (message: ViewMessage) => void;
  onRetry: (message: ViewMessage) => void;
};

type Props = {
  message: ViewMessage;
  mine: boolean;
  firstOfRun: boolean;
  isGroup: boolean;
  senderName: string;
  /** My messages only. */
  status: TickStatus | null;
  canWrite: boolean;
  actions: BubbleActions;
};

const ATTACHMENT_LABEL = { IMAGE: "📷 Photo", VIDEO: "🎥 Video", AUDIO: "🎤 Audio", FILE: "📄" } as const;

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const MessageBubble = memo(function MessageBubble({ message: m, mine, firstOfRun, isGroup, senderName, status, canWrite, actions }: Props) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuButton, setMenuButton] = useState<HTMLButtonElement | null>(null);

  if (m.type === "SYSTEM") {
    return (
      <div className="flex justify-center px-4 py-1">
        <p
          className="max-w-[85%] rounded-lg bg-panel px-3 py-1.5 text-center text-[12.5px] text-muted shadow-[0_1px_0.5px_rgba(11,20,26,.13)] dark:bg-[#182229]"
          data-testid="system-message"
          data-seq={m.seq ?? ""}
        >
          {systemText(m.system, m.text)}
        </p>
      </div>
    );
  }

  const deleted = !!m.deletedAt;
  const failed = !!m.pending?.failed;
  const bigEmoji = !deleted ? emojiOnlyCount(m.text) : 0;
  const showName = isGroup && !mine && firstOfRun;
  const time = formatClock(m.createdAt);
  const edited = !!m.editedAt && !deleted;
  // Reserve room on the last line for the time (+ ticks) that sit in the bottom-right corner.
  const spacer = (edited ? 44 : 0) + (mine ? 66 : 46);

  const bubbleColor = mine ? "bg-bubble-out" : "bg-bubble-in";
  const tailColor = mine ? "text-bubble-out" : "text-bubble-in";
  const metaColor = mine ? "text-muted dark:text-white/75" : "text-muted";
  const linkColor = "text-[#0b62a8] underline decoration-1 underline-offset-2 dark:text-[#8fd3f5]";

  return (
    <div className={`flex px-[4%] md:px-[7%] ${mine ? "justify-end" : "justify-start"}`}>
      <div
        className={`group relative max-w-[85%] min-w-[88px] rounded-lg ${bubbleColor} shadow-[0_1px_0.5px_rgba(11,20,26,.13)] md:max-w-[65%] ${
          firstOfRun ? (mine ? "rounded-tr-none" : "rounded-tl-none") : ""
        }`}
        data-testid="message-bubble"
        data-message-id={m.id ?? ""}
        data-client-id={m.clientId}
        data-seq={m.seq ?? ""}
        data-status={mine ? status ?? undefined : undefined}
        data-mine={mine ? "true" : "false"}
        onContextMenu={(e) => {
          // Right-click, or a long press on touch screens, opens the options.
          if ((e.target as HTMLElement).closest("a")) return;
          e.preventDefault();
          setMenuOpen(true);
        }}
      >
        {firstOfRun && (
          <svg
            viewBox="0 0 8 13"
            width="8"
            height="13"
            aria-hidden="true"
            className={`absolute top-0 ${mine ? "-right-2" : "-left-2 -scale-x-100"} ${tailColor}`}
          >
            <path d="M0 0h5.2c1.8 0 2.4 1.2 1.3 2.6L0 11.2Z" fill="currentColor" />
          </svg>
        )}

        <div className={`px-[9px] pt-[6px] pb-2 ${showName ? "pt-[5px]" : ""}`}>
          {showName && (
            <p className={`mb-0.5 truncate text-[12.8px] leading-[22px] font-medium ${nameColorClass(m.senderId)}`} data-testid="sender-name">
              {senderName || "\u00a0"}
            </p>
          )}
          {!showName && <span className="sr-only">{mine ? "You" : senderName || "Unknown"}: </span>}

          {m.forwarded && !deleted && (
            <p className={`mb-0.5 flex items-center gap-1 text-[12.5px] italic ${metaColor}`}>
              <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true">
                <path d="M14 5l7 7-7 7v-4.1C8.5 14.9 5 16.5 2.5 20c1-5 4-10 11.5-11V5Z" fill="currentColor" />
              </svg>
              Forwarded
            </p>
          )}

          {m.replyTo && !deleted && (
            <div className="mb-1 overflow-hidden rounded-md border-l-4 border-accent bg-black/5 px-2 py-1 text-[13px] dark:bg-black/20">
              <p className={`truncate font-medium ${nameColorClass(m.replyTo.senderId)}`}>{m.replyTo.senderName}</p>
              <p className={`line-clamp-2 ${metaColor}`}>
                {m.replyTo.deleted ? "This message was deleted" : m.replyTo.text || (m.replyTo.attachmentKind ? ATTACHMENT_LABEL[m.replyTo.attachmentKind] : "")}
              </p>
            </div>
          )}

          {!deleted &&
            m.attachments.map((a) => (
              <p key={a.id} className="mb-1 flex items-center gap-2 rounded-md bg-black/5 px-2 py-2 text-sm dark:bg-black/20">
                <span aria-hidden="true">{a.kind === "FILE" ? "📄" : ATTACHMENT_LABEL[a.kind].split(" ")[0]}</span>
                <span className="min-w-0 flex-1 truncate">{a.name}</span>
                <span className={`shrink-0 text-xs ${metaColor}`}>{formatSize(a.size)}</span>
              </p>
            ))}

          {!deleted && m.location && (
            <a
              className={`mb-1 block text-sm ${linkColor}`}
              href={`https://www.openstreetmap.org/?mlat=${m.location.lat}&mlon=${m.location.lng}#map=16/${m.location.lat}/${m.location.lng}`}
              target="_blank"
              rel="noopener noreferrer"
            >
              📍 {m.location.label || `${m.location.lat.toFixed(5)}, ${m.location.lng.toFixed(5)}`}
            </a>
          )}

          <div
            className={`break-words whitespace-pre-wrap text-fg [overflow-wrap:anywhere] ${
              bigEmoji ? (bigEmoji === 1 ? "text-[48px] leading-[56px]" : "text-[36px] leading-[44px]") : "text-[14.2px] leading-[19px]"
            }`}
            data-testid="message-text"
          >
            {deleted ? (
              <span className={`italic ${metaColor}`} data-testid="message-deleted">
                <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" className="mr-1 inline -translate-y-px">
                  <circle cx="12" cy="12" r="8.5" stroke="currentColor" strokeWidth="2" fill="none" />
                  <path d="m6 6 12 12" stroke="currentColor" strokeWidth="2" />
                </svg>
                {mine ? "You deleted this message" : "This message was deleted"}
              </span>
            ) : (
              linkify(m.text ?? "").map((part, i) =>
                part.kind === "link" ? (
                  <a key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow" className={linkColor}>
                    {part.text}
                  </a>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )
            )}
            <span aria-hidden="true" className="inline-block h-3" style={{ width: spacer }} />
          </div>
        </div>

        <div className={`absolute right-[7px] bottom-[3px] flex items-center gap-[3px] text-[11px] leading-[15px] ${metaColor}`}>
          {edited && <span>edited</span>}
          <time dateTime={m.createdAt}>{time}</time>
          {mine && status && !deleted && (
            <Ticks status={status} className={status === "read" ? "" : mine ? "text-muted dark:text-white/75" : ""} />
          )}
        </div>

        {m.reactions.length > 0 && (
          <div className={`absolute -bottom-4 flex gap-0.5 ${mine ? "right-2" : "left-2"}`}>
            {m.reactions.map((r) => (
              <span
                key={r.emoji}
                className="flex items-center gap-0.5 rounded-full bg-panel px-1.5 py-0.5 text-[13px] leading-4 shadow-[0_1px_2px_rgba(11,20,26,.2)] ring-1 ring-border"
                title={`${r.userIds.length} reacted with ${r.emoji}`}
              >
                {r.emoji}
                {r.userIds.length > 1 && <span className="text-[11px] text-muted">{r.userIds.length}</span>}
              </span>
            ))}
          </div>
        )}

        {failed && (
          <button
            type="button"
            onClick={() => actions.onRetry(m)}
            className="absolute top-1/2 -left-9 -translate-y-1/2 rounded-full p-1 text-danger hover:bg-hover"
            aria-label={`Not sent: ${m.pending?.failed}. Retry`}
            title={`Not sent: ${m.pending?.failed}. Click to retry.`}
            data-testid="retry-send"
          >
            <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
              <circle cx="12" cy="12" r="10" fill="currentColor" />
              <path d="M12 7v6M12 16.5h.01" stroke="white" strokeWidth="2.2" strokeLinecap="round" />
            </svg>
          </button>
        )}

        <button
          ref={setMenuButton}
          type="button"
          aria-label="Message options"
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          onClick={() => setMenuOpen((o) => !o)}
          data-testid="message-menu-button"
          className={`absolute top-0 right-0 flex h-[22px] w-8 items-start justify-end rounded-tr-lg pt-[3px] pr-1 text-muted opacity-0 transition-opacity group-hover:opacity-100 focus-visible:opacity-100 ${
            menuOpen ? "opacity-100" : ""
          } ${mine ? "bg-gradient-to-l from-bubble-out from-60% to-transparent dark:text-white/75" : "bg-gradient-to-l from-bubble-in from-60% to-transparent"}`}
        >
          <ChevronDownIcon size={18} />
        </button>
        <Menu open={menuOpen} onClose={() => setMenuOpen(false)} anchor={menuButton} label="Message options" testId="message-menu">
          {mine && isGroup && m.id && !deleted && (
            <MenuItem icon={<InfoIcon size={20} />} onClick={() => actions.onInfo(m)} data-testid="message-info">
              Message info
            </MenuItem>
          )}
          {!deleted && m.text && (
            <MenuItem icon={<CopyIcon size={20} />} onClick={() => actions.onCopy(m)} data-testid="copy-message">
              Copy
            </MenuItem>
          )}
          <MenuItem icon={<TrashIcon size={20} />} onClick={() => actions.onDelete(m, "me")} data-testid="delete-for-me">
            {m.pending ? "Cancel sending" : "Delete for me"}
          </MenuItem>
          {mine && m.id && !deleted && canWrite && (
            <MenuItem icon={<TrashIcon size={20} />} danger onClick={() => actions.onDelete(m, "everyone")} data-testid="delete-for-everyone">
              Delete for everyone
            </MenuItem>
          )}
        </Menu>
      </div>
    </div>
  );
});
