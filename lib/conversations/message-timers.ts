// Disappearing messages, as in WhatsApp: new messages go 24 hours, 7 days or 90 days after they
// are sent. Shared by the server that checks a choice and the browser that offers it.

export const MESSAGE_TIMERS = [
  { seconds: 24 * 3600, label: "24 hours" },
  { seconds: 7 * 24 * 3600, label: "7 days" },
  { seconds: 90 * 24 * 3600, label: "90 days" },
] as const;

export type MessageTimerSeconds = (typeof MESSAGE_TIMERS)[number]["seconds"];

export function isMessageTimer(seconds: number): seconds is MessageTimerSeconds {
  return MESSAGE_TIMERS.some((t) => t.seconds === seconds);
}

/** "7 days"; "Off" for no timer. */
export function messageTimerLabel(seconds: number | null): string {
  return MESSAGE_TIMERS.find((t) => t.seconds === seconds)?.label ?? "Off";
}
