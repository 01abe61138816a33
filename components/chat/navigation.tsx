"use client";
import { createContext, useContext } from "react";

export type ChatNavigation = {
  openChat: (conversationId: string) => void;
  closeChat: () => void;
  /** Opens the "Starred messages" panel (over the chat list). */
  openStarred: () => void;
  /** Opens the list of keyboard shortcuts. */
  openShortcuts: () => void;
};

export const ChatNavigationContext = createContext<ChatNavigation>({
  openChat: () => {},
  closeChat: () => {},
  openStarred: () => {},
  openShortcuts: () => {},
});

export function useChatNavigation(): ChatNavigation {
  return useContext(ChatNavigationContext);
}
