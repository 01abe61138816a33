"use client";
// The chat list: roving focus (Up/Down/Home/End move, Enter opens), filters and empty states.
// Archived chats live in their own folder (the "Archived" entry on top, or `archived`), except
// while searching, when every chat matches.
import { useMemo, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useChatNavigation } from "@/components/chat/navigation";
import { inChatFilter, isUnread, matchesQuery, type ChatFilter } from "@/lib/client/conversations";
import { useChat } from "@/lib/client/context";
import { useIsClient, useNow } from "@/lib/client/hooks";
import { draftPreview } from "@/lib/client/drafts";
import { latestPending, selectSortedConversations } from "@/lib/client/selectors";
import { effectiveWatermarks } from "@/lib/client/ticks";
import { activeTypers, typingLabel } from "@/lib/client/typing";
import { isChatWithMyself } from "@/lib/conversations/direct-chats";
import { ArchiveIcon } from "@/components/ui/icons";
import { ConversationRow } from "./conversation-row";
import { useChatSettings, useMarkChatRead } from "./use-chat-settings";

type Props = {
  query: string;
  filter: ChatFilter;
  onNewChat: () => void;
  onDiscover: () => void;
  listRef?: React.RefObject<HTMLUListElement | null>;
  /** The archived folder: only archived chats. */
  archived?: boolean;
  onOpenArchived?: () => void;
  /** Searching messages too: no "no chats match" text (the message results say it). */
  quietWhenEmpty?: boolean;
  /** A heading above the rows (the search results' "Chats" section). */
  heading?: string;
};

