"use client";
// "Show this message in its chat": load its context if needed, then the open message list
// scrolls to it and highlights it (store.focus). Open the chat first.
import { useCallback } from "react";
import { useChatStoreApi, useRealtimeClient } from "@/lib/client/context";
import { jumpToMessage } from "@/lib/client/search-jump";

export type JumpTarget = { conversationId: string; messageId: string; seq: number };

export function useJumpToMessage(): (target: JumpTarget) => Promise<boolean> {
  const store = useChatStoreApi();
  const client = useRealtimeClient();
  return useCallback(
    (target: JumpTarget) =>
      jumpToMessage(
        {
          store,
          loadLatest: client.loadLatest,
          around: (conversationId, seq) => client.page(conversationId, { around: seq }),
          after: (conversationId, seq, limit) => client.page(conversationId, { after: seq, limit }),
        },
        target,
      ).catch(() => false),
    [store, client],
  );
}
