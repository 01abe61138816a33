"use client";
// "Choose how long your pin lasts": 24 hours, 7 days (preselected) or 30 days, as in WhatsApp.
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useRealtimeClient } from "@/lib/client/context";
import type { PinDuration } from "@/lib/client/message-api";
import type { ViewMessage } from "@/lib/client/rows";

const CHOICES: { value: PinDuration; label: string }[] = [
  { value: "24h", label: "24 hours" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
];

type Props = { message: ViewMessage | null; conversationId: string; onClose: () => void };

export function PinDialog({ message, conversationId, onClose }: Props) {
  const client = useRealtimeClient();
  const toast = useToast();
  const [duration, setDuration] = useState<PinDuration>("7d");
  const [busy, setBusy] = useState(false);

  const pin = async () => {
    if (!message?.id) return;
    setBusy(true);
    try {
      await client.pin(conversationId, message.id, duration);
      toast("Message pinned");
      onClose();
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't pin the message", "error");
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      open={!!message}
      onClose={onClose}
      title="Choose how long your pin lasts"
      confirmLabel="Pin"
      tone="accent"
      onConfirm={() => void pin()}
      busy={busy}
      testId="pin-dialog"
      confirmTestId="pin-confirm"
    >
      <fieldset>
        <legend className="text-[15px] leading-6 text-muted">Everyone in this chat sees it at the top. You can unpin it at any time.</legend>
        <div className="mt-3 flex flex-col">
          {CHOICES.map((c) => (
            <label key={c.value} className="flex cursor-pointer items-center gap-3 rounded-lg px-2 py-2.5 text-[15px] hover:bg-hover">
              <input
                type="radio"
                name="pin-duration"
                value={c.value}
                checked={duration === c.value}
                onChange={() => setDuration(c.value)}
                className="size-4 accent-[var(--color-accent)]"
                data-testid={`pin-duration-${c.value}`}
              />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
    </ConfirmDialog>
  );
}
