"use client";
// The message box: auto-growing, Enter sends, Shift+Enter adds a line, 4096 characters max,
// typing signals throttled by the realtime client.
import { forwardRef, useLayoutEffect, useRef, type ForwardedRef } from "react";
import { SendIcon } from "@/components/ui/icons";
import { useChat, useChatStoreApi, useRealtimeClient } from "@/lib/client/context";
import { MAX_MESSAGE_LENGTH } from "@/lib/client/outbox";

type Props = { conversationId: string; onSent: () => void };

const fmt = (n: number) => n.toLocaleString("en-US");

export const Composer = forwardRef(function Composer({ conversationId, onSent }: Props, ref: ForwardedRef<HTMLTextAreaElement>) {
  const client = useRealtimeClient();
  const store = useChatStoreApi();
  const draft = useChat((s) => s.drafts[conversationId] ?? "");
  const local = useRef<HTMLTextAreaElement | null>(null);

  const length = draft.trim().length;
  const tooLong = length > MAX_MESSAGE_LENGTH;
  const canSend = length > 0 && !tooLong;

  useLayoutEffect(() => {
    const el = local.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, 148)}px`;
  }, [draft]);

  const setRefs = (el: HTMLTextAreaElement | null) => {
    local.current = el;
    if (typeof ref === "function") ref(el);
    else if (ref) ref.current = el;
  };

  const send = () => {
    if (!canSend) return;
    if (client.send(conversationId, draft)) {
      store.getState().setDraft(conversationId, "");
      onSent();
    }
  };

  return (
    <form
      className="shrink-0 bg-panel-2 px-3 py-2.5 md:px-4"
      onSubmit={(e) => {
        e.preventDefault();
        send();
        local.current?.focus();
      }}
      aria-label="Send a message"
    >
      {tooLong && (
        <p id="composer-error" role="alert" className="mb-2 px-2 text-sm text-danger" data-testid="composer-error">
          Message is too long: {fmt(length)} of {fmt(MAX_MESSAGE_LENGTH)} characters. Shorten it to send.
        </p>
      )}
      <div className="flex items-end gap-2">
        <div className="flex min-h-[42px] min-w-0 flex-1 items-center rounded-lg bg-panel px-3 py-[9px] ring-accent/60 focus-within:ring-1">
          <textarea
            ref={setRefs}
            rows={1}
            value={draft}
            onChange={(e) => {
              store.getState().setDraft(conversationId, e.target.value);
              client.typingInput(conversationId, e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                send();
              }
            }}
            onBlur={() => client.typingStop(conversationId)}
            placeholder="Type a message"
            aria-label="Type a message"
            aria-invalid={tooLong || undefined}
            aria-describedby={tooLong ? "composer-error" : undefined}
            data-testid="composer-input"
            className="block max-h-[148px] w-full resize-none bg-transparent text-[15px] leading-6 text-fg outline-none placeholder:text-muted"
          />
        </div>
        {length > MAX_MESSAGE_LENGTH - 300 && !tooLong && (
          <span className="self-center text-xs text-muted" aria-live="polite">
            {fmt(MAX_MESSAGE_LENGTH - length)} left
          </span>
        )}
        <button
          type="submit"
          disabled={!canSend}
          aria-label="Send"
          title="Send"
          data-testid="send-button"
          className="flex h-[42px] w-[42px] shrink-0 items-center justify-center rounded-full bg-accent text-accent-fg transition hover:bg-accent-strong disabled:bg-transparent disabled:text-muted"
        >
          <SendIcon size={22} />
        </button>
      </div>
    </form>
  );
});
