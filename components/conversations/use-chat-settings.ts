"use client";
// Pin / mute / archive / mark unread / favourite a chat (my own view of it): PATCH the settings, show the
// result at once, explain a refusal (at most 3 pinned chats) in a toast; archiving can be undone.
import { useCallback } from "react";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useChatStoreApi, useRealtimeClient } from "@/lib/client/context";
import { profileApi, type ChatSettingsPatch } from "@/lib/client/profile";
import type { ConversationSummary } from "@/lib/realtime/contract";

export type ChatSettingsUpdate = (conversation: ConversationSummary, patch: ChatSettingsPatch) => Promise<boolean>;

/** Archiving moves the chat out of sight, and Favourites is a filter: say where it went. Pins and mutes show in the row. */
function doneMessage(patch: ChatSettingsPatch): string | null {
  if (patch.isArchived !== undefined) return patch.isArchived ? "Chat archived" : "Chat unarchived";
  if (patch.isFavourite !== undefined) return patch.isFavourite ? "Added to Favourites" : "Removed from Favourites";
  return null;
}

export function useChatSettings(): ChatSettingsUpdate {
  const store = useChatStoreApi();
  const toast = useToast();
  return useCallback(
    (conversation, patch) => {
      // `undoable`: an archive offers Undo, which goes back through here, so the menu's own path
      // does the work; the undo itself offers none, not to bounce the chat back and forth.
      const apply = async (c: ConversationSummary, p: ChatSettingsPatch, undoable: boolean): Promise<boolean> => {
        try {
          const { conversation: updated } = await profileApi.chatSettings(c.id, p);
          store.getState().upsertConversation(updated);
          const message = doneMessage(p);
          const archived = p.isArchived;
          const undo =
            undoable && archived !== undefined ? { label: "Undo", run: () => void apply(updated, { isArchived: !archived }, false) } : undefined;
          if (message) toast(message, "info", undo);
          return true;
        } catch (err) {
          toast(err instanceof ApiError ? err.message : "Couldn't change the chat settings", "error");
          return false;
        }
      };
      return apply(conversation, patch, true);
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
