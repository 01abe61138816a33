"use client";
// The virtualised message log: date separators, the unread divider, older pages on scroll-up
// (position kept), following new messages at the bottom, and "jump to latest". Also the message
// actions (react, vote, forward, pin, star, history, photos, delete) and showing one message on request
// (store.focus: a reply's original, a starred or searched message) with a brief highlight.
import { useVirtualizer } from "@tanstack/react-virtual";
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { ArrowDownIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { fitMedia } from "@/lib/client/attachments";
import { messagePreview } from "@/lib/client/conversations";
import { useChat, useChatStoreApi, useRealtimeClient } from "@/lib/client/context";
import { formatDayLabel } from "@/lib/client/format";
import { useNow } from "@/lib/client/hooks";
import { pendingFor } from "@/lib/client/outbox";
import { nextChoices } from "@/lib/client/polls";
import { buildRows, type ChatRow, type ViewMessage } from "@/lib/client/rows";
import { emptyMessages } from "@/lib/client/types";
import { effectiveWatermarks, tickStatus } from "@/lib/client/ticks";
import type { TickStatus } from "@/lib/client/types";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { DeleteMessageDialog, type DeleteScope } from "./delete-message-dialog";
import { EditHistoryDialog } from "./edit-history-dialog";
import { ForwardDialog } from "./forward-dialog";
import { Lightbox, type LightboxPhoto } from "./lightbox";
import { MessageBubble, type BubbleActions } from "./message-bubble";
import { MessageInfoDialog } from "./message-info-dialog";
import { PinDialog } from "./pin-dialog";
import { PollVotesDialog } from "./poll-votes-dialog";
import { SelectableRow } from "./selectable-row";
import { useUnpin } from "./use-pins";
import { ReactionPickerDialog } from "./reaction-picker-dialog";
import { useReplyPrivately, useShowQuoted } from "./use-private-reply";

export type MessageListHandle = { scrollToLatest: () => void };

type Props = {
  conversation: ConversationSummary | undefined;
  conversationId: string;
  /** What was unread when the chat opened (fixes the divider), or null. */
  unread: { after: number; upTo: number } | null;
  canWrite: boolean;
  /** The message box is there (not an announcement group I only read). */
  canCompose: boolean;
  /** I may pin and unpin messages here. */
  canPin: boolean;
  onAtBottomChange: (atBottom: boolean) => void;
  onReply: (message: ViewMessage) => void;
  onEdit: (message: ViewMessage) => void;
  /** "Select" in a message's menu: selecting starts, with that message picked. */
  onSelect: (message: ViewMessage) => void;
  /** While selecting: the picked message ids, and a click on a message picks or unpicks it. */
  selection: { ids: ReadonlySet<string>; onToggle: (message: ViewMessage) => void } | null;
};

/** How long a message shown on request stays highlighted. */
const HIGHLIGHT_MS = 1_800;

const BOTTOM_THRESHOLD = 64;
const LOAD_OLDER_WITHIN = 900;

function estimate(row: ChatRow | undefined): number {
  if (!row) return 40;
  if (row.kind !== "message") return 44;
  const m = row.message;
  const len = m.text?.length ?? 0;
  let media = 0;
  const images = m.attachments.filter((a) => a.kind === "IMAGE");
  if (images.length === 1) media += fitMedia(images[0]!.width, images[0]!.height).height;
  else if (images.length > 1) media += 280;
  for (const a of m.attachments) media += a.kind === "VIDEO" ? 200 : a.kind === "AUDIO" ? 80 : a.kind === "FILE" ? 66 : 0;
  if (m.location) media += 190;
  if (m.replyTo) media += 56;
  if (m.reactions.length) media += 22;
  return (row.firstOfRun ? 12 : 2) + 34 + Math.floor(len / 48) * 19 + media;
}

export const MessageList = forwardRef<MessageListHandle, Props>(function MessageList(
  { conversation, conversationId, unread, canWrite, canCompose, canPin, onAtBottomChange, onReply, onEdit, onSelect, selection },
  ref,
) {
  const client = useRealtimeClient();
  const store = useChatStoreApi();
  const toast = useToast();
  const now = useNow();
  const showQuoted = useShowQuoted(conversationId);
  const onReplyPrivately = useReplyPrivately(conversationId);
  const { meId, meName, data, outbox, users, members, starred, pins, focus } = useChat(
    useShallow((s) => ({
      meId: s.me.id,
      meName: s.me.name,
      data: s.messages[conversationId] ?? emptyMessages,
      outbox: s.outbox,
      users: s.users,
      members: s.members[conversationId],
      starred: s.starred,
      pins: s.pins[conversationId],
      focus: s.focus?.conversationId === conversationId ? s.focus : null,
    })),
  );
  const pending = useMemo(() => pendingFor(outbox, conversationId), [outbox, conversationId]);
  const rows = useMemo(
    () => buildRows({ messages: data.items, pending, meId, unreadAfterSeq: unread?.after ?? null, unreadUpToSeq: unread?.upTo }),
    [data.items, pending, meId, unread],
  );
  const isGroup = conversation?.type === "GROUP";
  // The group's @usernames, which show as mentions in its messages (me included).
  const mentionable = useMemo(
    () => (isGroup && members ? new Set(members.map((m) => m.username)) : undefined),
    [isGroup, members],
  );

  // Group senders not among the current members: fetch their names once.
  const unknownSenders = useMemo(() => {
    if (!isGroup) return "";
    const ids = new Set<string>();
    for (const m of data.items) if (!users[m.senderId] && m.senderId !== meId && m.type !== "SYSTEM") ids.add(m.senderId);
    return [...ids].sort().join(",");
  }, [isGroup, data.items, users, meId]);
  const membersLoaded = members !== undefined;
  useEffect(() => {
    // Wait for the member list: it names most senders in one request.
    if (unknownSenders && membersLoaded) client.resolveUsers(unknownSenders.split(","));
  }, [unknownSenders, membersLoaded, client]);
  const { minDeliveredSeq, minReadSeq } = conversation
    ? effectiveWatermarks(conversation, members, meId)
    : { minDeliveredSeq: 0, minReadSeq: 0 };
  const readReceipts = conversation?.readReceipts ?? true;

  const scrollRef = useRef<HTMLDivElement>(null);
  const positioned = useRef(false);
  const olderLoads = useRef(0);
  const [atBottom, setAtBottom] = useState(true);
  const [infoFor, setInfoFor] = useState<ViewMessage | null>(null);
  const [pickerFor, setPickerFor] = useState<ViewMessage | null>(null);
  const [historyFor, setHistoryFor] = useState<ViewMessage | null>(null);
  const [forwardFor, setForwardFor] = useState<ViewMessage | null>(null);
  const [pinFor, setPinFor] = useState<ViewMessage | null>(null);
  const [votesFor, setVotesFor] = useState<string | null>(null);
  const [deleteFor, setDeleteFor] = useState<{ message: ViewMessage; forEveryone: boolean } | null>(null);
  const unpin = useUnpin(conversationId);
  const pinnedIds = useMemo(() => new Set(pins?.map((p) => p.message.id)), [pins]);
  const [photoId, setPhotoId] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [placed, setPlaced] = useState(false);

  const nameOf = useCallback((id: string) => (id === meId ? meName : (users[id]?.name ?? "")), [users, meId, meName]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => estimate(rows[i]),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 8,
    paddingStart: 8,
    paddingEnd: 12,
    anchorTo: "end",
    followOnAppend: true,
    scrollEndThreshold: BOTTOM_THRESHOLD,
  });

  const scrollToLatest = useCallback(() => {
    if (rows.length === 0) return;
    virtualizer.scrollToEnd();
  }, [rows.length, virtualizer]);

  useImperativeHandle(ref, () => ({ scrollToLatest }), [scrollToLatest]);

  // If more is unread than the first page holds, fetch back to the first unread before placing.
  const needsOlderForUnread =
    unread !== null &&
    data.status === "ready" &&
    data.items.length > 0 &&
    data.items[0]!.seq > unread.after + 1 &&
    data.nextBefore !== null &&
    olderLoads.current < 6;

  useEffect(() => {
    if (needsOlderForUnread && !data.loadingOlder) {
      olderLoads.current++;
      void client.loadOlder(conversationId);
    }
  }, [needsOlderForUnread, data.loadingOlder, client, conversationId]);

  // First placement: at the unread divider, else at the bottom. One frame after mount, once the
  // virtualizer has measured the viewport (messages may already be in the store on mount).
  useLayoutEffect(() => {
    if (positioned.current) return;
    if (data.status !== "ready" || rows.length === 0 || needsOlderForUnread || data.loadingOlder) return;
    const divider = rows.findIndex((r) => r.kind === "unread");
    const h = requestAnimationFrame(() => {
      positioned.current = true;
      setPlaced(true);
      if (divider >= 0) virtualizer.scrollToIndex(Math.max(0, divider - 1), { align: "start" });
      else virtualizer.scrollToEnd();
    });
    return () => cancelAnimationFrame(h);
  }, [data.status, rows, needsOlderForUnread, data.loadingOlder, virtualizer]);

  const updateBottom = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_THRESHOLD;
    setAtBottom((prev) => (prev === bottom ? prev : bottom));
  }, []);

  useEffect(() => {
    onAtBottomChange(atBottom);
  }, [atBottom, onAtBottomChange]);

  // Content changes (new message, measurement) can move the bottom without a scroll event.
  useEffect(() => {
    const h = requestAnimationFrame(updateBottom);
    return () => cancelAnimationFrame(h);
  }, [rows, updateBottom]);

  const onScroll = useCallback(() => {
    updateBottom();
    const el = scrollRef.current;
    if (!el || !positioned.current) return;
    if (el.scrollTop < LOAD_OLDER_WITHIN && data.nextBefore !== null && !data.loadingOlder && data.status === "ready") {
      void client.loadOlder(conversationId);
    }
  }, [updateBottom, data.nextBefore, data.loadingOlder, data.status, client, conversationId]);

  const actions: BubbleActions = useMemo(
    () => ({
      onDelete: (message, forEveryone) => {
        if (message.id) setDeleteFor({ message, forEveryone });
      },
      onCancelSend: (message) => {
        void client.deleteMessages([message], "me", conversationId);
      },
      onInfo: (message) => setInfoFor(message),
      onCopy: (message) => {
        navigator.clipboard
          ?.writeText(message.text ?? "")
          .then(() => toast("Message copied"))
          .catch(() => toast("Couldn't copy", "error"));
      },
      onRetry: (message) => client.retry(message.clientId),
      onReply,
      onReplyPrivately,
      onEdit,
      onReact: (message, emoji) => {
        if (!message.id) return;
        client.react(conversationId, message.id, emoji).catch((err: unknown) => {
          toast(err instanceof ApiError ? err.message : "Couldn't react to the message", "error");
        });
      },
      onPickReaction: (message) => setPickerFor(message),
      onHistory: (message) => setHistoryFor(message),
      onForward: (message) => setForwardFor(message),
      onStar: (message, star) => {
        if (!message.id) return;
        client
          .setStar([message.id], star)
          .then(() => toast(star ? "Message starred" : "Message unstarred"))
          .catch((err: unknown) => toast(err instanceof ApiError ? err.message : "Couldn't update the star", "error"));
      },
      onVote: (message, option) => {
        if (!message.id || !message.poll) return;
        client.vote(conversationId, message.id, nextChoices(message.poll, store.getState().me.id, option)).catch((err: unknown) => {
          toast(err instanceof ApiError ? err.message : "Couldn't count your vote", "error");
        });
      },
      onShowVotes: (message) => setVotesFor(message.id),
      onPin: (message, pin) => {
        if (!message.id) return;
        if (pin) setPinFor(message);
        else unpin(message.id);
      },
      onJumpTo: showQuoted,
      onOpenImage: (attachmentId) => setPhotoId(attachmentId),
      onSelect,
    }),
    [client, store, conversationId, toast, onReply, onReplyPrivately, onEdit, onSelect, showQuoted, unpin],
  );

  // A message to show (reply original, starred, search): once placed, scroll to it and flash it.
  useEffect(() => {
    if (!focus || !placed || data.status !== "ready") return;
    const index = rows.findIndex((r) => r.kind === "message" && r.message.id === focus.messageId);
    store.getState().clearFocus(focus.nonce);
    if (index >= 0) {
      virtualizer.scrollToIndex(index, { align: "center" });
      setHighlight(focus.messageId);
      return;
    }
    // Deleted for me (or never here): show where it was.
    const near = rows.findIndex((r) => r.kind === "message" && (r.message.seq ?? Infinity) >= focus.seq);
    if (near >= 0) virtualizer.scrollToIndex(near, { align: "center" });
    toast("That message is no longer available");
  }, [focus, placed, data.status, rows, store, virtualizer, toast]);

  useEffect(() => {
    if (!highlight) return;
    const h = setTimeout(() => setHighlight(null), HIGHLIGHT_MS);
    return () => clearTimeout(h);
  }, [highlight]);

  // Every photo of the loaded chat, oldest first: the lightbox steps through them.
  const photos = useMemo<LightboxPhoto[]>(() => {
    const list: LightboxPhoto[] = [];
    for (const m of data.items) {
      if (m.deletedAt) continue;
      for (const a of m.attachments) {
        if (a.kind === "IMAGE") list.push({ attachment: a, senderName: m.senderId === meId ? "You" : nameOf(m.senderId), createdAt: m.createdAt, caption: m.text });
      }
    }
    return list;
  }, [data.items, meId, nameOf]);
  // The message being deleted as it is now: gone (deleted for me elsewhere, expired) closes the
  // dialog; deleted for everyone meanwhile leaves only "Delete for me".
  const deleting = deleteFor ? data.items.find((m) => m.id === deleteFor.message.id) : undefined;
  const deleteMessage = async (scope: DeleteScope): Promise<void> => {
    if (!deleteFor) return;
    const { message } = deleteFor;
    try {
      await client.deleteMessages([message], scope, conversationId);
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't delete the message", "error");
      return;
    }
    // Closed unless another message's dialog took its place meanwhile.
    setDeleteFor((d) => (d?.message.id === message.id ? null : d));
    // Its bubble (whose menu button focus goes back to) may be gone: keep focus in the chat.
    requestAnimationFrame(() => {
      if (document.activeElement === document.body) scrollRef.current?.focus();
    });
  };

  const photoIndex = photoId ? photos.findIndex((p) => p.attachment.id === photoId) : -1;

  const statusOf = (m: ViewMessage): TickStatus | null => {
    if (m.pending) return m.pending.failed ? "failed" : "pending";
    if (m.seq === null) return null;
    return tickStatus({ seq: m.seq, withheld: m.withheld }, { minDeliveredSeq, minReadSeq, readReceipts });
  };

  const items = virtualizer.getVirtualItems();
  // While scrolling, the day of the top row floats at the top (like WhatsApp).
  const offset = virtualizer.scrollOffset ?? 0;
  const topRow = items.find((v) => v.end > offset + 8);
  let floatingDay: string | null = null;
  if (virtualizer.isScrolling && topRow) {
    for (let i = topRow.index; i >= 0; i--) {
      const r = rows[i];
      if (r?.kind === "date") {
        floatingDay = r.at;
        break;
      }
      if (r?.kind === "message") {
        floatingDay = r.message.createdAt;
        break;
      }
    }
  }
  const busy = !positioned.current || data.loadingOlder || data.status !== "ready";
  const unreadNew = conversation?.unreadCount ?? 0;

  return (
    <>
      <div
        ref={scrollRef}
        onScroll={onScroll}
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label="Messages"
        aria-busy={busy || virtualizer.isScrolling}
        tabIndex={0}
        data-testid="message-list"
        className="relative h-full overflow-y-auto overscroll-contain outline-none focus-visible:outline-2 focus-visible:outline-solid focus-visible:-outline-offset-2 focus-visible:outline-accent"
      >
        {data.status === "loading" && data.items.length === 0 && (
          <div className="flex h-full items-center justify-center" aria-hidden="true">
            <Spinner size={28} />
          </div>
        )}
        {data.status === "error" && data.items.length === 0 && (
          <div className="flex h-full flex-col items-center justify-center gap-3 text-sm">
            <p className="rounded-lg bg-panel px-4 py-2 text-muted shadow-sm">Couldn&apos;t load messages.</p>
            <button
              type="button"
              onClick={() => void client.loadLatest(conversationId)}
              className="rounded-full bg-accent px-4 py-1.5 font-medium text-accent-fg hover:bg-accent-strong"
            >
              Try again
            </button>
          </div>
        )}
        {data.status === "ready" && rows.length === 0 && (
          <div className="flex h-full items-center justify-center px-6">
            <p className="max-w-sm rounded-lg bg-panel px-4 py-3 text-center text-sm text-muted shadow-sm" data-testid="chat-empty">
              {isGroup ? "No messages yet. Say hello to the group! 👋" : "No messages yet. Say hi 👋"}
            </p>
          </div>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: "relative", width: "100%" }}>
          {items.map((v) => {
            const row = rows[v.index];
            if (!row) return null;
            return (
              <div
                key={v.key}
                data-index={v.index}
                ref={virtualizer.measureElement}
                className="absolute top-0 left-0 w-full"
                style={{ transform: `translateY(${v.start}px)` }}
              >
                {row.kind === "date" && (
                  <div className="flex justify-center pt-3 pb-1">
                    <span
                      className="rounded-lg bg-panel px-3 py-1.5 text-[12.5px] text-muted shadow-[0_1px_0.5px_rgba(11,20,26,.13)] dark:bg-[#182229]"
                      data-testid="date-separator"
                    >
                      {formatDayLabel(row.at, now)}
                    </span>
                  </div>
                )}
                {row.kind === "unread" && (
                  <div className="my-2 flex justify-center bg-panel/40 py-1.5 dark:bg-black/20">
                    <span
                      className="rounded-full bg-panel px-4 py-1 text-[12.5px] font-medium text-muted shadow-[0_1px_0.5px_rgba(11,20,26,.13)] dark:bg-[#182229]"
                      data-testid="unread-divider"
                    >
                      {row.count} unread {row.count === 1 ? "message" : "messages"}
                    </span>
                  </div>
                )}
                {row.kind === "message" && (
                  <SelectableRow
                    message={row.message}
                    selection={selection}
                    label={`${row.mine ? "You" : nameOf(row.message.senderId) || "Unknown"}: ${messagePreview(row.message, row.mine)}`}
                    className={`${row.firstOfRun ? "pt-3" : "pt-0.5"} transition-colors duration-700 ${
                      highlight && row.message.id === highlight ? "bg-accent/20 dark:bg-accent/25" : ""
                    }`}
                    highlighted={!!highlight && row.message.id === highlight}
                  >
                    <MessageBubble
                      message={row.message}
                      mine={row.mine}
                      firstOfRun={row.firstOfRun}
                      isGroup={isGroup}
                      mentionable={mentionable}
                      senderName={users[row.message.senderId]?.name ?? ""}
                      status={row.mine ? statusOf(row.message) : null}
                      canWrite={canWrite}
                      canCompose={canCompose}
                      starred={!!row.message.id && !!starred[row.message.id]}
                      pinned={!!row.message.id && pinnedIds.has(row.message.id)}
                      canPin={canPin}
                      meId={meId}
                      nameOf={nameOf}
                      actions={actions}
                    />
                  </SelectableRow>
                )}
              </div>
            );
          })}
        </div>
      </div>

      {floatingDay && (
        <div className="pointer-events-none absolute top-2 left-1/2 z-10 -translate-x-1/2" aria-hidden="true">
          <span className="rounded-lg bg-panel px-3 py-1.5 text-[12.5px] text-muted shadow-[0_1px_0.5px_rgba(11,20,26,.13)] dark:bg-[#182229]">
            {formatDayLabel(floatingDay, now)}
          </span>
        </div>
      )}

      {data.loadingOlder && (
        <div className="pointer-events-none absolute top-12 left-1/2 -translate-x-1/2 rounded-full bg-panel p-1.5 shadow" aria-hidden="true">
          <Spinner size={20} />
        </div>
      )}

      {!atBottom && rows.length > 0 && (
        <button
          type="button"
          onClick={scrollToLatest}
          data-testid="jump-to-latest"
          aria-label={unreadNew > 0 ? `Jump to latest, ${unreadNew} new ${unreadNew === 1 ? "message" : "messages"}` : "Jump to latest"}
          className="absolute right-5 bottom-4 z-10 flex h-11 w-11 items-center justify-center rounded-full bg-panel text-muted shadow-[0_1px_3px_rgba(11,20,26,.3)] hover:text-fg"
        >
          <ArrowDownIcon size={22} />
          {unreadNew > 0 && (
            <span
              className="absolute -top-2 -right-1 inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-badge px-1.5 text-xs font-semibold text-[#0b141a]"
              data-testid="jump-count"
            >
              {unreadNew}
            </span>
          )}
        </button>
      )}

      <MessageInfoDialog message={infoFor} conversation={conversation} onClose={() => setInfoFor(null)} />
      <ReactionPickerDialog
        open={pickerFor !== null}
        reactions={data.items.find((m) => m.id === pickerFor?.id)?.reactions ?? pickerFor?.reactions ?? []}
        meId={meId}
        onPick={(emoji) => pickerFor && actions.onReact(pickerFor, emoji)}
        onClose={() => setPickerFor(null)}
      />
      <EditHistoryDialog
        messageId={historyFor?.id ?? null}
        editedAt={data.items.find((m) => m.id === historyFor?.id)?.editedAt ?? historyFor?.editedAt ?? null}
        mine={historyFor?.senderId === meId}
        onClose={() => setHistoryFor(null)}
      />
      <ForwardDialog messages={forwardFor && [forwardFor]} onClose={() => setForwardFor(null)} />
      <PinDialog message={pinFor} conversationId={conversationId} onClose={() => setPinFor(null)} />
      <DeleteMessageDialog
        key={deleteFor?.message.id}
        open={deleting !== undefined}
        forEveryone={!!deleteFor?.forEveryone && !deleting?.deletedAt}
        onDelete={deleteMessage}
        onClose={() => setDeleteFor(null)}
      />
      <PollVotesDialog target={votesFor ? { conversationId, messageId: votesFor } : null} nameOf={nameOf} onClose={() => setVotesFor(null)} />
      {photoIndex >= 0 && (
        <Lightbox photos={photos} index={photoIndex} onIndex={(i) => setPhotoId(photos[i]?.attachment.id ?? null)} onClose={() => setPhotoId(null)} />
      )}
    </>
  );
});
