"use client";
// The group half of Group info below the About card: disappearing messages, who may send (for its
// managers), members (with management by role), invite links, banned people and Exit group, or the
// read-only notices.
import { useState } from "react";
import { DisappearingMessages } from "@/components/chat/disappearing-messages";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ExitIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useRealtimeClient } from "@/lib/client/context";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { BannedList } from "./banned-list";
import { GroupMembers } from "./group-members";
import { InviteLinks } from "./invite-links";
import { SendPolicySetting } from "./send-policy-setting";
import { useRejoinGroup } from "./use-rejoin-group";
import { useGroupRights, type MyGroupRights } from "./use-group-rights";

export function GroupSections({ conversation: c }: { conversation: ConversationSummary }) {
  const rights = useGroupRights(c);
  const [bansVersion, setBansVersion] = useState(0);
  return (
    <>
      {rights.archived && !rights.removed && (
        <p className="mt-2.5 bg-panel px-6 py-4 text-sm text-muted" role="note" data-testid="group-archived-note">
          This group is archived: you can read its history, but nobody can send messages.
        </p>
      )}
      {!rights.readOnly && <DisappearingMessages conversation={c} canChange={rights.edit} />}
      {rights.edit && <SendPolicySetting conversation={c} />}
      <GroupMembers conversation={c} rights={rights} onBanned={() => setBansVersion((v) => v + 1)} />
      {rights.invites && <InviteLinks conversation={c} />}
      {rights.manageMembers && <BannedList conversation={c} version={bansVersion} />}
      <ExitGroup conversation={c} rights={rights} />
    </>
  );
}

function ExitGroup({ conversation: c, rights }: { conversation: ConversationSummary; rights: MyGroupRights }) {
  const client = useRealtimeClient();
  const toast = useToast();
  const [leaving, setLeaving] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { rejoin, joining } = useRejoinGroup(c.id);

  // Runs from the confirmation, whose button spins meanwhile; it closes once done or refused.
  const leave = async () => {
    setLeaving(true);
    try {
      await client.leaveGroup(c.id);
      toast(`You left ${c.title}`);
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't leave the group", "error");
    } finally {
      setLeaving(false);
      setConfirming(false);
    }
  };

  return (
    <div className="mt-2.5 mb-6 bg-panel py-2">
      {rights.removed ? (
        <div className="px-6 py-3">
          <p className="mb-3 text-sm text-muted">You&apos;re no longer a member of this group.</p>
          {c.visibility === "PUBLIC" && !rights.archived && (
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
          onClick={() => setConfirming(true)}
          disabled={leaving}
          className="flex w-full items-center gap-5 px-6 py-3 text-left text-danger hover:bg-hover disabled:opacity-60"
          data-testid="leave-group"
        >
          {leaving ? <Spinner size={22} /> : <ExitIcon size={22} />}
          Exit group
        </button>
      )}
      {confirming && (
        <ConfirmDialog
          onClose={() => setConfirming(false)}
          title={`Exit “${c.title}”?`}
          confirmLabel="Exit group"
          onConfirm={leave}
          testId="confirm-exit-dialog"
          confirmTestId="confirm-exit"
        >
          <p className="text-[15px] text-fg">
            {c.visibility === "PRIVATE"
              ? "You won't get its messages any more, and you'll need to be added again or use an invite link to come back."
              : rights.archived
                ? "You won't get its messages any more."
                : "You won't get its messages any more. You can join it again from Discover."}
          </p>
          {rights.myRole === "OWNER" && (
            <p className="mt-3 text-sm text-muted">You&apos;re the owner: ownership passes to an admin, or else to the longest-standing member.</p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