export function ConversationList({ query, filter, onNewChat, onDiscover, listRef, archived = false, onOpenArchived, quietWhenEmpty, heading }: Props) {
  const conversations = useChat(selectSortedConversations);
  const { meId, meName, activeId, outbox, typing, presence, removed, users, members, drafts } = useChat(
    useShallow((s) => ({
      drafts: s.drafts,
      members: s.members,
      meId: s.me.id,
      meName: s.me.name,
      activeId: s.activeId,
      outbox: s.outbox,
      typing: s.typing,
      presence: s.presence,
      removed: s.removed,
      users: s.users,
    })),
  );
  const { openChat } = useChatNavigation();
  const updateSettings = useChatSettings();
  const markRead = useMarkChatRead();
  const isClient = useIsClient();
  const now = useNow(30_000);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const ownRef = useRef<HTMLUListElement>(null);
  const archivedRef = useRef<HTMLButtonElement>(null);
  const ref = listRef ?? ownRef;

  const searching = query.trim() !== "";
  const visible = useMemo(
    () =>
      conversations.filter((c) => inChatFilter(c, filter, { archived, searching, keepId: activeId }) && matchesQuery(c, query)),
    [conversations, query, filter, activeId, archived, searching],
  );
  const archivedChats = useMemo(() => conversations.filter((c) => c.isArchived), [conversations]);
  const archivedUnread = archivedChats.filter(isUnread).length;
  const showArchivedEntry = !archived && !searching && filter === "all" && archivedChats.length > 0 && !!onOpenArchived;

  const tabbableId =
    (focusedId && visible.some((c) => c.id === focusedId) && focusedId) ||
    (activeId && visible.some((c) => c.id === activeId) && activeId) ||
    visible[0]?.id;

  // The "Archived" entry above the list is the first stop of the arrow keys.
  const onKeyDown = (e: React.KeyboardEvent<HTMLElement>) => {
    const rows = [...(ref.current?.querySelectorAll<HTMLAnchorElement>('[data-testid="conversation-row"]') ?? [])];
    const entry = archivedRef.current;
    const items: HTMLElement[] = entry ? [entry, ...rows] : rows;
    // From the Archived entry, a row or a row's options button.
    const onEntry = entry !== null && e.target === entry;
    const current = onEntry ? entry : (e.target as HTMLElement).closest("li")?.querySelector<HTMLAnchorElement>('[data-testid="conversation-row"]');
    const onRow = !onEntry && e.target === current;
    const index = current ? items.indexOf(current) : -1;
    let target: HTMLElement | undefined;
    if (e.key === "ArrowDown") {
      // Past the last chat found: on to the messages found.
      const hit = index === items.length - 1 ? document.querySelector<HTMLElement>('[data-testid="message-search-hit"]') : null;
      if (hit) {
        e.preventDefault();
        hit.focus();
        return;
      }
      target = items[Math.min(items.length - 1, index + 1)];
    } else if (e.key === "ArrowUp") {
      if (index <= 0) {
        if (archived) return;
        // Up from the top goes back to the search box.
        e.preventDefault();
        document.getElementById("chat-search")?.focus();
        return;
      }
      target = items[index - 1];
    } else if (e.key === "Home") target = items[0];
    else if (e.key === "End") target = items[items.length - 1];
    else if (e.key === " " && index >= 0 && onRow) {
      e.preventDefault();
      current?.click();
      return;
    }
    if (target) {
      e.preventDefault();
      target.focus();
    }
  };

  const archivedEntry = showArchivedEntry && (
    <button
      ref={archivedRef}
      type="button"
      onClick={onOpenArchived}
      onKeyDown={onKeyDown}
      data-testid="archived-entry"
      className="flex h-[52px] w-full shrink-0 items-center gap-3 pr-4 pl-3 text-left outline-none hover:bg-hover focus-visible:-outline-offset-2 focus-visible:outline-2 focus-visible:outline-solid focus-visible:outline-accent"
    >
      <span className="flex w-[49px] justify-center text-accent-strong">
        <ArchiveIcon size={20} />
      </span>
      <span className="flex-1 text-[17px] text-fg">Archived</span>
      <span className={`text-xs ${archivedUnread > 0 ? "font-medium text-accent-strong" : "text-muted"}`} data-testid="archived-count">
        {archivedUnread > 0 ? archivedUnread : archivedChats.length}
        <span className="sr-only">
          {archivedUnread > 0 ? ` archived ${archivedUnread === 1 ? "chat" : "chats"} with unread messages` : ` archived ${archivedChats.length === 1 ? "chat" : "chats"}`}
        </span>
      </span>
    </button>
  );

  if (archived && visible.length === 0) {
    return (
      <div className="flex flex-1 flex-col items-center gap-3 px-8 py-12 text-center" data-testid="archived-empty">
        <ArchiveIcon size={40} className="text-muted" />
        <p className="text-sm text-muted">No archived chats</p>
      </div>
    );
  }

  if (conversations.length === 0) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-4 px-8 py-12 text-center" data-testid="chats-empty">
        <p className="text-base text-fg">No chats yet</p>
        <p className="text-sm text-muted">Start a conversation with someone, or join a public group to meet people.</p>
        <div className="flex flex-wrap justify-center gap-2">
          <button type="button" onClick={onNewChat} className="rounded-full bg-accent px-4 py-2 text-sm font-medium text-accent-fg hover:bg-accent-strong">
            Start a new chat
          </button>
          <button type="button" onClick={onDiscover} className="rounded-full border border-border px-4 py-2 text-sm font-medium text-accent-strong hover:bg-hover">
            Discover groups
          </button>
        </div>
      </div>
    );
  }

  if (visible.length === 0) {
    if (quietWhenEmpty && searching) return null;
    if (archivedEntry && !searching && filter === "all") return archivedEntry;
    return (
      <div className="px-8 py-12 text-center text-sm text-muted" data-testid="chats-no-match">
        {query.trim()
          ? `No chats match “${query.trim()}”.`
          : filter === "unread"
            ? "No unread chats. You're all caught up."
            : filter === "favourites"
              ? "No favourites yet. Add a chat from its menu: Add to Favourites."
              : "You're not in any groups yet."}
        {filter === "groups" && !query.trim() && (
          <button type="button" onClick={onDiscover} className="mt-3 block w-full text-accent-strong underline-offset-2 hover:underline">
            Discover groups
          </button>
        )}
      </div>
    );
  }

  return (
    <>
      {archivedEntry}
      {heading && <h3 className="px-6 pt-3 pb-2 text-sm font-medium text-accent-strong">{heading}</h3>}
      {/* A chat moving up makes React move, one by one, every row that was above it; Chrome's scroll
          anchoring, anchored on one of them, then threw a scrolled list back to its top (and a row's
          open menu with it). With no anchor among the rows, the list stays where it was. */}
      <ul
        ref={ref}
        aria-label={archived ? "Archived chats" : heading ? "Chats found" : "Chat list"}
        className={`[overflow-anchor:none] ${heading ? "" : "flex-1"}`}
        onKeyDown={onKeyDown}
      >
        {visible.map((c) => {
          const label = typingLabel(
            activeTypers(typing, c.id).map((t) => ({ name: users[t.userId]?.name ?? "Someone", recording: t.recording })),
            c.type === "GROUP",
          );
          return (
            <ConversationRow
              key={c.id}
              conversation={c}
              {...effectiveWatermarks(c, members[c.id], meId)}
              meId={meId}
              meName={meName}
              active={c.id === activeId}
              tabbable={c.id === tabbableId}
              typing={label}
              draft={c.id === activeId ? null : draftPreview(drafts[c.id])}
              pending={latestPending(outbox, c.id)}
              online={c.type === "DIRECT" && !!c.peer && !isChatWithMyself(c, meId) && !!presence[c.peer.id]?.online}
              removed={!!removed[c.id]}
              now={isClient ? now : null}
              onOpen={openChat}
              onFocusRow={setFocusedId}
              onSettings={updateSettings}
              onMarkRead={markRead}
            />
          );
        })}
      </ul>
    </>
  );
}
