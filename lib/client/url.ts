// The open chat lives in the URL (`/?c=<id>`) so reload, links and the back button work.

export function conversationFromUrl(): string | null {
  if (typeof window === "undefined") return null;
  return new URLSearchParams(window.location.search).get("c");
}

/** Open a chat: a new history entry (back returns to the list on mobile). */
export function pushConversation(id: string): void {
  if (conversationFromUrl() === id) return;
  window.history.pushState({ ...window.history.state, convoChat: id }, "", `/?c=${encodeURIComponent(id)}`);
}

/** Close the chat: go back if we opened it, otherwise replace the entry. */
export function leaveConversationUrl(): void {
  if (window.history.state?.convoChat) window.history.back();
  else window.history.replaceState({ ...window.history.state, convoChat: null }, "", "/");
}
