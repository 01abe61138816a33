"use client";
// In place of the composer in a group I left or was removed from: the history stays readable
// until I delete the chat (after a reload the server doesn't list it any more); a public group
// can be joined again.
import { useState } from "react";
import { useChatNavigation } from "@/components/chat/navigation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { useChat } from "@/lib/client/context";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { useRejoinGroup } from "./use-rejoin-group";

export function NotMemberNotice({ conversation: c }: { conversation: ConversationSummary }) {
  const toast = useToast();
  const { deleteLeftChat } = useChatNavigation();
  const { rejoin, joining } = useRejoinGroup(c.id);
  // An archived group takes nobody in.
  const archived = useChat((s) => !!s.archived[c.id]);
  const [confirming, setConfirming] = useState(false);

  const deleteChat = () => {
    deleteLeftChat(c.id);
    toast(`Deleted “${c.title}”`);
  };

  return (
    <div className="flex shrink-0 flex-col items-center gap-2 bg-panel-2 px-4 py-4 text-center text-sm text-muted" data-testid="not-member-notice" role="note">
      <p>You&apos;re no longer a member of this group, so you can&apos;t send messages here.</p>
      <div className="flex flex-wrap justify-center gap-2">
        {c.visibility === "PUBLIC" && !archived && (
          <button
            type="button"
            onClick={() => void rejoin()}
            disabled={joining}
            className="rounded-full bg-accent px-4 py-1.5 font-medium text-accent-fg hover:bg-accent-strong disabled:opacity-60"
          >
            Join again
          </button>
        )}
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="rounded-full px-4 py-1.5 font-medium text-danger ring-1 ring-border hover:bg-hover"
          data-testid="delete-left-chat"
        >
          Delete group
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          onClose={() => setConfirming(false)}
          title={`Delete “${c.title}”?`}
          confirmLabel="Delete group"
          onConfirm={deleteChat}
          testId="confirm-delete-left-chat"
          confirmTestId="confirm-delete-left"
        >
          <p className="text-[15px] text-fg">Its messages leave your chat list and this device. The other members keep theirs.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
