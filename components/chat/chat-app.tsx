"use client";
// The chat application shell: store + realtime client, URL ↔ open chat, and the two panes
// (one pane under 768 px: the list, or the open chat with a back button).
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { Sidebar } from "@/components/conversations/sidebar";
import { GroupEvents } from "@/components/groups/group-events";
import { ToastProvider, Toasts } from "@/components/ui/toast";
import { ChatStoreContext, RealtimeContext, useChat, useChatStoreApi } from "@/lib/client/context";
import { listenToOtherTabs, tellOtherTabs } from "@/lib/client/other-tabs";
import { selectAdjacentChat, selectUnreadChats } from "@/lib/client/selectors";
import { createChatStore, type Me } from "@/lib/client/store";
import { adoptConversationFromUrl, conversationFromUrl, leaveConversationUrl, pushConversation } from "@/lib/client/url";
import { useRealtime } from "@/lib/client/use-realtime";
import { useShortcut } from "@/lib/client/use-shortcut";
import type { ConversationSummary, GroupSummary } from "@/lib/realtime/contract";
import type { ChatStore } from "@/lib/client/store";
import { ChatPane } from "./chat-pane";
import { ChatNavigationContext } from "./navigation";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { StarredPanel } from "./starred-panel";
import { Welcome } from "./welcome";

type Props = {
  me: Me;
  initialConversations: ConversationSummary[];
  initialGroups: GroupSummary[];
  initialActiveId: string | null;
  uploadMaxBytes: number;
};

export function ChatApp({ me, initialConversations, initialGroups, initialActiveId, uploadMaxBytes }: Props) {
  const [store] = useState(() =>
    createChatStore({ me, conversations: initialConversations, groups: initialGroups, activeId: initialActiveId, uploadMaxBytes }),
  );
  return (
    <ChatStoreContext.Provider value={store}>
      <RealtimeProvider store={store}>
        <ToastProvider>
          <Shell />
        </ToastProvider>
      </RealtimeProvider>
    </ChatStoreContext.Provider>
  );
}

function RealtimeProvider({ store, children }: { store: ChatStore; children: ReactNode }) {
  const client = useRealtime(store);
  useEffect(() => {
    // Development aid: inspect the state from the console / scripts.
    if (process.env.NODE_ENV !== "production") (window as unknown as { __convo?: unknown }).__convo = { store, client };
  }, [store, client]);
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

function Shell() {
  const store = useChatStoreApi();
  const activeId = useChat((s) => s.activeId);
  const unreadChats = useChat(selectUnreadChats);

  useEffect(() => {
    adoptConversationFromUrl();
    const onPop = () => store.getState().setActive(conversationFromUrl());
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [store]);

  useEffect(() => {
    document.title = unreadChats > 0 ? `(${unreadChats}) Convo` : "Convo";
  }, [unreadChats]);

  const openChat = useCallback(
    (id: string) => {
      pushConversation(id);
      store.getState().setActive(id);
    },
    [store],
  );
  const closeChat = useCallback(() => {
    leaveConversationUrl();
    store.getState().setActive(null);
  }, [store]);
  const forgetChat = useCallback(
    (id: string) => {
      if (store.getState().activeId === id) closeChat();
      store.getState().forgetConversation(id);
    },
    [store, closeChat],
  );
  const deleteLeftChat = useCallback(
    (id: string) => {
      forgetChat(id);
      tellOtherTabs({ kind: "chat-deleted", userId: store.getState().me.id, conversationId: id });
    },
    [store, forgetChat],
  );
  useEffect(() => listenToOtherTabs(store.getState().me.id, (notice) => forgetChat(notice.conversationId)), [store, forgetChat]);
  const [starredOpen, setStarredOpen] = useState(false);
  const openStarred = useCallback(() => setStarredOpen(true), []);
  const closeStarred = useCallback(() => setStarredOpen(false), []);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const openShortcuts = useCallback(() => setShortcutsOpen(true), []);
  const navigation = useMemo(
    () => ({ openChat, closeChat, deleteLeftChat, openStarred, openShortcuts }),
    [openChat, closeChat, deleteLeftChat, openStarred, openShortcuts],
  );
  const step = (by: 1 | -1) => {
    const id = selectAdjacentChat(store.getState(), by);
    if (id) openChat(id);
  };
  useShortcut("nextChat", () => step(1));
  useShortcut("previousChat", () => step(-1));
  useShortcut("shortcuts", openShortcuts);

  return (
    <ChatNavigationContext.Provider value={navigation}>
      <div className="relative h-full overflow-hidden bg-app">
        {/* The classic WhatsApp Web band behind the app on wide screens. */}
        <div className="absolute inset-x-0 top-0 hidden h-[127px] bg-accent min-[1441px]:block dark:bg-transparent" aria-hidden="true" />
        <div className="relative mx-auto flex h-full w-full max-w-[1600px] overflow-hidden bg-panel min-[1441px]:top-[19px] min-[1441px]:h-[calc(100%-38px)] min-[1441px]:shadow-[0_6px_18px_rgba(11,20,26,.05)]">
          <Sidebar hiddenOnMobile={activeId !== null} />
          {starredOpen && <StarredPanel onClose={closeStarred} />}
          <main
            className={`min-w-0 flex-1 flex-col border-border md:border-l ${activeId ? "flex" : "max-md:sr-only md:flex"}`}
            aria-label={activeId ? "Chat" : "Welcome"}
          >
            <h1 className="sr-only">Convo</h1>
            {activeId ? <ChatPane key={activeId} conversationId={activeId} /> : <Welcome />}
            <Toasts />
            <GroupEvents />
          </main>
          <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
        </div>
      </div>
    </ChatNavigationContext.Provider>
  );
}
