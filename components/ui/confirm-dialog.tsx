"use client";
// "Are you sure?": an explanation, Cancel, and the action's own button (red when it takes
// something away). Escape, the backdrop and Cancel all close it without acting.
// The keyboard starts on the safe choice: Cancel when the action takes something away, the action
// itself otherwise; content can claim it instead with `data-autofocus` (ChoiceDialog's selected
// option). Enter in one of the content's fields (a radio) confirms, as in WhatsApp.
import { useState, type ReactNode } from "react";
import { Dialog } from "./dialog";
import { DialogFooter } from "./dialog-footer";
import { Spinner } from "./spinner";

type Props = {
  title: string;
  /** What the action does, as paragraphs. */
  children: ReactNode;
  confirmLabel: ReactNode;
  /** The action. When it returns a promise, the button is disabled and spins until it settles. */
  onConfirm: () => void | Promise<unknown>;
  onClose: () => void;
  open?: boolean;
  tone?: "danger" | "accent";
  /** The action is running elsewhere: its button is disabled and spins. */
  busy?: boolean;
  testId: string;
  confirmTestId: string;
};

const TONE = {
  danger: "bg-danger text-white hover:opacity-90 dark:text-[#111b21]",
  accent: "bg-accent text-accent-fg hover:bg-accent-strong",
};

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose, open = true, tone = "danger", busy = false, testId, confirmTestId }: Props) {
  const [running, setRunning] = useState(false);
  const working = busy || running;
  const confirm = () => {
    const result = onConfirm();
    if (!(result instanceof Promise)) return;
    setRunning(true);
    void result.finally(() => setRunning(false));
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== "Enter" || e.nativeEvent.isComposing || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    if (!(e.target instanceof HTMLInputElement)) return;
    e.preventDefault();
    if (!working) confirm();
  };
  return (
    <Dialog open={open} onClose={onClose} title={title} testId={testId}>
      <div className="px-6 pt-4 pb-5" onKeyDown={onKeyDown}>
        {children}
        <DialogFooter onCancel={onClose} className="mt-6" focusCancel={tone === "danger"}>
          <button
            type="button"
            onClick={confirm}
            disabled={working}
            className={`inline-flex items-center gap-2 rounded-full px-5 py-2 text-sm font-medium disabled:opacity-60 ${TONE[tone]}`}
            data-testid={confirmTestId}
            data-autofocus={tone === "accent" ? "" : undefined}
          >
            {working && <Spinner size={16} className="text-current" />}
            {confirmLabel}
          </button>
        </DialogFooter>
      </div>
    </Dialog>
  );
}
