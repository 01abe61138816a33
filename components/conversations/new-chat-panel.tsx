"use client";
// "New chat": find people (debounced search) and open the direct chat with one of them, or
// "Message yourself" (my notes, on every device of mine) while nothing is searched.
import { useEffect, useRef, useState } from "react";
import { useOpenDirectChat } from "@/components/chat/use-open-direct-chat";
import { BackIcon } from "@/components/ui/icons";
import { SearchField } from "@/components/ui/search-field";
import { IconButton } from "@/components/ui/icon-button";
import { PersonButton } from "./person-button";
import { Spinner } from "@/components/ui/spinner";
import { useChat } from "@/lib/client/context";
import { directChatTitle } from "@/lib/conversations/direct-chats";
import { usePeopleSearch } from "@/lib/client/people-search";
import { MAX_PEOPLE_QUERY } from "@/lib/limits";

export function NewChatPanel({ onClose }: { onClose: (chatOpened?: boolean) => void }) {
  const [q, setQ] = useState("");
  const state = usePeopleSearch(q);
  const me = useChat((s) => s.me);
  const { open: openDirectChat, opening } = useOpenDirectChat();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const open = async (userId: string) => {
    if (opening) return;
    if (await openDirectChat(userId)) onClose(true);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    if (buttons.length === 0) return;
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    e.preventDefault();
    if (e.key === "ArrowDown") buttons[Math.min(buttons.length - 1, index + 1)]?.focus();
    else if (index <= 0) inputRef.current?.focus();
    else buttons[index - 1]?.focus();
  };

  return (
    <section
      aria-labelledby="new-chat-title"
      className="absolute inset-0 z-20 flex flex-col bg-panel"
      onKeyDown={onKeyDown}
      data-testid="new-chat-panel"
    >
      <div className="flex h-[64px] shrink-0 items-center gap-3 px-3">
        <IconButton label="Back to chats" onClick={() => onClose()}>
          <BackIcon size={22} />
        </IconButton>
        <h2 id="new-chat-title" className="text-lg font-semibold">
          New chat
        </h2>
      </div>
      <div className="shrink-0 px-3 pb-2">
        <SearchField
          inputRef={inputRef}
          value={q}
          onChange={setQ}
          onKeyDown={(e) => {
            if (e.key === "Enter" && state.status === "done" && state.users[0]) void open(state.users[0].id);
          }}
          label="Search people by name, @username or email"
          placeholder="Search name, @username or email"
          testId="user-search-input"
          maxLength={MAX_PEOPLE_QUERY}
          end={state.status === "loading" && <Spinner size={18} />}
        />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto" aria-live="polite">
        {state.status === "idle" && (
          <>
            <ul ref={listRef} aria-label="Your notes">
              <li>
                <PersonButton
                  user={me}
                  name={directChatTitle(me.name, true)}
                  detail="Message yourself"
                  opening={opening}
                  onOpen={open}
                  testId="message-yourself"
                />
              </li>
            </ul>
            <p className="px-8 py-10 text-center text-sm text-muted">
              Find people by their name, @username or exact email address to start a chat.
            </p>
          </>
        )}
        {state.status === "error" && <p className="px-8 py-10 text-center text-sm text-danger">{state.message}</p>}
        {state.status === "done" && state.users.length === 0 && (
          <p className="px-8 py-10 text-center text-sm text-muted" data-testid="user-search-empty">
            No one found for “{state.q}”.
          </p>
        )}
        {state.status === "done" && state.users.length > 0 && (
          <>
            <h3 className="px-6 pt-3 pb-2 text-sm font-medium text-accent-strong">People</h3>
            <ul ref={listRef} aria-label="People">
              {state.users.map((u) => (
                <li key={u.id}>
                  <PersonButton user={u} name={u.name} detail={`@${u.username}`} opening={opening} onOpen={open} testId="user-result" />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
