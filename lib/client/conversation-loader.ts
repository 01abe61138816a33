// Reading a chat from the server: its latest page (first open, a reset after a sync, a refresh of
// a stale one), older pages as the user scrolls up, and its summary and members.
import type { MessageDto, MessagePage, PageQuery } from "@/lib/realtime/contract";
import { ApiError, type Api } from "./api";
import { maxSeq } from "./messages";
import type { ChatStore } from "./store";
import { emptyMessages } from "./types";

export type ConversationLoaderDeps = {
  store: ChatStore;
  api: Pick<Api, "conversation">;
  page: (conversationId: string, query: PageQuery) => Promise<MessagePage>;
  /** Messages of others that this browser now holds: they count as delivered. */
  noteDelivered: (conversationId: string, messages: MessageDto[]) => void;
  /** A latest page was merged: a seq beyond it means an event was missed. */
  checkGap: (conversationId: string) => void;
};

export function createConversationLoader({ store, api, page, noteDelivered, checkGap }: ConversationLoaderDeps) {
  async function loadLatest(conversationId: string, kind: "latest" | "reset" = "latest") {
    const s = store.getState();
    const current = s.messages[conversationId] ?? emptyMessages;
    if (kind === "latest" && current.status === "ready" && current.stale) return refreshLatest(conversationId);
    if (kind === "latest" && (current.status === "loading" || current.status === "ready")) return;
    const heldTop = maxSeq(current.items);
    s.setMessagesStatus(conversationId, "loading");
    try {
      const latest = await page(conversationId, { limit: 50 });
      store.getState().pageLoaded(conversationId, latest, kind, heldTop);
      noteDelivered(conversationId, latest.messages);
      checkGap(conversationId);
    } catch {
      store.getState().setMessagesStatus(conversationId, "error");
    }
  }

  /**
   * Merges the latest page into what is loaded: the server's copy of a message wins when it is
   * newer (a higher version: an edit, reactions, votes) or deleted (see mergeMessages); nothing
   * is dropped.
   */
  async function refreshLatest(conversationId: string) {
    store.getState().markFresh(conversationId);
    try {
      const latest = await page(conversationId, { limit: 50 });
      store.getState().receiveMessages(conversationId, latest.messages);
      noteDelivered(conversationId, latest.messages);
    } catch {
      // Still shown as it was; the next reconnect marks it for another try.
    }
  }

  async function loadOlder(conversationId: string): Promise<void> {
    const s = store.getState();
    const m = s.messages[conversationId];
    if (!m || m.status !== "ready" || m.loadingOlder || m.nextBefore === null) return;
    s.setLoadingOlder(conversationId, true);
    try {
      const older = await page(conversationId, { before: m.nextBefore, limit: 50 });
      store.getState().pageLoaded(conversationId, older, "older");
    } catch {
      store.getState().setLoadingOlder(conversationId, false);
    }
  }

  /**
   * The chat's summary and members, one request at a time per chat. A copy read before a change
   * must not undo it: asked again while a request is out (a notice of a change came), or patched
   * here meanwhile (my own setting, a rename), it is fetched once more and only the last copy kept.
   */
  const loading = new Map<string, { done: Promise<void>; again: boolean }>();
  function loadConversation(conversationId: string): Promise<void> {
    const inflight = loading.get(conversationId);
    if (inflight) {
      inflight.again = true;
      return inflight.done;
    }
    const entry = { done: Promise.resolve(), again: false };
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          const patchesBefore = store.getState().patchCounts[conversationId] ?? 0;
          const fetched = await fetchConversation(conversationId);
          if ((store.getState().patchCounts[conversationId] ?? 0) !== patchesBefore) entry.again = true;
          else if (fetched && !entry.again) fetched();
        } while (entry.again);
      } finally {
        loading.delete(conversationId);
      }
    })();
    loading.set(conversationId, entry);
    return entry.done;
  }

  /** Reads the chat; returns how to apply what was read, or null when it is gone or failed. */
  async function fetchConversation(conversationId: string): Promise<(() => void) | null> {
    try {
      const { conversation, members } = await api.conversation(conversationId);
      return () => {
        const s = store.getState();
        s.upsertConversation(conversation);
        s.setMembers(conversationId, members);
      };
    } catch (err) {
      const s = store.getState();
      if (err instanceof ApiError && (err.status === 404 || err.status === 403 || err.status === 400)) {
        if (s.conversations[conversationId]) s.markRemoved(conversationId);
        else s.markUnavailable(conversationId, "not-found");
      } else if (!s.conversations[conversationId]) {
        s.markUnavailable(conversationId, "error");
      }
      return null;
    }
  }

  return { loadLatest, loadOlder, loadConversation };
}
