"use client";
// Contact / group info: big avatar, about, members with online dots, Leave group.
import { useEffect, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { Avatar } from "@/components/ui/avatar";
import { CloseIcon, ExitIcon } from "@/components/ui/icons";
import { IconButton } from "@/components/ui/icon-button";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useChat, useRealtimeClient } from "@/lib/client/context";
import { formatLastSeen } from "@/lib/client/format";
import { useNow } from "@/lib/client/hooks";
import type { ConversationSummary, MemberDto } from "@/lib/realtime/contract";

type Props = { conversation: ConversationSummary; id: string; onClose: () => void };

const ROLE_LABEL: Record<MemberDto["role"], string | null> = { OWNER: "Group owner", ADMIN: "Group admin", MEMBER: null };

export function InfoPanel({ conversation: c, id, onClose }: Props) {
  const client = useRealtimeClient();
  const toast = useToast();
  const now = useNow(30_000);
  const [leaving, setLeaving] = useState(false);
  const [joining, setJoining] = useState(false);
  const isGroup = c.type === "GROUP";
  const { members, presence, meId, removed } = useChat(
    useShallow((s) => ({ members: s.members[c.id], presence: s.presence, meId: s.me.id, removed: !!s.removed[c.id] })),
  );

  const sorted = members
    ? [...members].sort((a, b) => {
        if (a.id === meId) return -1;
        if (b.id === meId) return 1;
        const ao = presence[a.id]?.online ? 1 : 0;
        const bo = presence[b.id]?.online ? 1 : 0;
        return bo - ao || a.name.localeCompare(b.name);
      })
    : null;

  const leave = async () => {
    setLeaving(true);
    try {
      await client.leaveGroup(c.id);
      toast(`You left ${c.title}`);
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't leave the group", "error");
    } finally {
      setLeaving(false);
    }
  };

  const rejoin = async () => {
    setJoining(true);
    try {
      await client.joinGroup(c.id);
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't join the group", "error");
    } finally {
      setJoining(false);
    }
  };

  const peerPresence = c.peer ? presence[c.peer.id] : undefined;

  // Escape closes the panel wherever focus is (menus and dialogs handle their own Escape first).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);

  // Fresh members (and their presence) whenever the panel opens.
  useEffect(() => {
    if (!removed) void client.loadConversation(c.id);
  }, [client, c.id, removed]);

  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      data-testid="info-panel"
      className="absolute inset-0 z-30 flex flex-col bg-panel-2 md:static md:w-[38%] md:max-w-[420px] md:min-w-[300px] md:border-l md:border-border"
    >
      <div className="flex h-[60px] shrink-0 items-center gap-4 bg-panel-2 px-3 md:px-4">
        <IconButton label="Close info" onClick={onClose} data-testid="close-info">
          <CloseIcon size={22} />
        </IconButton>
        <h2 id={`${id}-title`} className="text-base font-medium text-fg">
          {isGroup ? "Group info" : "Contact info"}
        </h2>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <div className="flex flex-col items-center gap-1 bg-panel px-6 pt-7 pb-6 text-center">
          <Avatar
            label={c.title}
            initials={c.peer?.initials}
            icon={isGroup ? c.icon : null}
            imageUrl={c.peer?.avatarUrl}
            color={c.iconBg}
            size={160}
            className="mb-3"
          />
          <p className="text-2xl text-fg">{c.title}</p>
          {isGroup ? (
            <p className="text-muted">
              Group · {members?.length ?? c.memberCount} {(members?.length ?? c.memberCount) === 1 ? "member" : "members"}
            </p>
          ) : (
            <>
              <p className="text-muted">@{c.peer?.username}</p>
              <p className="text-sm text-muted">
                {peerPresence?.online ? "online" : (formatLastSeen(peerPresence?.lastActiveAt ?? null, now) ?? "")}
              </p>
            </>
          )}
        </div>

        {isGroup && c.about && (
          <div className="mt-2.5 bg-panel px-6 py-4">
            <h3 className="mb-1 text-sm text-muted">About</h3>
            <p className="break-words whitespace-pre-wrap text-fg">{c.about}</p>
          </div>
        )}

        {isGroup && (
          <div className="mt-2.5 bg-panel py-3">
            <h3 className="px-6 pb-2 text-sm text-muted">
              {members ? `${members.length} ${members.length === 1 ? "member" : "members"}` : "Members"}
            </h3>
            {!sorted && (
              <div className="flex justify-center py-4">
                <Spinner />
              </div>
            )}
            {sorted && (
              <ul aria-label="Members" data-testid="member-list">
                {sorted.map((m) => {
                  const p = presence[m.id];
                  const isMe = m.id === meId;
                  const online = isMe || !!p?.online;
                  return (
                    <li key={m.id} className="flex items-center gap-3 px-6 py-2.5" data-testid="member-row" data-user-id={m.id}>
                      <Avatar label={m.name} initials={m.initials} color={m.avatarColor} imageUrl={m.avatarUrl} size={40} online={online} />
                      <div className="min-w-0 flex-1">
                        <p className="truncate text-fg">
                          {isMe ? "You" : m.name}
                          {online && <span className="sr-only"> (online)</span>}
                        </p>
                        <p className="truncate text-sm text-muted">
                          {isMe ? `@${m.username}` : p?.online ? "online" : (formatLastSeen(p?.lastActiveAt ?? null, now) ?? `@${m.username}`)}
                        </p>
                      </div>
                      {ROLE_LABEL[m.role] && (
                        <span className="shrink-0 rounded bg-[#d9fdd3] px-1.5 py-0.5 text-xs text-[#0a5c4a] dark:bg-[#103529] dark:text-[#25d366]">
                          {ROLE_LABEL[m.role]}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        )}

        {isGroup && (
          <div className="mt-2.5 mb-6 bg-panel py-2">
            {removed ? (
              <div className="px-6 py-3">
                <p className="mb-3 text-sm text-muted">You&apos;re no longer a member of this group.</p>
                {c.visibility === "PUBLIC" && (
                  <button
                    type="button"
                    onClick={() => void rejoin()}
                    disabled={joining}
                    className="rounded-full bg-accent px-4 py-2 text-sm font-medium text-accent-fg hover:bg-accent-strong disabled:opacity-60"
                    data-testid="rejoin-group"
                  >
                    Join group again
                  </button>
                )}
              </div>
            ) : (
              <button
                type="button"
                onClick={() => void leave()}
                disabled={leaving}
                className="flex w-full items-center gap-5 px-6 py-3 text-left text-danger hover:bg-hover disabled:opacity-60"
                data-testid="leave-group"
              >
                {leaving ? <Spinner size={22} /> : <ExitIcon size={22} />}
                Leave group
              </button>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
