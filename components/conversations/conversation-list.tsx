"use client";
// The chat list: roving focus (Up/Down/Home/End move, Enter opens), filters and empty states.
import { useMemo, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useChatNavigation } from "@/components/chat/navigation";
import { matchesQuery } from "@/lib/client/conversations";
import { useChat } from "@/lib/client/context";
import { useIsClient, useNow } from "@/lib/client/hooks";
import { latestPending, selectSortedConversations } from "@/lib/client/selectors";
import { effectiveWatermarks } from "@/lib/client/ticks";
import { activeTypers, typingLabel } from "@/lib/client/typing";
import { ConversationRow } from "./conversation-row";

export type ChatFilter = "all" | "unread" | "groups";

type Props = {
  query: string;
  filter: ChatFilter;
  onNewChat: () => void;
  onDiscover: () => void;
  listRef?: React.RefObject<HTMLUListElement | null>;
};

export function ConversationList({ query, filter, onNewChat, onDiscover, listRef }: Props) {
  const conversations = useChat(selectSortedConversations);
  const { meId, activeId, outbox, typing, presence, removed, users, members } = useChat(
    useShallow((s) => ({
      members: s.members,
      meId: s.me.id,
      activeId: s.activeId,
      outbox: s.outbox,
      typing: s.typing,
      presence: s.presence,
      removed: s.removed,
      users: s.users,
    })),
  );
  const { openChat } = useChatNavigation();
  const isClient = useIsClient();
  const now = useNow(30_000);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const ownRef = useRef<HTMLUListElement>(null);
  const ref = listRef ?? ownRef;

  const visible = useMemo(
    () =>
      conversations.filter(
        (c) =>
          matchesQuery(c, query) &&
          (filter === "all" || (filter === "unread" ? c.unreadCount > 0 || c.id === activeId : c.type === "GROUP")),
      ),
    [conversations, query, filter, activeId],
  );

  const tabbableId =
    (focusedId && visible.some((c) => c.id === focusedId) && focusedId) ||
    (activeId && visible.some((c) => c.id === activeId) && activeId) ||
    visible[0]?.id;

  const onKeyDown = (e: React.KeyboardEvent<HTMLUListElement>) => {
      const rows = [...(ref.current?.querySelectorAll<HTMLAnchorElement>('[data-testid="conversation-row"]') ?? [])];
      const index = rows.indexOf(document.activeElement as HTMLAnchorElement);
      let target: HTMLAnchorElement | undefined;
      if (e.key === "ArrowDown") target = rows[Math.min(rows.length - 1, index + 1)];
      else if (e.key === "ArrowUp") {
        if (index <= 0) {
          // Up from the first row goes back to the search box.
          e.preventDefault();
          document.getElementById("chat-search")?.focus();
          return;
        }
        target = rows[index - 1];
      } else if (e.key === "Home") target = rows[0];
      else if (e.key === "End") target = rows[rows.length - 1];
      else if (e.key === " " && index >= 0) {
        e.preventDefault();
        rows[index]?.click();
        return;
      }
      if (target) {
        e.preventDefault();
        target.focus();
      }
  };

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
    return (
      <div className="px-8 py-12 text-center text-sm text-muted" data-testid="chats-no-match">
        {query.trim()
          ? `No chats match “${query.trim()}”.`
          : filter === "unread"
            ? "No unread chats. You're all caught up."
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
    <ul ref={ref} aria-label="Chat list" className="flex-1" onKeyDown={onKeyDown}>
      {visible.map((c) => {
        const typingIds = activeTypers(typing, c.id);
        const label = typingLabel(
          typingIds.map((id) => users[id]?.name ?? "Someone"),
          c.type === "GROUP",
        );
        return (
          <ConversationRow
            key={c.id}
            conversation={c}
            {...effectiveWatermarks(c, members[c.id], meId)}
            meId={meId}
            active={c.id === activeId}
            tabbable={c.id === tabbableId}
            typing={label}
            pending={latestPending(outbox, c.id)}
            online={c.type === "DIRECT" && !!c.peer && !!presence[c.peer.id]?.online}
            removed={!!removed[c.id]}
            now={isClient ? now : null}
            onOpen={openChat}
            onFocusRow={setFocusedId}
          />
        );
      })}
    </ul>
  );
}
