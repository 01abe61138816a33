"use client";
// Chat header: back (mobile), avatar, title, and the presence / typing / members subtitle.
// The whole area opens the contact or group info.
import { useShallow } from "zustand/react/shallow";
import { ConversationAvatar } from "@/components/conversations/conversation-avatar";
import { useState } from "react";
import { BackIcon, CheckIcon, ClearChatIcon, CloseIcon, DownloadIcon, InfoIcon, MoreIcon, SearchIcon, StarIcon, TimerIcon, TrashIcon } from "@/components/ui/icons";
import { FavouriteMenuItem } from "@/components/conversations/favourite-menu-item";
import { useChatSettings } from "@/components/conversations/use-chat-settings";
import { IconButton } from "@/components/ui/icon-button";
import { Menu, MenuItem } from "@/components/ui/menu";
import { useChat } from "@/lib/client/context";
import { useShortcut } from "@/lib/client/use-shortcut";
import { formatLastSeen } from "@/lib/client/format";
import { profileApi } from "@/lib/client/profile";
import { messageTimerLabel } from "@/lib/conversations/message-timers";
import { useIsClient, useNow } from "@/lib/client/hooks";
import { activeTypers, typingLabel } from "@/lib/client/typing";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { isChatWithMyself } from "@/lib/conversations/direct-chats";
import { ClearChatDialog } from "./clear-chat-dialog";
import { useChatNavigation } from "./navigation";

type Props = {
  conversation: ConversationSummary;
  infoOpen: boolean;
  onToggleInfo: () => void;
  infoPanelId: string;
  /** The in-chat message search panel. */
  searchOpen?: boolean;
  onOpenSearch?: () => void;
  /** "Select messages": starts picking messages to forward, star, copy or delete together. */
  onSelectMessages?: () => void;
};

