"use client";
// Contact / group info: big avatar, about, and for groups the members (managed by role),
// invite links, banned people and Exit group (components/groups/group-*.tsx).
import { useEffect } from "react";
import { useShallow } from "zustand/react/shallow";
import { Avatar } from "@/components/ui/avatar";
import { CloseIcon } from "@/components/ui/icons";
import { IconButton } from "@/components/ui/icon-button";
import { useChat, useRealtimeClient } from "@/lib/client/context";
import { formatLastSeen } from "@/lib/client/format";
import { useNow } from "@/lib/client/hooks";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { GroupAbout, GroupProfile } from "./group-profile";
import { GroupSections } from "./group-sections";
import { closesOnNarrow, MediaLinksDocs } from "./media-gallery";

type Props = { conversation: ConversationSummary; id: string; onClose: () => void };

export function InfoPanel({ conversation: c, id, onClose }: Props) {
  const client = useRealtimeClient();
  const now = useNow(30_000);
  const isGroup = c.type === "GROUP";
  const { presence, removed } = useChat(useShallow((s) => ({ presence: s.presence, removed: !!s.removed[c.id] })));

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
      className="absolute inset-0 z-30 flex flex-col bg-panel-2 md:relative md:w-[38%] md:max-w-[420px] md:min-w-[300px] md:border-l md:border-border"
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
        {isGroup ? (
          <GroupProfile conversation={c} />
        ) : (
          <div className="flex flex-col items-center gap-1 bg-panel px-6 pt-7 pb-6 text-center">
            <Avatar
              label={c.title}
              initials={c.peer?.initials}
              imageUrl={c.peer?.avatarUrl}
              color={c.iconBg}
              size={160}
              className="mb-3"
            />
            <p className="text-2xl text-fg">{c.title}</p>
            <p className="text-muted">@{c.peer?.username}</p>
            <p className="text-sm text-muted">
              {peerPresence?.online ? "online" : (formatLastSeen(peerPresence?.lastActiveAt ?? null, now) ?? "")}
            </p>
          </div>
        )}

        {isGroup && <GroupAbout conversation={c} />}

        {/* Media, links and docs (components/groups/media-gallery.tsx). */}
        {!removed && <MediaLinksDocs conversationId={c.id} onShowInChat={closesOnNarrow(onClose)} />}

        {isGroup && <GroupSections conversation={c} />}
      </div>
    </section>
  );
}
