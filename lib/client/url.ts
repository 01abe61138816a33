// The open chat lives in the URL (`/?c=<id>`) so reload, links and the back button work.

export function conversationFromUrl(): string | null {
  if (typeof window === "undefined") return null;
  return new URLSearchParams(window.location.search).get("c");
}

/** Open a chat: a new history entry (back returns to the list on mobile). */
export function pushConversation(id: string): void {
  if (conversationFromUrl() === id) return;
  pushChatEntry(id);
}

function pushChatEntry(id: string): void {
  // The entry this chat opens from may be a side panel's: the new one is the chat's alone.
  window.history.pushState({ ...window.history.state, convoChat: id, convoPanel: undefined }, "", `/?c=${encodeURIComponent(id)}`);
}

/**
 * A chat opened by the page's own URL (a link, a bookmark) gets the chat list beneath it, as if it
 * had been clicked there: Back and "Close chat" both return to the list instead of leaving Convo.
 */
export function adoptConversationFromUrl(): void {
  const id = conversationFromUrl();
  const state = window.history.state as { convoChat?: string | null } | null;
  if (!id || state?.convoChat === id) return;
  replaceWithList();
  pushChatEntry(id);
}

/** Close the chat: go back if we opened it (past its open side panel too), otherwise replace the entry. */
export function leaveConversationUrl(): void {
  const state = window.history.state as { convoChat?: string | null; convoPanel?: true } | null;
  if (state?.convoChat) window.history.go(state.convoPanel ? -2 : -1);
  else replaceWithList();
}

/** This history entry becomes the bare chat list. */
function replaceWithList(): void {
  window.history.replaceState({ ...window.history.state, convoChat: null, convoPanel: undefined }, "", "/");
}

/** A side panel (contact info, search) opened over the chat: its own entry, so Back closes it. */
export function pushPanel(): void {
  window.history.pushState({ ...window.history.state, convoPanel: true }, "");
}

export function panelInHistory(): boolean {
  return window.history.state?.convoPanel === true;
}
