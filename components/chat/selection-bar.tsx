"use client";
// In place of the composer while "Select messages" is on: how many are picked, and what can be
// done with them together (copy, star or unstar, delete, forward), as in WhatsApp Web. Each action
// ends the selection once done; a failure says why and keeps the selection.
import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { CloseIcon, CopyIcon, ForwardIcon, StarIcon, StarOffIcon, TrashIcon } from "@/components/ui/icons";
import { IconButton } from "@/components/ui/icon-button";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useChat, useRealtimeClient } from "@/lib/client/context";
import type { ViewMessage } from "@/lib/client/rows";
import { selectionRights, selectionText } from "@/lib/client/selection";
import { DeleteMessageDialog, type DeleteScope } from "./delete-message-dialog";
import { ForwardDialog } from "./forward-dialog";

type Props = {
  conversationId: string;
  /** The picked messages, oldest first. */
  selected: ViewMessage[];
  canWrite: boolean;
  nameOf: (userId: string) => string;
  onEnd: () => void;
};

const reason = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

export function SelectionBar({ conversationId, selected, canWrite, nameOf, onEnd }: Props) {
  const client = useRealtimeClient();
  const toast = useToast();
  const { meId, starred } = useChat(useShallow((s) => ({ meId: s.me.id, starred: s.starred })));
  const [forwarding, setForwarding] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const n = selected.length;
  const rights = selectionRights(selected, { meId, canWrite, starred });
  const some = (one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

  const copy = () => {
    navigator.clipboard
      ?.writeText(selectionText(selected, nameOf))
      .then(() => {
        toast(some("Message copied", "messages copied"));
        onEnd();
      })
      .catch(() => toast("Couldn't copy", "error"));
  };
  const star = () => {
    const on = !rights.allStarred;
    client
      .setStar(
        selected.map((m) => m.id!),
        on,
      )
      .then(() => {
        toast(on ? some("Message starred", "messages starred") : some("Message unstarred", "messages unstarred"));
        onEnd();
      })
      .catch((err: unknown) => toast(reason(err, "Couldn't update the stars"), "error"));
  };
  const remove = async (scope: DeleteScope) => {
    try {
      await client.deleteMessages(selected, scope, conversationId);
    } catch (err) {
      toast(reason(err, "Couldn't delete the messages"), "error");
      return;
    }
    toast(some("Message deleted", "messages deleted"));
    setDeleting(false);
    onEnd();
  };

  return (
    <div
      role="group"
      aria-label="Selected messages"
      className="flex min-h-[62px] items-center gap-1 border-t border-border bg-panel-2 px-3 py-2 sm:gap-2 sm:px-4"
      data-testid="selection-bar"
    >
      <IconButton label="Cancel selection" onClick={onEnd} data-testid="selection-cancel">
        <CloseIcon size={22} />
      </IconButton>
      <p className="min-w-0 flex-1 truncate text-[15px] text-fg" aria-live="polite" data-testid="selection-count">
        {n} selected
      </p>
      <IconButton label="Copy" onClick={copy} disabled={!rights.canCopy} data-testid="selection-copy">
        <CopyIcon size={22} />
      </IconButton>
      <IconButton label={rights.allStarred ? "Unstar" : "Star"} onClick={star} disabled={n === 0} data-testid="selection-star">
        {rights.allStarred ? <StarOffIcon size={22} /> : <StarIcon size={22} />}
      </IconButton>
      <IconButton label="Delete" onClick={() => setDeleting(true)} disabled={n === 0} data-testid="selection-delete">
        <TrashIcon size={22} />
      </IconButton>
      <IconButton label="Forward" onClick={() => setForwarding(true)} disabled={!rights.canForward} data-testid="selection-forward">
        <ForwardIcon size={22} />
      </IconButton>
      <ForwardDialog
        messages={forwarding ? selected : null}
        onClose={() => setForwarding(false)}
        onForwarded={() => {
          setForwarding(false);
          onEnd();
        }}
      />
      <DeleteMessageDialog open={deleting} count={n} forEveryone={rights.canDeleteForEveryone} onDelete={remove} onClose={() => setDeleting(false)} />
    </div>
  );
}
