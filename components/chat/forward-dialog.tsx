"use client";
// Forward one message, or several picked with "Select messages": pick up to five of my chats, or
// people found by the search (their direct chat opens on send), then send.
import { useEffect, useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { ConversationAvatar } from "@/components/conversations/conversation-avatar";
import { Avatar } from "@/components/ui/avatar";
import { Dialog } from "@/components/ui/dialog";
import { SendIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { contentPreview } from "@/lib/client/attachments";
import { useChat, useRealtimeClient } from "@/lib/client/context";
import {
  announcementRolesToLoad,
  forwardCandidates,
  peopleToForwardTo,
  personTarget,
  splitTargets,
  toggleTarget,
  type SendRights,
} from "@/lib/client/forward";
import { usePeopleSearch } from "@/lib/client/people-search";
import type { ViewMessage } from "@/lib/client/rows";
import { selectSortedConversations } from "@/lib/client/selectors";
import { FORWARDED_MANY_TIMES_LIMIT_TEXT, forwardTargetLimit } from "@/lib/messages/forward-limits";
import type { UserSummary } from "@/lib/realtime/contract";

/** `messages`: what to forward (one from its menu, several from "Select messages"), oldest first. */
export function ForwardDialog({ messages, onClose, onForwarded }: { messages: ViewMessage[] | null; onClose: () => void; onForwarded?: () => void }) {
  const stored = messages?.filter((m) => m.id) ?? [];
  const title = stored.length > 1 ? `Forward ${stored.length} messages to` : "Forward message to";
  return (
    <Dialog open={messages !== null} onClose={onClose} title={title} testId="forward-dialog">
      {stored.length > 0 && (
        <ForwardPicker key={stored.map((m) => m.id).join(",")} messages={stored} onForwarded={onForwarded ?? onClose} />
      )}
    </Dialog>
  );
}

function ForwardPicker({ messages, onForwarded }: { messages: ViewMessage[]; onForwarded: () => void }) {
  const client = useRealtimeClient();
  const toast = useToast();
  const sorted = useChat(selectSortedConversations);
  const { removed, archived, blocked, members, meId, siteRole } = useChat(
    useShallow((s) => ({ removed: s.removed, archived: s.archived, blocked: s.blocked, members: s.members, meId: s.me.id, siteRole: s.me.role ?? null })),
  );
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const search = usePeopleSearch(query);
  // People picked from a search stay named after the search moves on.
  const [picked, setPicked] = useState<Record<string, UserSummary>>({});

  const rights = useMemo<SendRights>(
    () => ({ meId, siteRole, readOnly: { ...removed, ...archived }, blocked, members }),
    [meId, siteRole, removed, archived, blocked, members],
  );
  const candidates = useMemo(() => forwardCandidates(sorted, query, rights), [sorted, query, rights]);
  // My role in an announcement group comes with its member list, loaded when the chat opens.
  const toLoad = announcementRolesToLoad(sorted, rights).join(",");
  useEffect(() => {
    for (const id of toLoad ? toLoad.split(",") : []) void client.loadConversation(id);
  }, [client, toLoad]);
  // The chats still show; a failed people search only leaves the People section out.
  const found = search.status === "done" ? search.users : null;
  const people = useMemo(() => (found ? peopleToForwardTo(found, sorted, rights) : []), [found, sorted, rights]);
  const searchingPeople = search.status === "loading";
  const titles = useMemo(() => {
    const map = new Map(sorted.map((c) => [c.id, c.title]));
    for (const u of Object.values(picked)) map.set(personTarget(u.id), u.name);
    return map;
  }, [sorted, picked]);
  const limit = forwardTargetLimit(messages.some((m) => m.forwardedManyTimes));
  // With room for one chat a new pick replaces the old, so no option is ever out of reach.
  const full = limit > 1 && selected.length >= limit;
  const preview = messages.length === 1 ? contentPreview(messages[0]!) : `${messages.length} messages`;

  const send = async () => {
    if (!selected.length || sending) return;
    setSending(true);
    setError(null);
    try {
      const { conversationIds, peopleIds } = splitTargets(selected);
      const opened = await Promise.all(peopleIds.map((id) => client.openDirect(id)));
      await client.forward(
        messages.map((m) => m.id!),
        [...conversationIds, ...opened.map((c) => c.id)],
      );
      toast(selected.length === 1 ? `Forwarded to ${titles.get(selected[0]!) ?? "1 chat"}` : `Forwarded to ${selected.length} chats`);
      onForwarded();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : messages.length > 1 ? "Couldn't forward the messages" : "Couldn't forward the message");
      setSending(false);
    }
  };

  return (
    <div className="flex min-h-0 flex-col">
      <div className="border-b border-border px-4 pt-3 pb-3">
        {preview && (
          // The padding is on the box, not the clamped text: inside it, a third line showed in it.
          <div className="mb-3 rounded-md bg-panel-2 px-3 py-2">
            <p className="line-clamp-2 text-[13px] text-muted" data-testid="forward-preview">
              {preview}
            </p>
          </div>
        )}
        <label className="sr-only" htmlFor="forward-search">
          Search chats or people
        </label>
        <input
          id="forward-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search chats or people"
          autoComplete="off"
          data-autofocus
          className="h-9 w-full rounded-lg bg-panel-2 px-3 text-[14.5px] text-fg outline-none placeholder:text-muted focus-visible:outline-2 focus-visible:outline-solid focus-visible:outline-accent"
          data-testid="forward-search"
        />
        <p className="mt-2 text-xs text-muted" aria-live="polite" data-testid="forward-count">
          {limit === 1 ? FORWARDED_MANY_TIMES_LIMIT_TEXT : `${selected.length} of ${limit} selected${full ? " (maximum)" : ""}`}
        </p>
      </div>
      <div className="max-h-[45vh] min-h-[120px] overflow-y-auto py-1">
        {candidates.length === 0 && people.length === 0 && (
          <p className="px-5 py-6 text-center text-sm text-muted">{searchingPeople ? "Searching…" : "No chats or people found"}</p>
        )}
        {candidates.length > 0 && (
          <TargetList label="Chats" showLabel={people.length > 0}>
            {candidates.map((c) => (
              <TargetOption
                key={c.id}
                checked={selected.includes(c.id)}
                full={full}
                onToggle={() => setSelected((s) => toggleTarget(s, c.id, limit))}
                avatar={<ConversationAvatar conversation={c} size={40} />}
                title={c.title}
                detail={c.type === "GROUP" ? "Group" : c.peer ? `@${c.peer.username}` : ""}
                data={{ "data-conversation-id": c.id }}
              />
            ))}
          </TargetList>
        )}
        {people.length > 0 && (
          <TargetList label="People" showLabel>
            {people.map((u) => (
              <TargetOption
                key={u.id}
                checked={selected.includes(personTarget(u.id))}
                full={full}
                onToggle={() => {
                  setPicked((p) => ({ ...p, [u.id]: u }));
                  setSelected((s) => toggleTarget(s, personTarget(u.id), limit));
                }}
                avatar={<Avatar label={u.name} initials={u.initials} color={u.avatarColor} imageUrl={u.avatarUrl} size={40} />}
                title={u.name}
                detail={`@${u.username}`}
                data={{ "data-user-id": u.id }}
              />
            ))}
          </TargetList>
        )}
      </div>
      <div className="flex items-center gap-3 border-t border-border bg-panel-2 px-4 py-3">
        <p className="min-w-0 flex-1 truncate text-sm text-fg" data-testid="forward-selected">
          {error ? (
            <span className="text-danger" role="alert">
              {error}
            </span>
          ) : selected.length ? (
            selected.map((id) => titles.get(id) ?? "").join(", ")
          ) : (
            <span className="text-muted">{limit === 1 ? "Choose a chat" : `Choose up to ${limit} chats`}</span>
          )}
        </p>
        <button
          type="button"
          onClick={() => void send()}
          disabled={!selected.length || sending}
          aria-label={selected.length ? `Forward to ${selected.length} ${selected.length === 1 ? "chat" : "chats"}` : "Forward"}
          className="flex h-11 w-11 shrink-0 items-center justify-center rounded-full bg-accent text-accent-fg hover:bg-accent-strong disabled:opacity-40"
          data-testid="forward-send"
        >
          {sending ? <Spinner size={20} className="text-accent-fg" /> : <SendIcon size={22} />}
        </button>
      </div>
    </div>
  );
}

function TargetList({ label, showLabel, children }: { label: string; showLabel: boolean; children: React.ReactNode }) {
  return (
    <section aria-label={label}>
      {showLabel && <h3 className="px-5 pt-3 pb-1 text-sm font-medium text-accent-strong">{label}</h3>}
      <ul>{children}</ul>
    </section>
  );
}

function TargetOption(props: {
  checked: boolean;
  full: boolean;
  onToggle: () => void;
  avatar: React.ReactNode;
  title: string;
  detail: string;
  data: Record<`data-${string}`, string>;
}) {
  const disabled = !props.checked && props.full;
  return (
    <li>
      <label
        className={`flex cursor-pointer items-center gap-3 px-4 py-2 hover:bg-hover has-[:focus-visible]:bg-hover ${disabled ? "cursor-not-allowed opacity-50" : ""}`}
        data-testid="forward-option"
        {...props.data}
      >
        <input
          type="checkbox"
          checked={props.checked}
          disabled={disabled}
          onChange={props.onToggle}
          className="h-[18px] w-[18px] shrink-0 accent-accent"
        />
        {props.avatar}
        <span className="min-w-0 flex-1">
          <span className="block truncate text-[15px] text-fg">{props.title}</span>
          <span className="block truncate text-xs text-muted">{props.detail}</span>
        </span>
      </label>
    </li>
  );
}
