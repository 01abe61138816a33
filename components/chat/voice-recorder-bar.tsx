"use client";
// Shown in place of the message box while a voice message records: discard, the running time,
// send. Focus starts on Send, so Enter sends and Escape discards without reaching for the mouse.
import { useEffect, useRef, useState } from "react";
import { SendIcon, TrashIcon } from "@/components/ui/icons";
import { formatDuration } from "@/lib/client/format";
import { MAX_VOICE_SECONDS } from "@/lib/client/voice-recorder";

type Props = {
  /** performance.now() when recording began. */
  startedAt: number;
  onDiscard: () => void;
  onSend: () => void;
};

export function VoiceRecorderBar({ startedAt, onDiscard, onSend }: Props) {
  const [seconds, setSeconds] = useState(0);
  const sendButton = useRef<HTMLButtonElement>(null);
  const limitReached = seconds >= MAX_VOICE_SECONDS;

  useEffect(() => {
    sendButton.current?.focus();
    const timer = setInterval(() => setSeconds((performance.now() - startedAt) / 1000), 250);
    return () => clearInterval(timer);
  }, [startedAt]);

  // At the limit the recording goes out as it is, like a full voice note in WhatsApp.
  useEffect(() => {
    if (limitReached) onSend();
  }, [limitReached, onSend]);

  return (
    <div
      className="flex flex-1 items-center justify-end gap-2"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onDiscard();
        }
      }}
      data-testid="voice-recorder"
    >
      <button
        type="button"
        onClick={onDiscard}
        aria-label="Discard voice message"
        title="Discard (Esc)"
        className="flex h-[42px] w-[42px] shrink-0 items-center justify-center rounded-full text-muted transition hover:bg-active hover:text-fg"
        data-testid="voice-discard"
      >
        <TrashIcon size={22} />
      </button>
      <span className="flex items-center gap-2 px-2 text-[15px] tabular-nums text-fg">
        <span className="h-2.5 w-2.5 animate-pulse rounded-full bg-danger" aria-hidden="true" />
        <span className="sr-only">Recording voice message, </span>
        <span role="timer" aria-live="off" data-testid="voice-elapsed">
          {formatDuration(seconds)}
        </span>
      </span>
      <button
        ref={sendButton}
        type="button"
        onClick={onSend}
        aria-label="Send voice message"
        title="Send"
        className="flex h-[42px] w-[42px] shrink-0 items-center justify-center rounded-full bg-accent text-accent-fg transition hover:bg-accent-strong"
        data-testid="voice-send"
      >
        <SendIcon size={22} />
      </button>
    </div>
  );
}
