"use client";
// An open chat: header, message log, composer (or the not-a-member notice), info panel.
// Loads the latest page and the members, marks read while visible at the bottom. Holds what the
// composer is doing (replying to / editing a message) and the files being uploaded, which can
// also be dropped anywhere on the chat.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { MuteDialog } from "@/components/conversations/mute-dialog";
import { useChatSettings } from "@/components/conversations/use-chat-settings";
import { InfoPanel } from "@/components/groups/info-panel";
import { NotMemberNotice } from "@/components/groups/not-member-notice";
import { BlockedNotice, ContactInfoPanel } from "@/components/profile/contact-info";
import { ChatSearchPanel } from "@/components/search/chat-search-panel";
import { ArchivedNotice, OnlyAdminsNotice } from "@/components/groups/read-only-notice";
import { useOnlyAdminsSend } from "@/components/groups/use-group-rights";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { isMutedAt } from "@/lib/client/conversations";
import { useChat, useChatStoreApi, useRealtimeClient } from "@/lib/client/context";
import { useDocumentVisible } from "@/lib/client/hooks";
import { maxSeq } from "@/lib/client/messages";
import { selectBlockedPeer } from "@/lib/client/selectors";
import { useShortcut } from "@/lib/client/use-shortcut";
import { emptyMessages } from "@/lib/client/types";
import { fromDto, type ViewMessage } from "@/lib/client/rows";
import { toggleSelected as toggleSelection } from "@/lib/client/selection";
import { MAX_SELECTED_MESSAGES } from "@/lib/limits";
import { ChatHeader } from "./chat-header";
import { Composer, type ComposerMode } from "./composer";
import { PhotoIcon } from "@/components/ui/icons";
import { MessageList, type MessageListHandle } from "./message-list";
import { useChatNavigation } from "./navigation";
import { PinnedBanner } from "./pinned-banner";
import { SelectionBar } from "./selection-bar";
import { useCanPin } from "./use-pins";
import { useSidePanel } from "./use-side-panel";
import { useUploadQueue } from "./use-upload-queue";

// A faint doodle pattern over the chat background (inverted in dark mode).
const PATTERN =
  "url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='120' height='120' viewBox='0 0 120 120'%3E%3Cg fill='none' stroke='%23000' stroke-width='1.4' stroke-linecap='round' stroke-linejoin='round'%3E%3Cpath d='M14 20c4-6 12-6 16 0s-2 12-8 12-12-6-8-12z'/%3E%3Cpath d='M70 12l6 10 10-6-4 12 10 4-12 2 2 12-8-8-8 8 2-12-12-2 10-4-4-12z'/%3E%3Ccircle cx='100' cy='60' r='7'/%3E%3Cpath d='M20 70h18v12H20zM24 70v-4h10v4'/%3E%3Cpath d='M56 78c6-8 14 0 8 6s-14 2-8-6z'/%3E%3Cpath d='M82 96l10 6-10 6z'/%3E%3Cpath d='M18 104c6 0 6 8 12 8s6-8 12-8'/%3E%3Ccircle cx='50' cy='44' r='2'/%3E%3Ccircle cx='104' cy='26' r='2'/%3E%3C/g%3E%3C/svg%3E\")";

const prefersTouch = () => typeof window !== "undefined" && window.matchMedia("(pointer: coarse)").matches;

