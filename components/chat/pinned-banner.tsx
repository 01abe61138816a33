"use client";
// The bar under the chat header that shows the chat's pinned messages (WhatsApp's): one at a
// time, newest first, with a mark per pin. A click shows that message in the chat and moves to
// the next pin; those who may pin can unpin from here.
import { useState } from "react";
import { PinIcon, PinOffIcon } from "@/components/ui/icons";
import { IconButton } from "@/components/ui/icon-button";
import { useToast } from "@/components/ui/toast";
import { useChat } from "@/lib/client/context";
import { useNow } from "@/lib/client/hooks";
import type { PinDto } from "@/lib/realtime/contract";
import { replyPreviewText } from "./reply-quote";
import { useJumpToMessage } from "./use-jump";
import { useUnpin } from "./use-pins";

type Props = { conversationId: string; canPin: boolean };

const NO_PINS: PinDto[] = [];

export function PinnedBanner({ conversationId, canPin }: Props) {
  const toast = useToast();
  const unpin = useUnpin(conversationId);
  const jump = useJumpToMessage();
  const now = useNow(30_000);
  const meId = useChat((s) => s.me.id);
  const allPins = useChat((s) => s.pins[conversationId] ?? NO_PINS);
  const items = useChat((s) => s.messages[conversationId]?.items);
  const pins = allPins.filter((p) => Date.parse(p.expiresAt) > now.getTime());
  // A new or removed pin starts again from the newest, as in WhatsApp.
  const key = pins.map((p) => p.message.id).join(",");
  const [cursor, setCursor] = useState({ key, index: 0 });
  const index = cursor.key === key ? cursor.index % Math.max(pins.length, 1) : 0;

  if (!pins.length) return null;
  const current = pins[index]!;
  // The loaded copy is fresher than the pin's (an edit since).
  const loaded = items?.find((m) => m.id === current.message.id);
  const preview = loaded ? { ...current.message, text: loaded.text } : current.message;
  const who = preview.senderId === meId ? "You" : preview.senderName;
  const text = replyPreviewText(preview);
  const position = pins.length > 1 ? `${index + 1} of ${pins.length}` : "";

  const show = () => {
    void jump({ conversationId, messageId: current.message.id, seq: current.message.seq }).then((ok) => {
      if (!ok) toast("Couldn't load the pinned message", "error");
    });
    setCursor({ key, index: (index + 1) % pins.length });
  };

  return (
    <div
      className="z-10 flex shrink-0 items-center gap-1 border-b border-border bg-panel pr-2 pl-3 shadow-[0_1px_2px_rgba(11,20,26,.06)]"
      role="region"
      aria-label="Pinned messages"
      data-testid="pinned-banner"
    >
      {pins.length > 1 && (
        <span className="flex h-9 w-[3px] flex-col gap-[2px]" aria-hidden="true">
          {pins.map((p, i) => (
            <span key={p.message.id} className={`flex-1 rounded-full ${i === index ? "bg-accent" : "bg-border"}`} />
          ))}
        </span>
      )}
      <button
        type="button"
        onClick={show}
        className="flex min-w-0 flex-1 items-center gap-3 py-2 pl-2 text-left"
        data-testid="pinned-banner-show"
        data-message-id={current.message.id}
      >
        <PinIcon size={18} className="shrink-0 text-muted" />
        <span className="min-w-0 flex-1">
          <span className="block text-[12.5px] text-muted">
            Pinned message{position && <span className="sr-only">, {position}</span>}
          </span>
          <span className="block truncate text-[14px] text-fg" data-testid="pinned-banner-text">
            <span className="font-medium">{who}: </span>
            <span className={preview.deleted ? "italic" : ""}>{text}</span>
          </span>
        </span>
        <span className="sr-only">. Show it in the chat</span>
      </button>
      {canPin && (
        <IconButton label="Unpin this message" onClick={() => unpin(current.message.id)} data-testid="pinned-banner-unpin">
          <PinOffIcon size={20} />
        </IconButton>
      )}
    </div>
  );
}
