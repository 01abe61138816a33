"use client";
// Contact / group info: big avatar, about, and for groups the members (managed by role),
// invite links, banned people and Exit group (components/groups/group-*.tsx).
import { useEffect } from "react";
import { useShallow } from "zustand/react/shallow";
import { ConversationAvatar } from "@/components/conversations/conversation-avatar";
import { SidePanel } from "@/components/ui/side-panel";
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
    <SidePanel id={id} title={isGroup ? "Group info" : "Contact info"} closeLabel="Close info" onClose={onClose} testId="info-panel">
      {isGroup ? (
        <GroupProfile conversation={c} />
      ) : (
        <div className="flex flex-col items-center gap-1 bg-panel px-6 pt-7 pb-6 text-center">
          <ConversationAvatar conversation={c} size={160} className="mb-3" />
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
    </SidePanel>
  );
}
