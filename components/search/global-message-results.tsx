"use client";
// The "Messages" section under the chats found by the sidebar search: full-text hits from all
// my chats; picking one opens its chat scrolled to the message, highlighted.
import { useCallback, useMemo } from "react";
import { useChatNavigation } from "@/components/chat/navigation";
import { useJumpToMessage } from "@/components/chat/use-jump";
import { useToast } from "@/components/ui/toast";
import { useChat, useChatStoreApi } from "@/lib/client/context";
import type { SearchHit } from "@/lib/client/profile";
import { SearchResults } from "./search-results";
import { useMessageSearch } from "./use-message-search";

export function GlobalMessageResults({ query }: { query: string }) {
  const store = useChatStoreApi();
  const meId = useChat((s) => s.me.id);
  const conversations = useChat((s) => s.conversations);
  const { openChat } = useChatNavigation();
  const jump = useJumpToMessage();
  const toast = useToast();
  const search = useMessageSearch(query);

  // Current chat titles (a contact may have renamed themselves since).
  const withTitles = useMemo(
    () => ({ ...search, hits: search.hits.map((h) => ({ ...h, conversationTitle: conversations[h.conversationId]?.title ?? h.conversationTitle })) }),
    [search, conversations],
  );

  const isGroup = useCallback((id: string) => store.getState().conversations[id]?.type === "GROUP", [store]);

  const pick = useCallback(
    (hit: SearchHit) => {
      openChat(hit.conversationId);
      void jump({ conversationId: hit.conversationId, messageId: hit.messageId, seq: hit.seq }).then((ok) => {
        if (!ok) toast("Couldn't open that message", "error");
      });
    },
    [openChat, jump, toast],
  );

  if (search.status === "idle") return null;
  return (
    <SearchResults
      search={withTitles}
      meId={meId}
      showChat
      isGroup={isGroup}
      onPick={pick}
      heading="Messages"
      onExitTop={() => {
        // Up from the first message: the last chat found, else the search box.
        const rows = document.querySelectorAll<HTMLElement>('nav [data-testid="conversation-row"]');
        (rows[rows.length - 1] ?? document.getElementById("chat-search"))?.focus();
      }}
    />
  );
}
