"use client";
// Opening my direct chat with someone (created on first use), from New chat, a contact card or a
// group's member list: the chat opens, or a refusal shows as a toast.
import { useCallback, useState } from "react";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useRealtimeClient } from "@/lib/client/context";
import { useChatNavigation } from "./navigation";

export function useOpenDirectChat(): { open: (userId: string) => Promise<boolean>; opening: string | null } {
  const client = useRealtimeClient();
  const { openChat } = useChatNavigation();
  const toast = useToast();
  /** Whose chat is being opened, if anyone's. */
  const [opening, setOpening] = useState<string | null>(null);
  const open = useCallback(
    async (userId: string) => {
      setOpening(userId);
      try {
        openChat((await client.openDirect(userId)).id);
        return true;
      } catch (err) {
        toast(err instanceof ApiError ? err.message : "Couldn't open the chat", "error");
        return false;
      } finally {
        setOpening(null);
      }
    },
    [client, openChat, toast],
  );
  return { open, opening };
}
