"use client";
// One chat in the list: avatar, title, time, last-message preview (or who is typing), badges,
// and its options menu (hover chevron, right-click, or the context-menu key / Shift+F10).
import { memo, useState } from "react";
import { ClearChatDialog } from "@/components/chat/clear-chat-dialog";
import { Ticks } from "@/components/chat/ticks";
import { ConversationAvatar } from "@/components/conversations/conversation-avatar";
import { ArchiveIcon, BellIcon, ChatBubbleIcon, CheckIcon, ChevronDownIcon, MutedIcon, PinIcon, PinOffIcon, TrashIcon, UnarchiveIcon } from "@/components/ui/icons";
import { Menu, MenuItem } from "@/components/ui/menu";
import { isMutedAt, isUnread, messagePreview } from "@/lib/client/conversations";
import { formatListTime } from "@/lib/client/format";
import { systemText } from "@/lib/client/system";
import { tickStatus } from "@/lib/client/ticks";
import type { OutboxEntry } from "@/lib/client/types";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { FavouriteMenuItem } from "./favourite-menu-item";
import { MuteDialog } from "./mute-dialog";
import type { ChatSettingsUpdate } from "./use-chat-settings";

type Props = {
  conversation: ConversationSummary;
  minDeliveredSeq: number;
  minReadSeq: number;
  meId: string;
  /** My name, so a group event I did reads "You added …". */
  meName: string;
  active: boolean;
  tabbable: boolean;
  /** Label like "typing…" / "Ana is typing…", or null. */
  typing: string | null;
  /** What I typed here and did not send (not shown for the open chat), or null. */
  draft: string | null;
  pending: OutboxEntry | null;
  online: boolean;
  removed: boolean;
  now: Date | null;
  onOpen: (id: string) => void;
  onFocusRow: (id: string) => void;
  onSettings: ChatSettingsUpdate;
  onMarkRead: (conversation: ConversationSummary) => void;
};

