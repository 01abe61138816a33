"use client";
// "Delete message?" as on WhatsApp Web: "Delete for everyone" (only when I may), "Delete for me"
// and Cancel. The chosen button spins while the caller deletes; the caller closes the dialog once
// done and leaves it open, with the error in a toast, when it fails. Escape, the backdrop, Close and
// Cancel (where the keyboard starts) all close it without deleting.
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";

export type DeleteScope = "me" | "everyone";

type Props = {
  open: boolean;
  /** Offer "Delete for everyone" too. */
  forEveryone: boolean;
  /** Does the deleting, then closes the dialog (or says why it failed); the button spins until it settles. */
  onDelete: (scope: DeleteScope) => Promise<void>;
  onClose: () => void;
  /** How many messages go (picked with "Select messages"); one by default. */
  count?: number;
};

const ACTION =
  "inline-flex items-center justify-center gap-2 rounded-full border border-border px-5 py-2 text-sm font-medium text-accent-strong hover:bg-hover disabled:opacity-60";

export function DeleteMessageDialog({ open, forEveryone, onDelete, onClose, count = 1 }: Props) {
  const [running, setRunning] = useState<DeleteScope | null>(null);

  const run = async (scope: DeleteScope) => {
    setRunning(scope);
    try {
      await onDelete(scope);
    } finally {
      setRunning(null);
    }
  };

  const action = (scope: DeleteScope) => (
    <button
      key={scope}
      type="button"
      onClick={() => void run(scope)}
      disabled={running !== null}
      className={ACTION}
      data-testid={scope === "everyone" ? "delete-for-everyone" : "delete-for-me"}
    >
      {running === scope && <Spinner size={16} className="text-current" />}
      {scope === "everyone" ? "Delete for everyone" : "Delete for me"}
    </button>
  );

  // Cancel is the safe default: the keyboard starts there.
  const cancel = (
    <button key="cancel" type="button" onClick={onClose} className={ACTION} data-testid="delete-cancel" data-autofocus="">
      Cancel
    </button>
  );

  return (
    <Dialog open={open} onClose={onClose} title={count > 1 ? `Delete ${count} messages?` : "Delete message?"} testId="delete-message-dialog">
      {/* Three choices stack, the most far-reaching first; two sit side by side, Cancel first. */}
      <div className={`px-6 pt-4 pb-5 ${forEveryone ? "flex flex-col items-end gap-2" : "flex justify-end gap-2"}`}>
        {forEveryone ? [action("everyone"), action("me"), cancel] : [cancel, action("me")]}
      </div>
    </Dialog>
  );
}
