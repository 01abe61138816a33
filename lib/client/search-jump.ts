// "Show this message in its chat" (search results, the media gallery): make sure the store
// holds the message with no hole between it and the latest page, then ask the open chat to
// scroll to it and highlight it (store.focusMessage, consumed by the message list).
//
// An old message is loaded with `?around=seq` (its page, with context above) and the gap up
// to what is already loaded is filled with `?after=` pages, so the list stays contiguous and
// the sync cursor is untouched.
import type { MessageDto, MessagePage } from "@/lib/realtime/contract";
import { maxSeq } from "./messages";
import type { ChatStore } from "./store";

export type JumpDeps = {
  store: ChatStore;
  /** The realtime client's loadLatest (first page of a chat, once). */
  loadLatest: (conversationId: string) => Promise<void>;
  around: (conversationId: string, seq: number) => Promise<MessagePage>;
  after: (conversationId: string, seq: number, limit: number) => Promise<MessagePage>;
};

/** At most this many `after` pages (100 each) are fetched to close the gap. */
const MAX_FILL_PAGES = 40;

function waitUntil(store: ChatStore, done: () => boolean, timeoutMs = 15_000): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(finish, timeoutMs);
    const unsubscribe = store.subscribe(() => {
      if (done()) finish();
    });
    function finish() {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
  });
}

/**
 * Loads what is needed to show message `seq` of a conversation. Resolves true when it (or the
 * place where it was, if it is hidden for me) is now in the loaded range.
 */
export async function loadMessageContext(deps: JumpDeps, conversationId: string, seq: number): Promise<boolean> {
  const { store } = deps;
  const status = () => store.getState().messages[conversationId]?.status ?? "idle";
  if (status() === "idle" || status() === "error") await deps.loadLatest(conversationId);
  await waitUntil(store, () => status() !== "loading");
  let m = store.getState().messages[conversationId];
  if (!m || m.status !== "ready") return false;
  if (m.nextBefore === null || m.nextBefore <= seq || m.items.some((x) => x.seq === seq)) return true;

  const page = await deps.around(conversationId, seq);
  const fill: MessageDto[] = [];
  let after = Math.max(maxSeq(page.messages), seq);
  for (let i = 0; i < MAX_FILL_PAGES; i++) {
    // Everything from nextBefore up is loaded (it may have moved while we were fetching).
    const loadedFrom = store.getState().messages[conversationId]?.nextBefore ?? null;
    if (loadedFrom === null || after >= loadedFrom - 1) break;
    const next = await deps.after(conversationId, after, Math.min(100, loadedFrom - 1 - after));
    fill.push(...next.messages);
    if (next.messages.length === 0 || next.nextAfter == null) break;
    after = maxSeq(next.messages);
  }

  m = store.getState().messages[conversationId];
  if (!m || m.status !== "ready") return false;
  const s = store.getState();
  if (fill.length) s.receiveMessages(conversationId, fill);
  // Extends the loaded range backwards to the page of the target (and sets nextBefore).
  if (m.nextBefore !== null && (page.nextBefore === null || page.nextBefore < m.nextBefore)) {
    s.pageLoaded(conversationId, page, "older");
  } else {
    s.receiveMessages(conversationId, page.messages);
  }
  return true;
}

/** Loads the message's context, then asks the message list to scroll to it and highlight it. */
export async function jumpToMessage(
  deps: JumpDeps,
  target: { conversationId: string; messageId: string; seq: number },
): Promise<boolean> {
  const ok = await loadMessageContext(deps, target.conversationId, target.seq);
  if (ok) deps.store.getState().focusMessage(target);
  return ok;
}
