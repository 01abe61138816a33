"use client";
// A modal dialog on the native <dialog>: showModal() makes the rest of the page inert (focus
// stays inside), Escape and the Close button close it, and focus returns to the opener. Mounted
// only while open, so its form state starts fresh every time. Put `data-autofocus` on the
// control that should take focus first (default: the first focusable one, i.e. Close).
import { useEffect, useId, useRef, type ReactNode } from "react";
import { CloseIcon } from "./icons";

type Props = {
  open: boolean;
  onClose: () => void;
  title: string;
  /** One sentence under the title, read out with it. */
  description?: ReactNode;
  children: ReactNode;
  testId?: string;
  size?: "sm" | "md" | "lg";
  /**
   * The children scroll their own body and keep their buttons in a footer below it (a long
   * form): the dialog hands them its height instead of scrolling them as a whole.
   */
  ownScroll?: boolean;
};

const WIDTH = { sm: "max-w-sm", md: "max-w-md", lg: "max-w-xl" };

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function AdminDialog(props: Props) {
  if (!props.open) return null;
  return <OpenDialog {...props} />;
}

function OpenDialog({ onClose, title, description, children, testId, size = "md", ownScroll = false }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = "hidden";
    return () => {
      root.style.overflow = overflow;
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      // Escape: close through React state (the browser would close it behind our back).
      onCancel={(e) => {
        e.preventDefault();
        onCloseRef.current();
      }}
      // Closed by the browser anyway (e.g. a second Escape): keep the state in step.
      onClose={() => {
        if (!ref.current?.open) onCloseRef.current();
      }}
      // Tab and Shift+Tab cycle inside (the browser would let focus escape to its own UI).
      onKeyDown={(e) => {
        if (e.key !== "Tab" || !ref.current) return;
        const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
        if (items.length === 0) return;
        const first = items[0]!;
        const last = items[items.length - 1]!;
        if (e.shiftKey && (document.activeElement === first || document.activeElement === ref.current)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }}
      // A press on the backdrop (the dialog element itself, outside its panel) closes it.
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onCloseRef.current();
      }}
      className={`m-auto max-h-[min(90dvh,760px)] w-[calc(100%-1.5rem)] ${WIDTH[size]} overflow-hidden rounded-2xl bg-panel p-0 text-fg shadow-2xl ring-1 ring-black/5 backdrop:bg-[#0b141a]/55 dark:ring-white/10 dark:backdrop:bg-black/70`}
    >
      <div className="flex max-h-[inherit] flex-col">
        <div className="flex items-start gap-3 px-5 pt-5 pb-3">
          <div className="min-w-0 flex-1">
            <h2 id={titleId} className="text-lg leading-snug font-semibold">
              {title}
            </h2>
            {description && (
              <div id={descriptionId} className="mt-1 text-sm text-muted">
                {description}
              </div>
            )}
          </div>
          <button
            type="button"
            onClick={() => onCloseRef.current()}
            aria-label="Close"
            className="-mt-1 -mr-2 inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-full text-muted hover:bg-hover hover:text-fg dark:hover:bg-active"
          >
            <CloseIcon size={20} />
          </button>
        </div>
        <div className={ownScroll ? "flex min-h-0 flex-1 flex-col" : "min-h-0 flex-1 overflow-y-auto px-5 pb-5"}>{children}</div>
      </div>
    </dialog>
  );
}

/** The row of buttons at the bottom of a dialog: secondary first, primary last (right). */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">{children}</div>;
}
