"use client";
// What one tab does that only lives in the browser (no server state to sync from), told to the
// user's other tabs of this browser. Today: a group I had left, deleted from my chats.
import { z } from "zod";

const CHANNEL = "convo-tabs";

const tabNotice = z.object({ kind: z.literal("chat-deleted"), userId: z.string(), conversationId: z.string() });
export type TabNotice = z.infer<typeof tabNotice>;

export function tellOtherTabs(notice: TabNotice): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(notice);
  channel.close();
}

/** Calls `onNotice` for the notices of `userId`'s other tabs (another account's are ignored). */
export function listenToOtherTabs(userId: string, onNotice: (notice: TabNotice) => void): () => void {
  if (typeof BroadcastChannel === "undefined") return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    const notice = tabNotice.safeParse(event.data);
    if (notice.success && notice.data.userId === userId) onNotice(notice.data);
  };
  return () => channel.close();
}