export function ChatPane({ conversationId }: { conversationId: string }) {
  const client = useRealtimeClient();
  const store = useChatStoreApi();
  const toast = useToast();
  const { closeChat } = useChatNavigation();
  const conv = useChat((s) => s.conversations[conversationId]);
  const unavailable = useChat((s) => s.unavailable[conversationId]);
  const removed = useChat((s) => !!s.removed[conversationId]);
  const archived = useChat((s) => !!s.archived[conversationId]);
  const data = useChat((s) => s.messages[conversationId] ?? emptyMessages);
  const memberIds = useChat((s) => s.members[conversationId]?.map((m) => m.id).join(",") ?? "");
  const visible = useDocumentVisible();
  const [atBottom, setAtBottom] = useState(true);
  const sidePanel = useSidePanel();
  const infoOpen = sidePanel.panel === "info";
  const searchOpen = sidePanel.panel === "search";
  const blockedPeer = useChat((s) => selectBlockedPeer(s, conversationId));
  const listRef = useRef<MessageListHandle>(null);
  // "Reply privately" in a group opens this chat replying to that message.
  const [mode, setMode] = useState<ComposerMode>(() => {
    const queued = store.getState().privateReply;
    return queued?.conversationId === conversationId ? { kind: "reply", message: queued.message, from: queued.from } : null;
  });
  useEffect(() => {
    if (store.getState().privateReply?.conversationId === conversationId) store.getState().setPrivateReply(null);
  }, [store, conversationId]);
  const [dragging, setDragging] = useState(false);
  const uploadMaxBytes = useChat((s) => s.uploadMaxBytes);
  const uploads = useUploadQueue(uploadMaxBytes);
  const users = useChat((s) => s.users);
  const meId = useChat((s) => s.me.id);
  const meName = useChat((s) => s.me.name);
  const nameOf = useCallback((id: string) => (id === meId ? meName : (users[id]?.name ?? "")), [users, meId, meName]);
  const onReply = useCallback((message: ViewMessage) => setMode({ kind: "reply", message }), []);
  const onEdit = useCallback((message: ViewMessage) => setMode({ kind: "edit", message }), []);
  const cancelMode = useCallback(() => setMode(null), []);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const paneRef = useRef<HTMLElement>(null);
  // "Select messages": the ids picked, or null while not selecting.
  const [selectedIds, setSelectedIds] = useState<string[] | null>(null);
  const startSelecting = useCallback((first: ViewMessage | null) => {
    setMode(null);
    setSelectedIds(first?.id ? [first.id] : []);
    // Keyboard users go on from a picked message, else from the newest one shown.
    requestAnimationFrame(() => {
      const boxes = paneRef.current?.querySelectorAll<HTMLElement>('[data-testid="select-message"]');
      const picked = paneRef.current?.querySelector<HTMLElement>('[data-testid="select-message"][aria-checked="true"]');
      (picked ?? boxes?.[boxes.length - 1])?.focus();
    });
  }, []);
  const onSelect = useCallback((message: ViewMessage) => startSelecting(message), [startSelecting]);
  const endSelecting = useCallback(() => {
    setSelectedIds(null);
    if (!prefersTouch()) requestAnimationFrame(() => composerRef.current?.focus());
  }, []);
  const toggleSelected = useCallback(
    (message: ViewMessage) => {
      if (!message.id || selectedIds === null) return;
      const next = toggleSelection(selectedIds, message.id);
      if (next.full) toast(`You can select up to ${MAX_SELECTED_MESSAGES} messages`, "error");
      else setSelectedIds(next.selected);
    },
    [selectedIds, toast],
  );
  const selection = useMemo(
    () => (selectedIds === null ? null : { ids: new Set(selectedIds), onToggle: toggleSelected }),
    [selectedIds, toggleSelected],
  );
  // Oldest first; one that went meanwhile (deleted for me elsewhere, disappeared) drops out.
  const selectedMessages = useMemo(
    () => (selection ? data.items.filter((m) => m.id && selection.ids.has(m.id)).map(fromDto) : []),
    [selection, data.items],
  );
  const infoId = useId();

  // The divider position is fixed when the chat opens (like WhatsApp): later reads don't move it.
  const [unread] = useState<{ after: number; upTo: number } | null>(() => {
    const c = store.getState().conversations[conversationId];
    return c && c.unreadCount > 0 ? { after: c.readSeq, upTo: c.lastSeq } : null;
  });

  const updateSettings = useChatSettings();
  useEffect(() => {
    void client.loadLatest(conversationId);
    // Opening a chat I marked unread takes the mark away (on my other tabs too). Only after the
    // chat's own fetch has answered: an answer read before the change would bring the mark back.
    void client.loadConversation(conversationId).then(() => {
      const c = store.getState().conversations[conversationId];
      if (c?.markedUnread) void updateSettings(c, { markedUnread: false });
    });
    client.loadPins(conversationId).catch(() => undefined);
  }, [client, store, conversationId, updateSettings]);
  const canWrite = !removed && !archived && !blockedPeer;
  const readsOnly = useOnlyAdminsSend(conv);
  const canPin = useCanPin(conv, canWrite);

  useEffect(() => {
    if (!prefersTouch()) composerRef.current?.focus();
  }, [conversationId]);

  // Presence: the peer of a direct chat; a group's members (the header counts who is online,
  // the info panel lists them), newcomers included as they join.
  const peerId = conv?.type === "DIRECT" ? conv.peer?.id : undefined;
  useEffect(() => {
    const ids = peerId ? [peerId] : memberIds ? memberIds.split(",") : [];
    if (ids.length) void client.watchPresence(ids);
  }, [client, peerId, memberIds]);

  // Read receipts: only while this chat is visible and scrolled to the bottom.
  const lastSeq = maxSeq(data.items);
  const readSeq = conv?.readSeq ?? 0;
  useEffect(() => {
    if (!visible || !atBottom || removed || data.status !== "ready") return;
    if (lastSeq > readSeq) client.markRead(conversationId, lastSeq);
  }, [visible, atBottom, removed, data.status, lastSeq, readSeq, client, conversationId]);

  const { open: openPanel, close: closePanel } = sidePanel;
  const toggleInfo = useCallback(() => (infoOpen ? closePanel() : openPanel("info")), [infoOpen, openPanel, closePanel]);
  const openSearch = useCallback(() => openPanel("search"), [openPanel]);

  useShortcut("searchInChat", openSearch, !!conv);
  useShortcut("archiveChat", () => conv && void updateSettings(conv, { isArchived: !conv.isArchived }), !!conv);
  const [muting, setMuting] = useState(false);
  useShortcut("muteChat", () => conv && (isMutedAt(conv, Date.now()) ? void updateSettings(conv, { isMuted: false }) : setMuting(true)), !!conv);
  // As in the chat's menu: an archived chat is not pinned.
  useShortcut("pinChat", () => conv && void updateSettings(conv, { isPinned: !conv.isPinned }), !!conv && !conv.isArchived);

  const onSent = useCallback(() => {
    requestAnimationFrame(() => listRef.current?.scrollToLatest());
  }, []);

  if (!conv) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-4 bg-panel-2 p-8 text-center" data-testid="chat-unavailable">
        {unavailable ? (
          <>
            <p className="text-lg text-fg">{unavailable === "not-found" ? "This chat isn't available" : "Couldn't open this chat"}</p>
            <p className="max-w-sm text-sm text-muted">
              {unavailable === "not-found"
                ? "It may have been removed, or you're not a member."
                : "Check your connection and try again."}
            </p>
            <button type="button" onClick={closeChat} className="rounded-full bg-accent px-4 py-2 text-sm font-medium text-accent-fg hover:bg-accent-strong">
              Back to chats
            </button>
          </>
        ) : (
          <Spinner size={28} />
        )}
      </div>
    );
  }

  const canDrop = canWrite && !readsOnly && mode?.kind !== "edit";
  const hasFiles = (e: React.DragEvent) => [...e.dataTransfer.types].includes("Files");
  const dropHandlers = {
    onDragEnter: (e: React.DragEvent) => {
      if (!canDrop || !hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    },
    onDragOver: (e: React.DragEvent) => {
      if (!canDrop || !hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
      if (!dragging) setDragging(true);
    },
    onDragLeave: (e: React.DragEvent) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (e: React.DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      if (!canDrop) return;
      const { refused } = uploads.add([...e.dataTransfer.files]);
      for (const reason of refused) toast(reason, "error");
      composerRef.current?.focus();
    },
  };

  return (
    <div className="relative flex min-h-0 flex-1">
      <section
        ref={paneRef}
        className="relative flex min-w-0 flex-1 flex-col"
        aria-label={`Chat with ${conv.title}`}
        onKeyDown={(e) => {
          // Escape ends selecting, unless a dialog over the chat takes it.
          if (e.key !== "Escape" || selectedIds === null || (e.target as HTMLElement).closest("dialog, [role='dialog']")) return;
          e.preventDefault();
          endSelecting();
        }}
        data-testid="chat-pane"
        data-conversation-id={conv.id}
        {...dropHandlers}
      >
        {dragging && (
          <div
            className="pointer-events-none absolute inset-0 z-30 flex items-center justify-center bg-panel-2/85 p-6 dark:bg-panel/85"
            data-testid="drop-overlay"
            aria-hidden="true"
          >
            <div className="flex h-full w-full flex-col items-center justify-center gap-3 rounded-2xl border-2 border-dashed border-accent text-center">
              <span className="flex h-16 w-16 items-center justify-center rounded-full bg-accent text-accent-fg">
                <PhotoIcon size={30} />
              </span>
              <p className="text-lg text-fg">Drop files here to send</p>
              <p className="text-sm text-muted">Photos, videos and documents, up to 10 at a time</p>
            </div>
          </div>
        )}
        <ChatHeader
          conversation={conv}
          infoOpen={infoOpen}
          onToggleInfo={toggleInfo}
          infoPanelId={infoId}
          searchOpen={searchOpen}
          onOpenSearch={openSearch}
          onSelectMessages={() => startSelecting(null)}
        />
        <PinnedBanner conversationId={conversationId} canPin={canPin} />
        <div className="relative min-h-0 flex-1 bg-chat-bg">
          <div
            className="pointer-events-none absolute inset-0 opacity-[0.045] dark:opacity-[0.035] dark:invert"
            style={{ backgroundImage: PATTERN, backgroundSize: "150px 150px" }}
            aria-hidden="true"
          />
          <MessageList
            ref={listRef}
            conversation={conv}
            conversationId={conversationId}
            unread={unread}
            canWrite={canWrite}
            canCompose={canWrite && !readsOnly}
            canPin={canPin}
            onAtBottomChange={setAtBottom}
            onReply={onReply}
            onEdit={onEdit}
            onSelect={onSelect}
            selection={selection}
          />
        </div>
        {selectedIds !== null ? (
          <SelectionBar conversationId={conversationId} selected={selectedMessages} canWrite={canWrite} nameOf={nameOf} onEnd={endSelecting} />
        ) : archived && !removed ? (
          <ArchivedNotice />
        ) : blockedPeer && !removed ? (
          <BlockedNotice user={blockedPeer} />
        ) : readsOnly && !removed ? (
          <OnlyAdminsNotice />
        ) : removed ? (
          <NotMemberNotice conversation={conv} />
        ) : (
          <Composer
            ref={composerRef}
            conversationId={conversationId}
            onSent={onSent}
            mode={mode}
            onCancelMode={cancelMode}
            uploads={uploads}
            nameOf={nameOf}
          />
        )}
      </section>
      {infoOpen &&
        (conv.type === "DIRECT" ? (
          <ContactInfoPanel conversation={conv} id={infoId} onClose={closePanel} />
        ) : (
          <InfoPanel conversation={conv} id={infoId} onClose={closePanel} />
        ))}
      {searchOpen && <ChatSearchPanel conversation={conv} id={`${infoId}-search`} onClose={closePanel} />}
      {muting && <MuteDialog conversation={conv} onClose={() => setMuting(false)} />}
    </div>
  );
}
