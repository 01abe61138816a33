import type { ReactNode } from "react";

/** A dialog's last row, right-aligned: Cancel (closes without acting), then its own action. */
export function DialogFooter({
  onCancel,
  children,
  className = "",
  cancelTestId,
}: {
  onCancel: () => void;
  children: ReactNode;
  className?: string;
  cancelTestId?: string;
}) {
  return (
    <div className={`flex justify-end gap-2 ${className}`}>
      <button
        type="button"
        onClick={onCancel}
        className="rounded-full px-4 py-2 text-sm font-medium text-accent-strong hover:bg-hover"
        data-testid={cancelTestId}
      >
        Cancel
      </button>
      {children}
    </div>
  );
}
