"use client";
// React access to the chat store and the realtime client.
import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { RealtimeClient } from "./realtime";
import type { ChatState, ChatStore } from "./store";

export const ChatStoreContext = createContext<ChatStore | null>(null);
export const RealtimeContext = createContext<RealtimeClient | null>(null);

export function useChatStoreApi(): ChatStore {
  const store = useContext(ChatStoreContext);
  if (!store) throw new Error("useChat outside <ChatStoreContext>");
  return store;
}

/** Subscribe to a slice of the chat state (selectors must return stable values; see zustand/shallow). */
export function useChat<T>(selector: (s: ChatState) => T): T {
  return useStore(useChatStoreApi(), selector);
}

export function useRealtimeClient(): RealtimeClient {
  const client = useContext(RealtimeContext);
  if (!client) throw new Error("useRealtimeClient outside <RealtimeContext>");
  return client;
}
