"use client";
import { createContext, useContext } from "react";

export type ChatNavigation = {
  openChat: (conversationId: string) => void;
  closeChat: () => void;
};

export const ChatNavigationContext = createContext<ChatNavigation>({ openChat: () => {}, closeChat: () => {} });

export function useChatNavigation(): ChatNavigation {
  return useContext(ChatNavigationContext);
}
