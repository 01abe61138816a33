"use client";
// Pin / mute / archive / mark unread a chat (my own view of it): PATCH the settings, show the
// result at once, explain a refusal (at most 3 pinned chats) in a toast.
import { useCallback } from "react";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useChatStoreApi, useRealtimeClient } from "@/lib/client/context";
import { profileApi, type ChatSettingsPatch } from "@/lib/client/profile";
import type { ConversationSummary } from "@/lib/realtime/contract";

export type ChatSettingsUpdate = (conversation: ConversationSummary, patch: ChatSettingsPatch) => Promise<boolean>;

/** Archiving moves the chat out of sight, so say where it went; pins and mutes show in the row. */
function doneMessage(patch: ChatSettingsPatch): string | null {
  if (patch.isArchived !== undefined) return patch.isArchived ? "Chat archived" : "Chat unarchived";
  return null;
}

export function useChatSettings(): ChatSettingsUpdate {
  const store = useChatStoreApi();
  const toast = useToast();
  return useCallback(
    async (c, patch) => {
      try {
        const { conversation } = await profileApi.chatSettings(c.id, patch);
        store.getState().upsertConversation(conversation);
        const message = doneMessage(patch);
        if (message) toast(message);
        return true;
      } catch (err) {
        toast(err instanceof ApiError ? err.message : "Couldn't change the chat settings", "error");
        return false;
      }
    },
    [store, toast],
  );
}

/** "Mark as read" from the list: read up to its last message, and drop my unread mark. */
export function useMarkChatRead(): (conversation: ConversationSummary) => void {
  const client = useRealtimeClient();
  const updateSettings = useChatSettings();
  return useCallback(
    (c: ConversationSummary) => {
      if (c.lastSeq > c.readSeq) client.markRead(c.id, c.lastSeq);
      if (c.markedUnread) void updateSettings(c, { markedUnread: false });
    },
    [client, updateSettings],
  );
}