export const ConversationRow = memo(function ConversationRow({
  conversation: c,
  minDeliveredSeq,
  minReadSeq,
  meId,
  meName,
  active,
  tabbable,
  typing,
  draft,
  pending,
  online,
  removed,
  now,
  onOpen,
  onFocusRow,
  onSettings,
  onMarkRead,
}: Props) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuButton, setMenuButton] = useState<HTMLButtonElement | null>(null);
  const [muting, setMuting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // Before hydration there is no clock: the server's word stands.
  const muted = now ? isMutedAt(c, now.getTime()) : c.isMuted;
  const last = c.lastMessage;
  const watermarks = { minDeliveredSeq, minReadSeq, readReceipts: c.readReceipts };
  const pendingIsNewer = pending && (!last || pending.createdAt > last.createdAt);
  const unread = isUnread(c) && !active;
  const time = pendingIsNewer ? pending.createdAt : (last?.createdAt ?? c.lastMessageAt);
  const isGroup = c.type === "GROUP";

  let preview: React.ReactNode;
  if (typing) {
    preview = (
      <span className={`truncate ${active ? "text-fg" : "text-accent-strong"}`} data-testid="row-typing-indicator">
        {typing}
      </span>
    );
  } else if (draft) {
    preview = (
      <span className="truncate" data-testid="row-draft">
        <span className="text-accent-strong">Draft: </span>
        {draft}
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
      last.type === "SYSTEM" ? systemText(last.system, last.text, meName) : messagePreview(last, mine);
    // "You deleted this message" already says who: no "You: " in front of it.
    const prefix =
      last.type === "SYSTEM" || (mine && last.deletedAt) ? "" : mine ? "You: " : isGroup && last.senderName ? `${last.senderName.split(" ")[0]}: ` : "";
    preview = (
      <>
        {mine && !last.deletedAt && last.type !== "SYSTEM" && (
          <Ticks status={tickStatus(last, watermarks)} className={`mr-1 ${tickStatus(last, watermarks) === "read" ? "" : "text-muted"}`} />
        )}
        <span className={`truncate ${last.deletedAt ? "italic" : ""}`} data-testid="row-preview">
          {prefix}
          {text}
        </span>
      </>
    );
  } else {
    preview = <span className="truncate">{isGroup ? c.about || "No messages yet" : `@${c.peer?.username ?? ""}`}</span>;
  }

  const status = [c.isPinned ? "pinned" : "", muted ? "muted" : "", c.isArchived ? "archived" : ""].filter(Boolean).join(", ");

  return (
    <li className="group/row relative">
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
        onContextMenu={(e) => {
          e.preventDefault();
          setMenuOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "ContextMenu" || (e.shiftKey && e.key === "F10")) {
            e.preventDefault();
            e.stopPropagation();
            setMenuOpen(true);
          }
        }}
        aria-keyshortcuts="Shift+F10"
        className={`group flex h-[72px] items-center gap-3 pl-3 outline-none focus-visible:-outline-offset-2 focus-visible:outline-2 focus-visible:outline-solid focus-visible:outline-accent ${
          active ? "bg-active" : "hover:bg-hover"
        }`}
      >
        <ConversationAvatar conversation={c} size={49} online={online} />
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
          {/* Room for the options button while it shows: hovered, keyboard focus in the row (not
              a mouse click's focus, which stays after its menu closes), or a touch screen. */}
          <span
            className={`flex items-center gap-1 transition-[padding] group-hover/row:pr-7 group-has-[:focus-visible]/row:pr-7 [@media(hover:none)]:pr-7 ${menuOpen ? "pr-7" : ""}`}
          >
            <span
              className={`flex min-w-0 flex-1 items-center text-sm leading-5 ${active ? "text-fg/75" : "text-muted"} ${
                unread && !typing ? "font-medium text-fg" : ""
              }`}
            >
              {preview}
            </span>
            {removed && <span className="sr-only">(you left)</span>}
            {status && <span className="sr-only">({status})</span>}
            {muted && <MutedIcon size={16} className="shrink-0 text-muted" data-testid="muted-icon" />}
            {c.isPinned && <PinIcon size={16} className="shrink-0 text-muted" data-testid="pinned-icon" />}
            {unread && c.unreadCount === 0 && (
              <span data-testid="marked-unread-badge" className={`ml-1 h-5 w-5 shrink-0 rounded-full ${muted ? "bg-muted" : "bg-badge"}`}>
                <span className="sr-only">marked as unread</span>
              </span>
            )}
            {unread && c.unreadCount > 0 && c.mentionSeq > c.readSeq && (
              <span
                data-testid="mention-badge"
                className={`ml-1 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs leading-none font-semibold ${
                  muted ? "bg-muted text-white dark:text-[#111b21]" : "bg-badge text-[#0b141a]"
                }`}
              >
                <span aria-hidden="true">@</span>
                <span className="sr-only">you were mentioned,</span>
              </span>
            )}
            {unread && c.unreadCount > 0 && (
              <>
                <span
                  data-testid="unread-badge"
                  className={`ml-1 inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full px-1.5 text-xs leading-none font-semibold ${
                    muted ? "bg-muted text-white dark:text-[#111b21]" : "bg-badge text-[#0b141a]"
                  }`}
                >
                  {c.unreadCount > 999 ? "999+" : c.unreadCount}
                </span>
                <span className="sr-only"> unread {c.unreadCount === 1 ? "message" : "messages"}</span>
              </>
            )}
          </span>
        </span>
      </a>
      <button
        ref={setMenuButton}
        type="button"
        aria-label={`Chat options: ${c.title}`}
        title="Chat options"
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => setMenuOpen((o) => !o)}
        data-testid="conversation-menu-button"
        className={`absolute right-3 bottom-[13px] flex h-6 w-6 items-center justify-center rounded-full text-muted transition-opacity hover:text-fg focus-visible:opacity-100 group-hover/row:opacity-100 [@media(hover:none)]:opacity-100 ${
          menuOpen ? "opacity-100" : "opacity-0"
        }`}
      >
        <ChevronDownIcon size={20} />
      </button>
      <Menu open={menuOpen} onClose={() => setMenuOpen(false)} anchor={menuButton} label={`Options for ${c.title}`} testId="conversation-menu">
        <MenuItem
          icon={c.isArchived ? <UnarchiveIcon size={20} /> : <ArchiveIcon size={20} />}
          onClick={() => void onSettings(c, { isArchived: !c.isArchived })}
          data-testid="menu-archive"
        >
          {c.isArchived ? "Unarchive chat" : "Archive chat"}
        </MenuItem>
        <MenuItem
          icon={muted ? <BellIcon size={20} /> : <MutedIcon size={20} />}
          onClick={() => (muted ? void onSettings(c, { isMuted: false }) : setMuting(true))}
          data-testid="menu-mute"
        >
          {muted ? "Unmute notifications" : "Mute notifications"}
        </MenuItem>
        {!removed && (
          <MenuItem
            icon={isUnread(c) ? <CheckIcon size={20} /> : <ChatBubbleIcon size={20} />}
            onClick={() => (isUnread(c) ? onMarkRead(c) : void onSettings(c, { markedUnread: true }))}
            data-testid="menu-unread"
          >
            {isUnread(c) ? "Mark as read" : "Mark as unread"}
          </MenuItem>
        )}
        {!c.isArchived && (
          <MenuItem
            icon={c.isPinned ? <PinOffIcon size={20} /> : <PinIcon size={20} />}
            onClick={() => void onSettings(c, { isPinned: !c.isPinned })}
            data-testid="menu-pin"
          >
            {c.isPinned ? "Unpin chat" : "Pin chat"}
          </MenuItem>
        )}
        <FavouriteMenuItem conversation={c} onSettings={onSettings} testId="menu-favourite" />
        {c.type === "DIRECT" && (
          <MenuItem icon={<TrashIcon size={20} />} onClick={() => setDeleting(true)} data-testid="menu-delete-chat">
            Delete chat
          </MenuItem>
        )}
      </Menu>
      {muting && <MuteDialog conversation={c} onClose={() => setMuting(false)} />}
      {deleting && <ClearChatDialog conversation={c} open action="delete" onClose={() => setDeleting(false)} />}
    </li>
  );
});
