// Reactions on a message: the quick set, the picker grid, setting mine (optimistic) and labels.
import type { ReactionDto } from "@/lib/realtime/contract";

/** The six one-tap reactions, as in WhatsApp. */
export const QUICK_REACTIONS = ["👍", "❤️", "😂", "😮", "😢", "🙏"] as const;

/** The small picker behind "+": common emoji, grouped loosely (faces, hands, hearts, objects). */
export const EMOJI_GRID = [
  "😀", "😃", "😄", "😁", "😆", "😅", "🤣", "😊",
  "🙂", "😉", "😍", "🥰", "😘", "😎", "🤩", "🥳",
  "🤔", "🤨", "😐", "🙄", "😏", "😴", "😬", "🤯",
  "😱", "😭", "😡", "🤬", "🥺", "😇", "🤗", "🤝",
  "👏", "🙌", "👌", "✌️", "🤞", "💪", "👀", "👎",
  "💯", "🔥", "✨", "🎉", "💔", "💙", "💚", "💜",
  "⭐", "✅", "❌", "⚡", "🌹", "🍕", "☕", "🚀",
] as const;

/**
 * My reaction with `emoji` on or off: added last (as the newest) when it was not there, taken off
 * when it was. An emoji nobody has any more disappears; the input is never mutated.
 */
export function setMyReaction(reactions: readonly ReactionDto[], emoji: string, userId: string, on: boolean): ReactionDto[] {
  if (hasReacted(reactions, emoji, userId) === on) return reactions as ReactionDto[];
  const existing = reactions.find((r) => r.emoji === emoji);
  if (!existing) return [...reactions, { emoji, userIds: [userId] }];
  if (!on) {
    const userIds = existing.userIds.filter((id) => id !== userId);
    return userIds.length
      ? reactions.map((r) => (r.emoji === emoji ? { emoji, userIds } : r))
      : reactions.filter((r) => r.emoji !== emoji);
  }
  return reactions.map((r) => (r.emoji === emoji ? { emoji, userIds: [...r.userIds, userId] } : r));
}

export function hasReacted(reactions: readonly ReactionDto[], emoji: string, userId: string): boolean {
  return reactions.some((r) => r.emoji === emoji && r.userIds.includes(userId));
}

/** Total number of reactions (one person with two emoji counts twice, like the chips show). */
export function reactionCount(reactions: readonly ReactionDto[]): number {
  return reactions.reduce((n, r) => n + r.userIds.length, 0);
}

/** "You, Ana Lima and Ben": who reacted with one emoji, me first. */
export function reactorNames(userIds: readonly string[], meId: string, nameOf: (id: string) => string): string {
  const names = [...userIds]
    .sort((a, b) => (a === meId ? -1 : b === meId ? 1 : 0))
    .map((id) => (id === meId ? "You" : nameOf(id) || "Someone"));
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