export function ChatHeader({ conversation: c, infoOpen, onToggleInfo, infoPanelId, searchOpen, onOpenSearch, onSelectMessages }: Props) {
  const { closeChat, openStarred } = useChatNavigation();
  const updateSettings = useChatSettings();
  const [menuButton, setMenuButton] = useState<HTMLButtonElement | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  // Which dialog, kept while it closes so that its words don't change under the fade.
  const [removal, setRemoval] = useState<{ action: "clear" | "delete"; open: boolean }>({ action: "clear", open: false });
  useShortcut("deleteChat", () => setRemoval({ action: "delete", open: true }), c.type === "DIRECT");
  const now = useNow(30_000);
  const isClient = useIsClient();
  const isGroup = c.type === "GROUP";
  const { typing, users, presence, members, meId, removed } = useChat(
    useShallow((s) => ({
      typing: s.typing,
      users: s.users,
      presence: s.presence,
      members: s.members[c.id],
      meId: s.me.id,
      removed: !!s.removed[c.id],
    })),
  );

  const typists = activeTypers(typing, c.id).map((t) => ({ name: users[t.userId]?.name ?? "Someone", recording: t.recording }));
  const typingText = typingLabel(typists, isGroup);
  const withMyself = isChatWithMyself(c, meId);
  const peerPresence = c.peer && !withMyself ? presence[c.peer.id] : undefined;
  const online = !isGroup && !!peerPresence?.online;

  let subtitle: React.ReactNode;
  if (typingText && !removed) {
    subtitle = (
      <span className="text-accent-strong" data-testid="typing-indicator">
        {typingText}
      </span>
    );
  } else if (isGroup) {
    const count = members?.length ?? c.memberCount;
    const onlineCount = members?.filter((m) => m.id !== meId && presence[m.id]?.online).length ?? 0;
    subtitle = removed
      ? "You're no longer a member"
      : `${count} ${count === 1 ? "member" : "members"}${onlineCount > 0 ? `, ${onlineCount} online` : ""}`;
  } else if (withMyself) {
    subtitle = "Message yourself";
  } else if (online) {
    subtitle = "online";
  } else {
    subtitle = (isClient && formatLastSeen(peerPresence?.lastActiveAt ?? null, now)) || (c.peer ? `@${c.peer.username}` : "");
  }

  return (
    <header className="flex h-[60px] shrink-0 items-center gap-1 border-b border-border bg-panel-2 pr-2 pl-1 md:pr-4 md:pl-4">
      <IconButton label="Back to chats" onClick={closeChat} className="md:hidden" data-testid="back-button">
        <BackIcon size={22} />
      </IconButton>
      <div className="relative flex min-w-0 flex-1 items-center gap-3 rounded-lg py-1 pr-2 hover:bg-black/[.02] dark:hover:bg-white/[.02]">
        <span className="relative shrink-0">
          <ConversationAvatar conversation={c} size={40} />
          {c.messageTimerSec !== null && (
            // As in WhatsApp: a timer on the picture says new messages disappear.
            <span
              className="absolute -right-1 -bottom-1 flex size-[18px] items-center justify-center rounded-full bg-panel-2 text-accent"
              role="img"
              aria-label={`Disappearing messages: ${messageTimerLabel(c.messageTimerSec)}`}
              title={`Disappearing messages: ${messageTimerLabel(c.messageTimerSec)}`}
              data-testid="message-timer-badge"
            >
              <TimerIcon size={14} />
            </span>
          )}
        </span>
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-base leading-[21px] font-medium text-fg">
            <button
              type="button"
              onClick={onToggleInfo}
              aria-expanded={infoOpen}
              aria-controls={infoPanelId}
              className="max-w-full truncate text-left outline-none after:absolute after:inset-0 after:rounded-lg focus-visible:after:outline-2 focus-visible:after:outline-accent"
              data-testid="chat-header-button"
            >
              <span data-testid="chat-title">{c.title}</span>
              <span className="sr-only">{isGroup ? " (group info)" : " (contact info)"}</span>
            </button>
          </h2>
          <p className="truncate text-[13px] leading-5 text-muted" data-testid="chat-subtitle">
            {subtitle}
          </p>
        </div>
      </div>
      {onOpenSearch && (
        <IconButton
          label="Search messages"
          aria-expanded={searchOpen}
          onClick={onOpenSearch}
          data-testid="chat-search-button"
          className={searchOpen ? "bg-active text-fg" : ""}
        >
          <SearchIcon size={22} />
        </IconButton>
      )}
      <IconButton
        ref={setMenuButton}
        label="Chat options"
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        onClick={() => setMenuOpen((o) => !o)}
        data-testid="chat-menu-button"
      >
        <MoreIcon size={22} />
      </IconButton>
      <Menu open={menuOpen} onClose={() => setMenuOpen(false)} anchor={menuButton} label="Chat options" testId="chat-menu">
        <MenuItem icon={<InfoIcon size={20} />} onClick={onToggleInfo}>
          {isGroup ? "Group info" : "Contact info"}
        </MenuItem>
        {onSelectMessages && (
          <MenuItem icon={<CheckIcon size={20} />} onClick={onSelectMessages} data-testid="select-messages-menu">
            Select messages
          </MenuItem>
        )}
        <MenuItem icon={<StarIcon size={20} />} onClick={openStarred} data-testid="open-starred">
          Starred messages
        </MenuItem>
        <FavouriteMenuItem conversation={c} onSettings={updateSettings} testId="chat-favourite" />
        <MenuItem icon={<CloseIcon size={20} />} onClick={closeChat} data-testid="close-chat">
          Close chat
        </MenuItem>
        {!removed && (
          <MenuItem icon={<DownloadIcon size={20} />} onClick={() => downloadChat(c.id)} data-testid="export-chat">
            Export chat
          </MenuItem>
        )}
        {!removed && (
          <MenuItem icon={<ClearChatIcon size={20} />} onClick={() => setRemoval({ action: "clear", open: true })} data-testid="clear-chat">
            Clear chat
          </MenuItem>
        )}
        {!isGroup && (
          <MenuItem icon={<TrashIcon size={20} />} onClick={() => setRemoval({ action: "delete", open: true })} data-testid="delete-chat">
            Delete chat
          </MenuItem>
        )}
      </Menu>
      <ClearChatDialog
        conversation={c}
        open={removal.open}
        action={removal.action}
        onClose={() => setRemoval((r) => ({ ...r, open: false }))}
      />
    </header>
  );
}

/** The browser saves the file (the server answers with an attachment); the page stays. */
function downloadChat(conversationId: string) {
  const link = document.createElement("a");
  link.href = profileApi.exportChatUrl(conversationId, Intl.DateTimeFormat().resolvedOptions().timeZone);
  link.download = "";
  link.click();
}
