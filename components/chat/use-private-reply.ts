"use client";
// "Reply privately" to a group's message: my direct chat with its sender opens with the message
// quoted in the composer. A quote from another chat shows its original there.
import { useCallback } from "react";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useChatStoreApi, useRealtimeClient } from "@/lib/client/context";
import type { ViewMessage } from "@/lib/client/rows";
import type { ReplyPreview } from "@/lib/realtime/contract";
import { useChatNavigation } from "./navigation";
import { useJumpToMessage } from "./use-jump";

/** Opens my direct chat with the sender of this message of the group `groupId`, replying to it. */
export function useReplyPrivately(groupId: string): (message: ViewMessage) => void {
  const client = useRealtimeClient();
  const store = useChatStoreApi();
  const toast = useToast();
  const { openChat } = useChatNavigation();
  return useCallback(
    (message: ViewMessage) => {
      // Read when used, so the callback (and every bubble's actions) stays the same as the chat changes.
      const title = store.getState().conversations[groupId]?.title ?? "";
      client
        .openDirect(message.senderId)
        .then((direct) => {
          store.getState().setPrivateReply({ conversationId: direct.id, message, from: { id: groupId, title } });
          openChat(direct.id);
        })
        .catch((err: unknown) => toast(err instanceof ApiError ? err.message : "Couldn't open the chat", "error"));
    },
    [client, store, toast, openChat, groupId],
  );
}

/** Shows a reply's original: in this chat, or in the group it was replied to privately from. */
export function useShowQuoted(conversationId: string): (reply: ReplyPreview) => void {
  const store = useChatStoreApi();
  const toast = useToast();
  const jump = useJumpToMessage();
  const { openChat } = useChatNavigation();
  return useCallback(
    (reply: ReplyPreview) => {
      const where = reply.chat?.id ?? conversationId;
      if (where !== conversationId) {
        if (!store.getState().conversations[where]) {
          toast("That group isn't in your chats", "error");
          return;
        }
        openChat(where);
      }
      void jump({ conversationId: where, messageId: reply.id, seq: reply.seq }).then((ok) => {
        if (!ok) toast("Couldn't load the original message", "error");
      });
    },
    [store, toast, jump, openChat, conversationId],
  );
}
