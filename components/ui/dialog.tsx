"use client";
// A modal dialog: focus moves in and is kept in, Escape closes, focus returns to the opener.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { CloseIcon } from "./icons";
import { IconButton } from "./icon-button";

type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
  /** A body with nothing to click that may be taller than the screen: it takes focus itself, so the keyboard scrolls it. */
  scrollableBody?: boolean;
};

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog({ open, onClose, title, children, testId, wide, scrollableBody }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement as HTMLElement | null;
    const el = ref.current;
    // The first enabled control marked data-autofocus (a search field, the selected option, the
    // safe or primary button), else the first control (the close button).
    const first = el?.querySelector<HTMLElement>("[data-autofocus]:not(:disabled)") ?? el?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? el)?.focus();
    return () => opener?.focus?.();
  }, [open]);

  if (!open || typeof document === "undefined") return null;

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== "Tab" || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div
      className="fixed inset-0 z-40 flex items-center justify-center bg-black/40 p-4 dark:bg-black/60"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={onKeyDown}
        className={`flex max-h-[85vh] w-full flex-col overflow-hidden rounded-xl bg-panel text-fg shadow-2xl outline-none ${wide ? "max-w-lg" : "max-w-md"}`}
      >
        <div className="flex items-center gap-2 border-b border-border px-4 py-3">
          <IconButton label="Close" onClick={onClose}>
            <CloseIcon size={22} />
          </IconButton>
          <h2 id={titleId} className="text-base font-medium">
            {title}
          </h2>
        </div>
        {scrollableBody ? (
          <div className="min-h-0 flex-1 overflow-y-auto outline-none focus-visible:ring-2 focus-visible:ring-accent focus-visible:ring-inset" tabIndex={0} role="region" aria-labelledby={titleId}>
            {children}
          </div>
        ) : (
          <div className="min-h-0 flex-1 overflow-y-auto">{children}</div>
        )}
      </div>
    </div>,
    document.body,
  );
}
