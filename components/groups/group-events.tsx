"use client";
// Reacts to group events that need the UI rather than the store: a group that no longer exists
// is closed if open and announced with a toast. Mounted once inside the chat shell.
import { useEffect } from "react";
import { useChatNavigation } from "@/components/chat/navigation";
import { useToast } from "@/components/ui/toast";
import { useChatStoreApi } from "@/lib/client/context";

export function GroupEvents() {
  const store = useChatStoreApi();
  const toast = useToast();
  const { closeChat } = useChatNavigation();

  useEffect(
    () =>
      store.subscribe((next, prev) => {
        if (next.deletedGroups === prev.deletedGroups) return;
        for (const [id, title] of Object.entries(next.deletedGroups)) {
          if (prev.deletedGroups[id] !== undefined) continue;
          if (next.activeId === id) closeChat();
          toast(`“${title}” was deleted`);
        }
      }),
    [store, toast, closeChat],
  );
  return null;
}
