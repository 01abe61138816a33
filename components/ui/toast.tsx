"use client";
// Short-lived notices ("Couldn't delete the message"), announced politely. <Toasts /> renders
// them; place it inside a landmark. A notice may carry one action ("Undo"): it then stays longer,
// and waits while the pointer or the keyboard focus is on it, so the action can be reached.
import { createContext, useCallback, useContext, useEffect, useId, useRef, useState, type FocusEvent, type ReactNode } from "react";

export type ToastAction = { label: string; run: () => void };
type Toast = { id: number; text: string; tone: "info" | "error"; action?: ToastAction };
type Show = (text: string, tone?: Toast["tone"], action?: ToastAction) => void;
type ToastApi = { show: Show; dismiss: (id: number) => void; toasts: Toast[] };
const ToastContext = createContext<ToastApi>({ show: () => {}, dismiss: () => {}, toasts: [] });

const PLAIN_MS = 4_000;
const ACTION_MS = 6_000;

export function useToast() {
  return useContext(ToastContext).show;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const show = useCallback<Show>((text, tone = "info", action) => {
    const id = next.current++;
    // A newer action makes older ones stale (Undo an unarchive after archiving again): keep one.
    setToasts((t) => [...(action ? t.filter((x) => !x.action) : t).slice(-2), { id, text, tone, action }]);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  return <ToastContext.Provider value={{ show, dismiss, toasts }}>{children}</ToastContext.Provider>;
}

export function Toasts() {
  const { toasts, dismiss } = useContext(ToastContext);
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed bottom-24 left-1/2 z-50 flex -translate-x-1/2 flex-col items-center gap-2"
      data-testid="toasts"
    >
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} onDone={dismiss} />
      ))}
    </div>
  );
}

function ToastItem({ toast, onDone }: { toast: Toast; onDone: (id: number) => void }) {
  const { id, text, tone, action } = toast;
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  // Where focus came from, to hand it back when the toast goes away under it.
  const cameFrom = useRef<HTMLElement | null>(null);
  const textId = useId();
  const held = hovered || focused;

  // The countdown starts over once the toast is let go: a half-read notice gets its full time.
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => onDone(id), action ? ACTION_MS : PLAIN_MS);
    return () => clearTimeout(timer);
  }, [held, id, action, onDone]);

  const onFocus = (e: FocusEvent) => {
    if (!focused && e.relatedTarget instanceof HTMLElement) cameFrom.current = e.relatedTarget;
    setFocused(true);
  };
  const onBlur = (e: FocusEvent) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
  };
  const act = () => {
    if (!action) return;
    if (cameFrom.current?.isConnected) cameFrom.current.focus();
    onDone(id);
    action.run();
  };

  const colors = tone === "error" ? "bg-danger text-white dark:text-[#111b21]" : "bg-[#3b4a54] text-white";
  if (!action) {
    return (
      <p className={`rounded-lg px-4 py-2.5 text-sm shadow-lg ${colors}`} data-testid="toast">
        {text}
      </p>
    );
  }
  return (
    <div
      className={`pointer-events-auto flex items-center gap-6 rounded-lg py-1.5 pr-2 pl-4 text-sm shadow-lg ${colors}`}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={onFocus}
      onBlur={onBlur}
      data-testid="toast"
    >
      <span id={textId}>{text}</span>
      <button
        type="button"
        onClick={act}
        aria-describedby={textId}
        // A light green that keeps its contrast on the dark toast in both themes.
        className="rounded-md px-2 py-1 font-medium text-[#71eb85] hover:bg-white/10 focus-visible:outline-white"
      >
        {action.label}
      </button>
    </div>
  );
}
