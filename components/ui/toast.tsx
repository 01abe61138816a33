"use client";
// Short-lived notices ("Couldn't delete the message"), announced politely. <Toasts /> renders
// them; place it inside a landmark.
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";

type Toast = { id: number; text: string; tone: "info" | "error" };
type ToastApi = { show: (text: string, tone?: Toast["tone"]) => void; toasts: Toast[] };
const ToastContext = createContext<ToastApi>({ show: () => {}, toasts: [] });

export function useToast() {
  return useContext(ToastContext).show;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const show = useCallback((text: string, tone: Toast["tone"] = "info") => {
    const id = next.current++;
    setToasts((t) => [...t.slice(-2), { id, text, tone }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), 4_000);
  }, []);
  return <ToastContext.Provider value={{ show, toasts }}>{children}</ToastContext.Provider>;
}

export function Toasts() {
  const { toasts } = useContext(ToastContext);
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed bottom-24 left-1/2 z-50 flex -translate-x-1/2 flex-col items-center gap-2"
      data-testid="toasts"
    >
      {toasts.map((t) => (
        <p
          key={t.id}
          className={`rounded-lg px-4 py-2.5 text-sm shadow-lg ${
            t.tone === "error" ? "bg-danger text-white dark:text-[#111b21]" : "bg-[#3b4a54] text-white"
          }`}
        >
          {t.text}
        </p>
      ))}
    </div>
  );
}
