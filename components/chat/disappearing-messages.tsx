"use client";
// Contact / group info: "Disappearing messages" and the chat's timer. Those who may change it
// (either person of a direct chat; a group's admins) choose 24 hours, 7 days, 90 days or Off.
import { useState } from "react";
import { ChoiceDialog, type Choice } from "@/components/ui/choice-dialog";
import { ChevronRightIcon, TimerIcon } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useChatStoreApi } from "@/lib/client/context";
import { profileApi } from "@/lib/client/profile";
import { MESSAGE_TIMERS, messageTimerLabel } from "@/lib/conversations/message-timers";
import type { ConversationSummary } from "@/lib/realtime/contract";

type Props = { conversation: ConversationSummary; canChange: boolean };

export function DisappearingMessages({ conversation: c, canChange }: Props) {
  const [choosing, setChoosing] = useState(false);
  const summary = (
    <>
      <TimerIcon size={22} className="shrink-0 text-muted" />
      <span className="min-w-0 flex-1">
        <span className="block text-[15px] text-fg">Disappearing messages</span>
        <span className="block text-[13px] text-muted" data-testid="message-timer-value">
          {messageTimerLabel(c.messageTimerSec)}
        </span>
      </span>
    </>
  );
  return (
    <div className="mt-2.5 bg-panel">
      {canChange ? (
        <button
          type="button"
          onClick={() => setChoosing(true)}
          className="flex w-full items-center gap-5 px-6 py-3 text-left hover:bg-hover"
          data-testid="message-timer-row"
        >
          {summary}
          <ChevronRightIcon size={20} className="text-muted" />
        </button>
      ) : (
        <div className="flex items-center gap-5 px-6 py-3" data-testid="message-timer-row">
          {summary}
        </div>
      )}
      {choosing && <MessageTimerDialog conversation={c} onClose={() => setChoosing(false)} />}
    </div>
  );
}

const CHOICES: Choice<number | null>[] = [
  ...MESSAGE_TIMERS.map((t) => ({ value: t.seconds, label: t.label, testId: `message-timer-${t.seconds}` })),
  { value: null, label: "Off", testId: "message-timer-off" },
];

function MessageTimerDialog({ conversation: c, onClose }: { conversation: ConversationSummary; onClose: () => void }) {
  const store = useChatStoreApi();
  const toast = useToast();

  const save = async (seconds: number | null) => {
    try {
      const { conversation } = await profileApi.messageTimer(c.id, seconds);
      store.getState().patchConversation(conversation);
      toast(seconds === null ? "Disappearing messages turned off" : `Disappearing messages: ${messageTimerLabel(seconds)}`);
      return true;
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't change disappearing messages", "error");
      return false;
    }
  };

  return (
    <ChoiceDialog
      onClose={onClose}
      title="Disappearing messages"
      legend="New messages will disappear from this chat for everyone this long after they're sent. Messages sent before stay."
      name="message-timer"
      choices={CHOICES}
      initial={c.messageTimerSec}
      confirmLabel="Save"
      onChoose={save}
      testId="message-timer-dialog"
      confirmTestId="message-timer-save"
    />
  );
}
