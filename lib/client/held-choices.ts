// My poll votes and reactions that the server has not answered yet. Each is held over every copy
// of its message that arrives meanwhile: someone else's vote or reaction comes with the server's
// state from before mine, and would otherwise take my tick or emoji off until my answer came.
import type { MessageDto } from "@/lib/realtime/contract";
import { withMyVote } from "./polls";
import { setMyReaction } from "./reactions";

/** What I asked for: my choices in a poll, or whether I want my reaction with one emoji. */
export type MyChoice = { kind: "vote"; options: number[] } | { kind: "reaction"; emoji: string; on: boolean };

/** Per message, per choice key (see choiceKey): the latest choice of mine in flight and its hold id. */
export type HeldChoices = Record<string, Record<string, { holdId: number; choice: MyChoice }>>;

/** A later vote replaces an earlier one; reactions are held per emoji. */
export function choiceKey(choice: MyChoice): string {
  return choice.kind === "vote" ? "vote" : `reaction:${choice.emoji}`;
}

/** The message as it looks with my choice (the input is never mutated). */
export function withChoice(message: MessageDto, choice: MyChoice, meId: string): MessageDto {
  if (choice.kind === "vote") return message.poll ? { ...message, poll: withMyVote(message.poll, meId, choice.options) } : message;
  return { ...message, reactions: setMyReaction(message.reactions, choice.emoji, meId, choice.on) };
}

/** The message with every choice of mine still in flight on it. */
export function withHeldChoices(message: MessageDto, held: HeldChoices, meId: string): MessageDto {
  const mine = held[message.id];
  if (!mine) return message;
  let shown = message;
  for (const { choice } of Object.values(mine)) shown = withChoice(shown, choice, meId);
  return shown;
}

/** Holds a choice: it replaces an earlier one of the same key. */
export function holdChoice(held: HeldChoices, messageId: string, choice: MyChoice, holdId: number): HeldChoices {
  return { ...held, [messageId]: { ...held[messageId], [choiceKey(choice)]: { holdId, choice } } };
}

/** Lets a hold go once its request is answered; a newer choice held since stays. */
export function releaseChoice(held: HeldChoices, messageId: string, choice: MyChoice, holdId: number): HeldChoices {
  const mine = held[messageId];
  const key = choiceKey(choice);
  if (mine?.[key]?.holdId !== holdId) return held;
  const rest = { ...mine };
  delete rest[key];
  const next = { ...held, [messageId]: rest };
  if (Object.keys(rest).length === 0) delete next[messageId];
  return next;
}
