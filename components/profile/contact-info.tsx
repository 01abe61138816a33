"use client";
// Contact info of a direct chat (the chat header opens it): picture, name, @username,
// presence, about, phone (when they share it with me), media/links/docs, disappearing messages,
// the groups we are both in, and Block / Unblock with a confirmation.
import { useCallback, useEffect, useState } from "react";
import { DisappearingMessages } from "@/components/chat/disappearing-messages";
import { closesOnNarrow, MediaLinksDocs } from "@/components/groups/media-gallery";
import { Avatar } from "@/components/ui/avatar";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { BlockIcon } from "@/components/ui/icons";
import { SidePanel } from "@/components/ui/side-panel";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useChat, useChatStoreApi } from "@/lib/client/context";
import { formatLastSeen } from "@/lib/client/format";
import { useIsClient, useNow } from "@/lib/client/hooks";
import { profileApi, type UserProfile } from "@/lib/client/profile";
import { isChatWithMyself } from "@/lib/conversations/direct-chats";
import { GroupsInCommon } from "./groups-in-common";
import type { ConversationSummary, UserSummary } from "@/lib/realtime/contract";

type Props = { conversation: ConversationSummary; id: string; onClose: () => void };

export function ContactInfoPanel({ conversation: c, id, onClose }: Props) {
  const peer = c.peer;
  const now = useNow(30_000);
  const isClient = useIsClient();
  // My chat with myself: my own profile, with no presence, groups in common or Block.
  const withMyself = useChat((s) => isChatWithMyself(c, s.me.id));
  const presence = useChat((s) => (peer && !withMyself ? s.presence[peer.id] : undefined));
  const blocked = useChat((s) => (peer ? !!s.blocked?.[peer.id] : false));
  const [profile, setProfile] = useState<UserProfile | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Escape closes the panel wherever focus is (menus and dialogs handle their own Escape first).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);

  const peerId = peer?.id;
  // Fresh every time it opens (the name, picture and about may have changed).
  const peerName = peer?.name;
  const peerAvatar = peer?.avatarUrl;
  useEffect(() => {
    if (!peerId) return;
    let cancelled = false;
    profileApi
      .user(peerId)
      .then(({ user }) => {
        if (!cancelled) setProfile(user);
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(err instanceof ApiError ? err.message : "Couldn't load the profile");
      });
    return () => {
      cancelled = true;
    };
  }, [peerId, peerName, peerAvatar]);

  const name = withMyself ? c.title : (peer?.name ?? c.title);
  const status = withMyself ? "Message yourself" : presence?.online ? "online" : isClient ? (formatLastSeen(presence?.lastActiveAt ?? null, now) ?? "") : "";
  const showInChat = useCallback(() => closesOnNarrow(onClose)(), [onClose]);

  return (
    <SidePanel id={id} title="Contact info" closeLabel="Close contact info" onClose={onClose} testId="contact-info">
      <div className="flex flex-col items-center gap-1 bg-panel px-6 pt-7 pb-6 text-center">
        <Avatar label={name} initials={peer?.initials} imageUrl={peer?.avatarUrl} color={peer?.avatarColor ?? c.iconBg} size={168} className="mb-3" />
        <p className="text-2xl break-words text-fg" data-testid="contact-name">
          {name}
        </p>
        {peer && (
          <p className="text-muted" data-testid="contact-username">
            @{peer.username}
          </p>
        )}
        {status && <p className="text-sm text-muted">{status}</p>}
      </div>

      <div className="mt-2.5 bg-panel px-6 py-4">
        <h3 className="mb-1 text-sm text-muted">About</h3>
        {profile ? (
          <p className={`break-words whitespace-pre-wrap ${profile.bio ? "text-fg" : "text-muted italic"}`} data-testid="contact-about">
            {profile.bio || "No about yet"}
          </p>
        ) : error ? (
          <p className="text-sm text-danger">{error}</p>
        ) : (
          <Spinner size={18} />
        )}
        {profile?.phoneNumber && (
          <>
            <h3 className="mt-4 mb-1 text-sm text-muted">Phone</h3>
            <p className="text-fg" data-testid="contact-phone">
              <a href={`tel:${profile.phoneNumber.replace(/[^+\d]/g, "")}`} className="hover:underline">
                {profile.phoneNumber}
              </a>
            </p>
          </>
        )}
      </div>

      <MediaLinksDocs conversationId={c.id} onShowInChat={showInChat} />
      <DisappearingMessages conversation={c} canChange={!blocked} />
      {profile && !withMyself && <GroupsInCommon groups={profile.groupsInCommon} />}

      {peer && !withMyself && (
        <div className="mt-2.5 mb-6 bg-panel py-2">
          <BlockButton user={peer} blocked={blocked} onChanged={(isBlocked) => setProfile((p) => (p ? { ...p, isBlocked } : p))} />
        </div>
      )}
    </SidePanel>
  );
}

function BlockButton({ user, blocked, onChanged }: { user: UserSummary; blocked: boolean; onChanged: (blocked: boolean) => void }) {
  const store = useChatStoreApi();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const first = user.name.split(" ")[0] ?? user.name;

  const apply = async () => {
    try {
      if (blocked) await profileApi.unblock(user.id);
      else await profileApi.block(user.id);
      store.getState().setUserBlocked(user, !blocked);
      onChanged(!blocked);
      toast(blocked ? `${user.name} unblocked` : `${user.name} blocked`);
      setConfirming(false);
    } catch (err) {
      toast(err instanceof ApiError ? err.message : blocked ? "Couldn't unblock" : "Couldn't block", "error");
    }
  };

  return (
    <>
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className={`flex w-full items-center gap-5 px-6 py-3 text-left hover:bg-hover ${blocked ? "text-accent-strong" : "text-danger"}`}
        data-testid={blocked ? "unblock-contact" : "block-contact"}
      >
        <BlockIcon size={22} />
        {blocked ? `Unblock ${first}` : `Block ${first}`}
      </button>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={blocked ? `Unblock ${user.name}?` : `Block ${user.name}?`}
        confirmLabel={blocked ? "Unblock" : "Block"}
        onConfirm={apply}
        tone={blocked ? "accent" : "danger"}
        testId="block-confirm"
        confirmTestId="block-confirm-button"
      >
        <p className="text-[15px] leading-6 text-muted">
          {blocked
            ? `${user.name} will be able to message you again.`
            : `Blocked contacts can't message you directly, and you can't message them. ${first} won't get a notice, but their messages to you will fail to send. Your chat history stays.`}
        </p>
      </ConfirmDialog>
    </>
  );
}

/** Instead of the composer while I block this contact. */
export function BlockedNotice({ user }: { user: UserSummary }) {
  const store = useChatStoreApi();
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  const unblock = async () => {
    setBusy(true);
    try {
      await profileApi.unblock(user.id);
      store.getState().setUserBlocked(user, false);
      toast(`${user.name} unblocked`);
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't unblock", "error");
      setBusy(false);
    }
  };

  return (
    <div className="flex shrink-0 flex-col items-center gap-2 bg-panel-2 px-4 py-4 text-center text-sm text-muted" role="note" data-testid="blocked-notice">
      <p>You blocked this contact. Unblock them to send a message.</p>
      <button
        type="button"
        onClick={() => void unblock()}
        disabled={busy}
        className="rounded-full bg-accent px-4 py-1.5 font-medium text-accent-fg hover:bg-accent-strong disabled:opacity-60"
        data-testid="blocked-notice-unblock"
      >
        Unblock {user.name.split(" ")[0]}
      </button>
    </div>
  );
}
