"use client";
import { useCallback } from "react";
import { useGroupRights } from "@/components/groups/use-group-rights";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useRealtimeClient } from "@/lib/client/context";
import type { ConversationSummary } from "@/lib/realtime/contract";

/** Who may pin (lib/messages/pin-message.ts): either person of a direct chat, a group's admins. */
export function useCanPin(c: ConversationSummary | undefined, canWrite: boolean): boolean {
  const rights = useGroupRights(c);
  return !!c && canWrite && (c.type === "DIRECT" || rights.edit);
}

/** Unpin a message of this chat, from its menu or the pinned bar; says how it went. */
export function useUnpin(conversationId: string): (messageId: string) => void {
  const client = useRealtimeClient();
  const toast = useToast();
  return useCallback(
    (messageId: string) => {
      client
        .unpin(conversationId, messageId)
        .then(() => toast("Message unpinned"))
        .catch((err: unknown) => toast(err instanceof ApiError ? err.message : "Couldn't unpin the message", "error"));
    },
    [client, toast, conversationId],
  );
}
