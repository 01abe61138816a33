"use client";
import { createContext, useContext } from "react";

export type ChatNavigation = {
  openChat: (conversationId: string) => void;
  closeChat: () => void;
  /** Deletes a group I left from my chats, here and in my other tabs (closing it where open). */
  deleteLeftChat: (conversationId: string) => void;
  /** Opens the "Starred messages" panel (over the chat list). */
  openStarred: () => void;
  /** Opens the list of keyboard shortcuts. */
  openShortcuts: () => void;
};

export const ChatNavigationContext = createContext<ChatNavigation>({
  openChat: () => {},
  closeChat: () => {},
  deleteLeftChat: () => {},
  openStarred: () => {},
  openShortcuts: () => {},
});

export function useChatNavigation(): ChatNavigation {
  return useContext(ChatNavigationContext);
}
