"use client";
// "Choose how long your pin lasts": 24 hours, 7 days (preselected) or 30 days, as in WhatsApp.
import { ChoiceDialog, type Choice } from "@/components/ui/choice-dialog";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useRealtimeClient } from "@/lib/client/context";
import type { PinDuration } from "@/lib/client/message-api";
import type { ViewMessage } from "@/lib/client/rows";

const CHOICES: Choice<PinDuration>[] = [
  { value: "24h", label: "24 hours", testId: "pin-duration-24h" },
  { value: "7d", label: "7 days", testId: "pin-duration-7d" },
  { value: "30d", label: "30 days", testId: "pin-duration-30d" },
];

type Props = { message: ViewMessage | null; conversationId: string; onClose: () => void };

export function PinDialog({ message, conversationId, onClose }: Props) {
  const client = useRealtimeClient();
  const toast = useToast();

  const pin = async (duration: PinDuration) => {
    if (!message?.id) return false;
    try {
      await client.pin(conversationId, message.id, duration);
      toast("Message pinned");
      return true;
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't pin the message", "error");
      return false;
    }
  };

  return (
    <ChoiceDialog
      open={!!message}
      onClose={onClose}
      title="Choose how long your pin lasts"
      legend="Everyone in this chat sees it at the top. You can unpin it at any time."
      name="pin-duration"
      choices={CHOICES}
      initial="7d"
      confirmLabel="Pin"
      onChoose={pin}
      testId="pin-dialog"
      confirmTestId="pin-confirm"
    />
  );
}
