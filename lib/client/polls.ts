// Poll choices in the browser: what a click on an option makes my vote, and the poll as it
// looks with that vote (shown at once, before the server's copy arrives).
import type { PollDto } from "@/lib/realtime/contract";

/** The options I chose, by index. */
export function myChoices(poll: PollDto, meId: string): number[] {
  return poll.options.flatMap((o, i) => (o.voterIds.includes(meId) ? [i] : []));
}

/** A click on `option`: toggles it; in a one-answer poll it replaces my other choice. */
export function nextChoices(poll: PollDto, meId: string, option: number): number[] {
  const mine = myChoices(poll, meId);
  if (mine.includes(option)) return mine.filter((o) => o !== option);
  return poll.multiple ? [...mine, option].sort((a, b) => a - b) : [option];
}

/** The poll with my vote set to `choices`. */
export function withMyVote(poll: PollDto, meId: string, choices: number[]): PollDto {
  return {
    ...poll,
    options: poll.options.map((o, i) => {
      const others = o.voterIds.filter((id) => id !== meId);
      return { ...o, voterIds: choices.includes(i) ? [...others, meId] : others };
    }),
  };
}

/** Everyone who voted, once each (a multiple-answer poll counts people, not choices). */
export function voterCount(poll: PollDto): number {
  return new Set(poll.options.flatMap((o) => o.voterIds)).size;
}
