// Colours of secondary text inside a message bubble. My bubble is dark green in dark mode: the
// theme's grey and accent green read too faintly on it (under 4.5:1), so it gets lighter ones.

/** The time, ticks, "Forwarded" and other secondary text. */
export function bubbleMetaColor(mine: boolean): string {
  return mine ? "text-muted dark:text-white/75" : "text-muted";
}

/** A text action in a bubble (a poll's "View votes"); 4.6:1 on my dark bubble even hovered. */
export function bubbleActionColor(mine: boolean): string {
  return mine ? "text-accent-strong dark:text-[#6be6c5]" : "text-accent-strong";
}
