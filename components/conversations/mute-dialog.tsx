"use client";
// "Mute notifications": for 8 hours (preselected), a week or always, as in WhatsApp. Only my
// view of the chat changes; a muted group still notifies me when someone @mentions me.
import { ChoiceDialog, type Choice } from "@/components/ui/choice-dialog";
import type { MuteFor } from "@/lib/client/profile";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { useChatSettings } from "./use-chat-settings";

const CHOICES: Choice<MuteFor>[] = [
  { value: "8h", label: "8 hours", testId: "mute-for-8h" },
  { value: "1w", label: "1 week", testId: "mute-for-1w" },
  { value: "always", label: "Always", testId: "mute-for-always" },
];

export function MuteDialog({ conversation: c, onClose }: { conversation: ConversationSummary; onClose: () => void }) {
  const updateSettings = useChatSettings();
  return (
    <ChoiceDialog
      onClose={onClose}
      title="Mute notifications"
      legend={
        c.type === "GROUP"
          ? "Other members won't see that you muted this chat. You'll still be notified if you are mentioned."
          : "The other person won't see that you muted this chat."
      }
      name="mute-for"
      choices={CHOICES}
      initial="8h"
      confirmLabel="Mute"
      onChoose={(muteFor: MuteFor) => updateSettings(c, { isMuted: true, muteFor })}
      testId="mute-dialog"
      confirmTestId="mute-confirm"
    />
  );
}
