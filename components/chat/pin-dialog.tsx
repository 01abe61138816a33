"use client";
// "Choose how long your pin lasts": 24 hours, 7 days (preselected) or 30 days, as in WhatsApp.
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RadioChoices, type RadioChoice } from "@/components/ui/radio-choices";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useRealtimeClient } from "@/lib/client/context";
import type { PinDuration } from "@/lib/client/message-api";
import type { ViewMessage } from "@/lib/client/rows";

const CHOICES: RadioChoice<PinDuration>[] = [
  { value: "24h", label: "24 hours", testId: "pin-duration-24h" },
  { value: "7d", label: "7 days", testId: "pin-duration-7d" },
  { value: "30d", label: "30 days", testId: "pin-duration-30d" },
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
      <RadioChoices
        name="pin-duration"
        legend="Everyone in this chat sees it at the top. You can unpin it at any time."
        choices={CHOICES}
        value={duration}
        onChange={setDuration}
      />
    </ConfirmDialog>
  );
}
