import type { ReactNode } from "react";

/** A dialog's last row, right-aligned: Cancel (closes without acting), then its own action. */
export function DialogFooter({
  onCancel,
  children,
  className = "",
  cancelTestId,
  focusCancel = false,
}: {
  onCancel: () => void;
  children: ReactNode;
  className?: string;
  cancelTestId?: string;
  /** Cancel is the dialog's safe default: the keyboard starts there (see Dialog's data-autofocus). */
  focusCancel?: boolean;
}) {
  return (
    <div className={`flex justify-end gap-2 ${className}`}>
      <button
        type="button"
        onClick={onCancel}
        className="rounded-full px-4 py-2 text-sm font-medium text-accent-strong hover:bg-hover"
        data-testid={cancelTestId}
        data-autofocus={focusCancel ? "" : undefined}
      >
        Cancel
      </button>
      {children}
    </div>
  );
}
