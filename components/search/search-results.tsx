"use client";
// Message search hits: date, chat (global search), sender and the snippet with its matches
// marked. Up/Down move between hits; Enter or a click opens the message in its chat.
import { useRef } from "react";
import { Spinner } from "@/components/ui/spinner";
import { formatListTime } from "@/lib/client/format";
import { useIsClient, useNow } from "@/lib/client/hooks";
import type { SearchHit } from "@/lib/client/profile";
import { Snippet } from "./snippet";
import type { MessageSearch } from "./use-message-search";

type Props = {
  search: MessageSearch;
  meId: string;
  /** Show each hit's chat title (the global search). */
  showChat: boolean;
  /** Group chats (by id) get "Name: " before the snippet; direct chats only "You: ". */
  isGroup: (conversationId: string) => boolean;
  onPick: (hit: SearchHit) => void;
  /** Heading above the hits (e.g. "Messages"), or none. */
  heading?: string;
  idleText?: string;
  /** Focus goes here on ArrowUp from the first hit. */
  onExitTop?: () => void;
};

export function SearchResults({ search, meId, showChat, isGroup, onPick, heading, idleText, onExitTop }: Props) {
  const isClient = useIsClient();
  const now = useNow();
  const listRef = useRef<HTMLUListElement>(null);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Home" && e.key !== "End") return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    e.preventDefault();
    if (e.key === "Home") buttons[0]?.focus();
    else if (e.key === "End") buttons[buttons.length - 1]?.focus();
    else if (e.key === "ArrowDown") buttons[Math.min(buttons.length - 1, index + 1)]?.focus();
    else if (index === 0) onExitTop?.();
    else buttons[index - 1]?.focus();
  };

  const count = search.hits.length;
  const announce =
    search.status === "done" ? (count === 0 ? "No messages found" : `${count} ${count === 1 ? "message" : "messages"} found`) : "";

  return (
    <div data-testid="message-search-results" data-status={search.status}>
      <p className="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      {search.status === "idle" && idleText && <p className="px-8 py-10 text-center text-sm text-muted">{idleText}</p>}
      {search.status !== "idle" && (heading || search.status === "loading") && (
        <div className="flex items-center gap-2 px-6 pt-3 pb-2">
          {heading && <h3 className="flex-1 text-sm font-medium text-accent-strong">{heading}</h3>}
          {search.status === "loading" && <Spinner size={16} className={heading ? "" : "mx-auto"} />}
        </div>
      )}
      {search.status === "error" && <p className="px-6 py-4 text-sm text-danger">{search.error}</p>}
      {search.status === "done" && count === 0 && (
        <p className="px-6 py-4 text-sm text-muted" data-testid="message-search-empty">
          No messages found for “{search.q}”.
        </p>
      )}
      {count > 0 && (
        <ul ref={listRef} aria-label={heading ?? "Messages found"} onKeyDown={onKeyDown}>
          {search.hits.map((hit) => {
            const mine = hit.senderId === meId;
            const prefix = mine ? "You: " : isGroup(hit.conversationId) ? `${hit.senderName}: ` : "";
            return (
              <li key={hit.messageId}>
                <button
                  type="button"
                  onClick={() => onPick(hit)}
                  data-testid="message-search-hit"
                  data-message-id={hit.messageId}
                  className="flex w-full flex-col gap-0.5 border-b border-border px-6 py-3 text-left outline-none hover:bg-hover focus-visible:bg-hover focus-visible:-outline-offset-2 focus-visible:outline-2 focus-visible:outline-solid focus-visible:outline-accent"
                >
                  <span className="flex items-baseline gap-2">
                    {showChat && (
                      <span className="min-w-0 flex-1 truncate text-[16px] text-fg" data-testid="search-hit-chat">
                        {hit.conversationTitle}
                      </span>
                    )}
                    {isClient && (
                      <time dateTime={hit.createdAt} className="shrink-0 text-xs text-muted">
                        {formatListTime(hit.createdAt, now)}
                      </time>
                    )}
                  </span>
                  <span className="line-clamp-2 text-sm leading-5 break-words text-muted">
                    {prefix && <span className="text-fg/80">{prefix}</span>}
                    <Snippet text={hit.snippet} />
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
