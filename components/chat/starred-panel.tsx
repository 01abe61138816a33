"use client";
// "Starred messages": everything I starred, newest star first, with its chat. A click opens the
// chat at that message (loaded around it if needed, highlighted). Follows stars from other tabs.
import { useEffect, useMemo, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { IconButton } from "@/components/ui/icon-button";
import { BackIcon, StarIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { attachmentUrl, contentPreview } from "@/lib/client/attachments";
import { useChat, useRealtimeClient } from "@/lib/client/context";
import { formatClock, formatListTime } from "@/lib/client/format";
import { useIsClient, useNow } from "@/lib/client/hooks";
import type { StarredItem } from "@/lib/client/message-api";
import { bubbleMetaColor } from "./bubble-colors";
import { useChatNavigation } from "./navigation";
import { useJumpToMessage } from "./use-jump";

export function StarredPanel({ onClose }: { onClose: () => void }) {
  const client = useRealtimeClient();
  const { openChat } = useChatNavigation();
  const jump = useJumpToMessage();
  const now = useNow();
  const isClient = useIsClient();
  const { starred, meId, users, messages, conversations } = useChat(
    useShallow((s) => ({ starred: s.starred, meId: s.me.id, users: s.users, messages: s.messages, conversations: s.conversations })),
  );
  const [items, setItems] = useState<StarredItem[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const backRef = useRef<HTMLButtonElement>(null);

  // (Re)load on open and whenever something I have not listed yet gets starred (here or in
  // another tab); unstarring only filters.
  const known = useMemo(() => new Set(items?.map((i) => i.message.id) ?? []), [items]);
  const missing = Object.keys(starred).filter((id) => !known.has(id)).sort().join(",");
  useEffect(() => {
    let live = true;
    const h = setTimeout(() => {
      client
        .loadStarred()
        .then((list) => {
          if (!live) return;
          setItems(list);
          setFailed(false);
        })
        .catch(() => live && setFailed(true));
    }, 150);
    return () => {
      live = false;
      clearTimeout(h);
    };
  }, [client, missing, attempt]);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    backRef.current?.focus();
    return () => {
      if (opener && document.contains(opener)) opener.focus();
    };
  }, []);

  const visible = (items ?? [])
    .filter((i) => starred[i.message.id])
    // The chat's own copy is fresher (edits, reactions) when that chat is loaded.
    .map((i) => ({ ...i, message: messages[i.message.conversationId]?.items.find((m) => m.id === i.message.id) ?? i.message }));

  // Senders of group messages we have never seen: fetch their names once.
  const unknown = visible.filter((i) => i.message.senderId !== meId && !users[i.message.senderId]).map((i) => i.message.senderId);
  const unknownKey = [...new Set(unknown)].sort().join(",");
  useEffect(() => {
    if (unknownKey) client.resolveUsers(unknownKey.split(","));
  }, [client, unknownKey]);

  const open = (item: StarredItem) => {
    const m = item.message;
    openChat(m.conversationId);
    void jump({ conversationId: m.conversationId, messageId: m.id, seq: m.seq });
    if (window.matchMedia("(max-width: 767px)").matches) onClose();
  };

  return (
    <section
      aria-labelledby="starred-title"
      className="absolute inset-y-0 left-0 z-30 flex w-full flex-col bg-panel md:w-[38%] md:max-w-[520px] md:min-w-[320px] md:border-r md:border-border"
      data-testid="starred-panel"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="flex h-[64px] shrink-0 items-center gap-3 bg-panel-2 px-3 md:h-[108px] md:items-end md:pb-4">
        <IconButton ref={backRef} label="Close starred messages" onClick={onClose} data-testid="starred-close">
          <BackIcon size={22} />
        </IconButton>
        <h2 id="starred-title" className="text-[19px] font-medium text-fg">
          Starred messages
        </h2>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto bg-panel">
        {items === null && !failed && (
          <div className="flex justify-center py-10" role="status" aria-label="Loading starred messages">
            <Spinner size={26} />
          </div>
        )}
        {failed && items === null && (
          <div className="flex flex-col items-center gap-3 px-6 py-10 text-center text-sm">
            <p className="text-muted">Couldn&apos;t load your starred messages.</p>
            <button type="button" onClick={() => setAttempt((n) => n + 1)} className="rounded-full bg-accent px-4 py-1.5 font-medium text-accent-fg hover:bg-accent-strong">
              Try again
            </button>
          </div>
        )}
        {items !== null && visible.length === 0 && (
          <div className="flex flex-col items-center gap-4 px-10 py-16 text-center" data-testid="starred-empty">
            <span className="flex h-24 w-24 items-center justify-center rounded-full bg-panel-2 text-muted">
              <StarIcon size={44} />
            </span>
            <p className="text-sm leading-6 text-muted">
              Tap and hold on any message to star it, so you can easily find it later. (Or use Star in the message menu.)
            </p>
          </div>
        )}
        {visible.length > 0 && (
          <ul className="divide-y divide-border" aria-label="Starred messages">
            {visible.map((item) => {
              const m = item.message;
              const mine = m.senderId === meId;
              const peer = conversations[m.conversationId]?.peer;
              const sender = mine ? "You" : (users[m.senderId]?.name ?? (peer?.id === m.senderId ? peer.name : ""));
              const image = m.attachments.find((a) => a.kind === "IMAGE");
              const preview = contentPreview(m);
              return (
                <li key={m.id}>
                  <button
                    type="button"
                    onClick={() => open(item)}
                    className="block w-full px-4 py-3 text-left hover:bg-hover focus-visible:bg-hover focus-visible:-outline-offset-2 focus-visible:outline-2 focus-visible:outline-solid focus-visible:outline-accent"
                    data-testid="starred-item"
                    data-message-id={m.id}
                  >
                    <span className="mb-1.5 flex items-center gap-1 text-[13px] text-muted">
                      <span className="min-w-0 truncate">
                        <span className="font-medium text-fg">{sender}</span>
                        <span aria-hidden="true"> ▸ </span>
                        <span className="sr-only"> in </span>
                        <span data-testid="starred-chat-title">{item.conversationTitle}</span>
                      </span>
                      <span className="ml-auto shrink-0 pl-2 text-xs">{isClient ? formatListTime(m.createdAt, now) : ""}</span>
                    </span>
                    <span className={`flex w-fit max-w-full items-end gap-2 rounded-lg px-2.5 py-1.5 shadow-[0_1px_0.5px_rgba(11,20,26,.13)] ${mine ? "bg-bubble-out" : "bg-chat-bg dark:bg-bubble-in"}`}>
                      {image && (
                        // eslint-disable-next-line @next/next/no-img-element
                        <img src={attachmentUrl(image.id, { thumbnail: image.hasThumbnail })} alt="" className="h-12 w-12 shrink-0 rounded object-cover" />
                      )}
                      <span className="line-clamp-3 min-w-0 text-[14px] leading-[19px] break-words whitespace-pre-wrap text-fg [overflow-wrap:anywhere]">
                        {preview || "\u00a0"}
                      </span>
                      <span className={`flex shrink-0 items-center gap-0.5 text-[11px] ${bubbleMetaColor(mine)}`}>
                        <StarIcon size={11} filled />
                        <span className="sr-only">Starred, sent at </span>
                        {isClient ? formatClock(m.createdAt) : ""}
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
