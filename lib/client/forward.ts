// Choosing where to forward a message: up to five of my chats, searchable.
import type { ConversationSummary } from "@/lib/realtime/contract";
import { matchesQuery } from "./conversations";

/** The server's limit per forward. */
export const MAX_FORWARD_TARGETS = 5;

/** Select or unselect a chat; a sixth pick is ignored (the same array comes back). */
export function toggleTarget(selected: readonly string[], id: string, max = MAX_FORWARD_TARGETS): string[] {
  if (selected.includes(id)) return selected.filter((x) => x !== id);
  if (selected.length >= max) return selected as string[];
  return [...selected, id];
}

/** Chats I can forward to, in list order, matching the search: not the ones I can't write in. */
export function forwardCandidates(
  sorted: readonly ConversationSummary[],
  query: string,
  notWritable: Readonly<Record<string, true>>,
): ConversationSummary[] {
  return sorted.filter((c) => !notWritable[c.id] && matchesQuery(c, query));
}
