"use client";
// "Mute notifications": for 8 hours (preselected), a week or always, as in WhatsApp. Only my
// view of the chat changes; a muted group still notifies me when someone @mentions me.
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RadioChoices, type RadioChoice } from "@/components/ui/radio-choices";
import type { MuteFor } from "@/lib/client/profile";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { useChatSettings } from "./use-chat-settings";

const CHOICES: RadioChoice<MuteFor>[] = [
  { value: "8h", label: "8 hours", testId: "mute-for-8h" },
  { value: "1w", label: "1 week", testId: "mute-for-1w" },
  { value: "always", label: "Always", testId: "mute-for-always" },
];

export function MuteDialog({ conversation: c, onClose }: { conversation: ConversationSummary; onClose: () => void }) {
  const updateSettings = useChatSettings();
  const [muteFor, setMuteFor] = useState<MuteFor>("8h");
  const [busy, setBusy] = useState(false);

  const mute = async () => {
    setBusy(true);
    const done = await updateSettings(c, { isMuted: true, muteFor });
    setBusy(false);
    if (done) onClose();
  };

  return (
    <ConfirmDialog
      onClose={onClose}
      title="Mute notifications"
      confirmLabel="Mute"
      tone="accent"
      onConfirm={() => void mute()}
      busy={busy}
      testId="mute-dialog"
      confirmTestId="mute-confirm"
    >
      <RadioChoices
        name="mute-for"
        legend={
          c.type === "GROUP"
            ? "Other members won't see that you muted this chat. You'll still be notified if you are mentioned."
            : "The other person won't see that you muted this chat."
        }
        choices={CHOICES}
        value={muteFor}
        onChange={setMuteFor}
      />
    </ConfirmDialog>
  );
}
