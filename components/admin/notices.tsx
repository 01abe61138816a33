"use client";
// Page-level notices for admin actions: errors are announced assertively (role=alert) and stay
// until dismissed; confirmations are polite (role=status) and fade after a few seconds.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { AlertIcon, CheckIcon, CloseIcon } from "./icons";

type Notice = { id: number; tone: "error" | "success"; text: string };
type NoticeApi = { error: (text: string) => void; success: (text: string) => void };

const NoticeContext = createContext<NoticeApi>({ error: () => {}, success: () => {} });

export function useNotice(): NoticeApi {
  return useContext(NoticeContext);
}

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);

  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), []);
  const push = useCallback(
    (tone: Notice["tone"], text: string) => {
      const id = next.current++;
      // One error at a time (the latest is what matters); a few confirmations.
      setNotices((all) => [...all.filter((n) => (tone === "error" ? n.tone !== "error" : true)).slice(-2), { id, tone, text }]);
      if (tone === "success") setTimeout(() => dismiss(id), 5_000);
    },
    [dismiss],
  );
  const api = useMemo<NoticeApi>(() => ({ error: (t) => push("error", t), success: (t) => push("success", t) }), [push]);

  const errors = notices.filter((n) => n.tone === "error");
  const successes = notices.filter((n) => n.tone === "success");

  return (
    <NoticeContext.Provider value={api}>
      {children}
      <div className="pointer-events-none fixed inset-x-0 bottom-0 z-30 flex flex-col items-center gap-2 p-4 sm:items-end">
        {/* Live regions exist from the start so that additions are announced. */}
        <div role="alert" className="flex w-full flex-col items-center gap-2 sm:items-end" data-testid="notice-errors">
          {errors.map((n) => (
            <NoticeItem key={n.id} notice={n} onDismiss={() => dismiss(n.id)} />
          ))}
        </div>
        <div role="status" className="flex w-full flex-col items-center gap-2 sm:items-end" data-testid="notice-status">
          {successes.map((n) => (
            <NoticeItem key={n.id} notice={n} onDismiss={() => dismiss(n.id)} />
          ))}
        </div>
      </div>
    </NoticeContext.Provider>
  );
}

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const error = notice.tone === "error";
  return (
    <div
      data-testid={error ? "notice-error" : "notice-success"}
      className={`pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg px-4 py-3 text-sm shadow-lg ring-1 ${
        error ? "bg-panel text-fg ring-danger/40 dark:bg-panel-2" : "bg-[#3b4a54] text-white ring-black/10 dark:bg-active dark:text-fg"
      }`}
    >
      <span className={`mt-0.5 shrink-0 ${error ? "text-danger" : "text-badge"}`}>
        {error ? <AlertIcon size={18} /> : <CheckIcon size={18} />}
      </span>
      <p className="min-w-0 flex-1 break-words">{notice.text}</p>
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss"
        className="-m-1 shrink-0 rounded-full p-1 opacity-80 hover:bg-black/10 hover:opacity-100 dark:hover:bg-white/10"
      >
        <CloseIcon size={16} />
      </button>
    </div>
  );
}
