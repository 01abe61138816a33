"use client";
import { createContext, useContext } from "react";

export type ChatNavigation = {
  openChat: (conversationId: string) => void;
  closeChat: () => void;
  /** Opens the "Starred messages" panel (over the chat list). */
  openStarred: () => void;
};

export const ChatNavigationContext = createContext<ChatNavigation>({ openChat: () => {}, closeChat: () => {}, openStarred: () => {} });

export function useChatNavigation(): ChatNavigation {
  return useContext(ChatNavigationContext);
}
