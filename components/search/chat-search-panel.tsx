"use client";
// "Search messages" in one chat (the header's search button): a side panel like WhatsApp's,
// hits newest-ranked with highlighted snippets; picking one scrolls the chat to it.
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useJumpToMessage } from "@/components/chat/use-jump";
import { CloseIcon } from "@/components/ui/icons";
import { IconButton } from "@/components/ui/icon-button";
import { SearchField } from "@/components/ui/search-field";
import { useToast } from "@/components/ui/toast";
import { useChat } from "@/lib/client/context";
import type { SearchHit } from "@/lib/client/profile";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { MAX_MESSAGE_QUERY } from "@/lib/limits";
import { SearchResults } from "./search-results";
import { useMessageSearch } from "./use-message-search";

type Props = { conversation: ConversationSummary; id?: string; onClose: () => void };

export function ChatSearchPanel({ conversation: c, id, onClose: close }: Props) {
  const [q, setQ] = useState("");
  const meId = useChat((s) => s.me.id);
  const search = useMessageSearch(q, c.id);
  const jump = useJumpToMessage();
  const toast = useToast();
  const inputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const isGroup = c.type === "GROUP";
  // Focus goes back to the header's search button.
  const onClose = useCallback(() => {
    close();
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="chat-search-button"]')?.focus());
  }, [close]);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  // Escape closes the panel wherever focus is (menus and dialogs handle their own Escape first).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);

  const pick = useCallback(
    (hit: SearchHit) => {
      // Narrow screens: the panel covers the chat, so get out of the way.
      if (window.matchMedia("(max-width: 767px)").matches) onClose();
      void jump({ conversationId: hit.conversationId, messageId: hit.messageId, seq: hit.seq }).then((ok) => {
        if (!ok) toast("Couldn't open that message", "error");
      });
    },
    [jump, onClose, toast],
  );

  return (
    <section
      id={id}
      aria-labelledby={titleId}
      data-testid="chat-search-panel"
      className="absolute inset-0 z-30 flex flex-col bg-panel md:relative md:w-[38%] md:max-w-[420px] md:min-w-[300px] md:border-l md:border-border"
    >
      <div className="flex h-[60px] shrink-0 items-center gap-4 bg-panel-2 px-3 md:px-4">
        <IconButton label="Close search" onClick={onClose} data-testid="close-chat-search">
          <CloseIcon size={22} />
        </IconButton>
        <h2 id={titleId} className="text-base font-medium text-fg">
          Search messages
        </h2>
      </div>
      <div className="shrink-0 px-3 py-2">
        <SearchField
          inputRef={inputRef}
          type="search"
          value={q}
          onChange={setQ}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              const first = e.currentTarget.closest("section")?.querySelector<HTMLElement>('[data-testid="message-search-hit"]');
              if (first) {
                e.preventDefault();
                first.focus();
              }
            } else if (e.key === "Enter" && search.hits[0]) {
              pick(search.hits[0]);
            }
          }}
          label={`Search messages in ${c.title}`}
          placeholder="Search…"
          testId="chat-search-input"
          maxLength={MAX_MESSAGE_QUERY}
        />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <SearchResults
          search={search}
          meId={meId}
          showChat={false}
          isGroup={() => isGroup}
          onPick={pick}
          idleText={isGroup ? `Search for messages in ${c.title}.` : `Search for messages with ${c.title}.`}
          onExitTop={() => inputRef.current?.focus()}
        />
      </div>
    </section>
  );
}
