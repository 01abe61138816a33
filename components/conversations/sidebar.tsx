"use client";
// The left pane: header, connection banner, search (chats by title, and messages from 2
// characters on), Chats / Unread / Groups / Discover tabs, the Archived folder, and the New chat
// and Profile panels sliding over it.
import { useCallback, useId, useRef, useState } from "react";
import { DiscoverGroups } from "@/components/groups/discover-groups";
import { ProfileDrawer } from "@/components/profile/profile-drawer";
import { ProfileSync } from "@/components/profile/profile-sync";
import { GlobalMessageResults } from "@/components/search/global-message-results";
import { MIN_SEARCH_LENGTH } from "@/components/search/use-message-search";
import { CloseIcon } from "@/components/ui/icons";
import { SearchField } from "@/components/ui/search-field";
import { TabList, tabId, tabPanelId } from "@/components/ui/tab-list";
import { useChatNavigation } from "@/components/chat/navigation";
import type { ChatFilter } from "@/lib/client/conversations";
import { useChat } from "@/lib/client/context";
import { selectUnreadFilterCount } from "@/lib/client/selectors";
import { useShortcut } from "@/lib/client/use-shortcut";
import { MAX_MESSAGE_QUERY } from "@/lib/limits";
import { ArchivedPanel } from "./archived-panel";
import { ConnectionBanner } from "./connection-banner";
import { ConversationList } from "./conversation-list";
import { NewChatPanel } from "./new-chat-panel";
import { SidebarHeader } from "./sidebar-header";

type Tab = ChatFilter | "discover";
const TABS: { id: Tab; label: string }[] = [
  { id: "all", label: "All" },
  { id: "unread", label: "Unread" },
  { id: "favourites", label: "Favourites" },
  { id: "groups", label: "Groups" },
  { id: "discover", label: "Discover groups" },
];

export function Sidebar({ hiddenOnMobile }: { hiddenOnMobile: boolean }) {
  const [tab, setTab] = useState<Tab>("all");
  const [query, setQuery] = useState("");
  const [newChatOpen, setNewChatOpen] = useState(false);
  const [archivedOpen, setArchivedOpen] = useState(false);
  const [profileOpen, setProfileOpen] = useState<"profile" | "settings" | null>(null);
  const newChatRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const panelId = useId();
  const unreadChats = useChat(selectUnreadFilterCount);

  const closeNewChat = useCallback((chatOpened?: boolean) => {
    setNewChatOpen(false);
    // Back goes to the button that opened it; an opened chat takes focus to its message box.
    if (!chatOpened) requestAnimationFrame(() => newChatRef.current?.focus());
  }, []);
  const closeArchived = useCallback(() => {
    setArchivedOpen(false);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="archived-entry"]')?.focus());
  }, []);
  const closeProfile = useCallback(() => {
    setProfileOpen(null);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="profile-button"]')?.focus());
  }, []);
  const searchingMessages = tab !== "discover" && query.trim().length >= MIN_SEARCH_LENGTH;

  // A shortcut shows one panel at a time; on a phone-width screen, where an open chat hides this
  // pane, it goes back to the chat list first.
  const { closeChat } = useChatNavigation();
  const navRef = useRef<HTMLElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const showPanel = (panel: "newChat" | "profile" | "settings" | null) => {
    if (navRef.current?.offsetParent === null) closeChat();
    setArchivedOpen(false);
    setNewChatOpen(panel === "newChat");
    setProfileOpen(panel === "profile" || panel === "settings" ? panel : null);
  };
  useShortcut("newChat", () => showPanel("newChat"));
  useShortcut("profile", () => showPanel("profile"));
  useShortcut("settings", () => showPanel("settings"));
  useShortcut("searchChats", () => {
    showPanel(null);
    requestAnimationFrame(() => searchRef.current?.select());
  });

  const onSearchKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      const first = document.querySelector<HTMLElement>(
        tab === "discover"
          ? '[data-testid="group-row"] button'
          : '[data-testid="archived-entry"], [data-testid="conversation-row"], [data-testid="message-search-hit"]',
      );
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === "Escape" && query) {
      e.preventDefault();
      setQuery("");
    } else if (e.key === "Enter" && tab !== "discover") {
      document.querySelector<HTMLElement>('[data-testid="conversation-row"], [data-testid="message-search-hit"]')?.click();
    }
  };

  return (
    <nav
      ref={navRef}
      aria-label="Chats"
      className={`relative flex-col overflow-hidden bg-panel md:flex md:w-[38%] md:max-w-[520px] md:min-w-[320px] ${
        hiddenOnMobile ? "hidden" : "flex w-full"
      }`}
    >
      <ProfileSync />
      <SidebarHeader onNewChat={() => setNewChatOpen(true)} newChatRef={newChatRef} onOpenProfile={setProfileOpen} />
      <ConnectionBanner />
      <div className="shrink-0 px-3 pt-1 pb-2">
        <SearchField
          inputRef={searchRef}
          id="chat-search"
          value={query}
          onChange={setQuery}
          onKeyDown={onSearchKey}
          label={tab === "discover" ? "Search groups" : "Search chats and messages"}
          placeholder={tab === "discover" ? "Search groups" : "Search chats and messages"}
          testId="chat-search"
          maxLength={MAX_MESSAGE_QUERY}
          end={
            query && (
              <button type="button" aria-label="Clear search" onClick={() => setQuery("")} className="text-muted hover:text-fg">
                <CloseIcon size={18} />
              </button>
            )
          }
        />
        <TabList
          tabs={TABS.map((t) => ({
            id: t.id,
            label: (
              <>
                {t.label}
                {t.id === "unread" && unreadChats > 0 && <span className="ml-1">{unreadChats}</span>}
              </>
            ),
          }))}
          selected={tab}
          onSelect={setTab}
          idPrefix={panelId}
          label="Show"
          className="mt-2 flex gap-2 overflow-x-auto pb-1"
          testIdPrefix="tab-"
          tabClassName={(selected) =>
            `shrink-0 rounded-full px-3 py-1.5 text-sm whitespace-nowrap transition-colors ${
              selected
                ? "bg-[#d9fdd3] font-medium text-[#0a5c4a] dark:bg-[#103529] dark:text-[#25d366]"
                : "bg-panel-2 text-muted hover:bg-active hover:text-fg"
            }`
          }
        />
      </div>
      <div
        id={tabPanelId(panelId)}
        role="tabpanel"
        aria-labelledby={tabId(panelId, tab)}
        className="flex min-h-0 flex-1 flex-col overflow-y-auto"
      >
        {tab === "discover" ? (
          <DiscoverGroups query={query} />
        ) : (
          <>
            <ConversationList
              query={query}
              filter={tab}
              listRef={listRef}
              onNewChat={() => setNewChatOpen(true)}
              onDiscover={() => setTab("discover")}
              onOpenArchived={() => setArchivedOpen(true)}
              heading={searchingMessages ? "Chats" : undefined}
              quietWhenEmpty={searchingMessages}
            />
            {searchingMessages && <GlobalMessageResults query={query} />}
          </>
        )}
      </div>
      {archivedOpen && <ArchivedPanel onClose={closeArchived} />}
      {newChatOpen && <NewChatPanel onClose={closeNewChat} />}
      {profileOpen && <ProfileDrawer key={profileOpen} section={profileOpen} onClose={closeProfile} />}
    </nav>
  );
}
