"use client";
// "Join again" for a public group I left or was removed from (chat notice and group info alike).
import { useState } from "react";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useRealtimeClient } from "@/lib/client/context";

export function useRejoinGroup(groupId: string): { rejoin: () => Promise<void>; joining: boolean } {
  const client = useRealtimeClient();
  const toast = useToast();
  const [joining, setJoining] = useState(false);
  const rejoin = async () => {
    setJoining(true);
    try {
      await client.joinGroup(groupId);
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't join the group", "error");
    } finally {
      setJoining(false);
    }
  };
  return { rejoin, joining };
}
