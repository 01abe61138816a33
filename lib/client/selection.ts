// "Select messages": which messages can be picked, what the picked ones allow, and their text for
// the clipboard. Pure, so the rules are tested without a browser.
import { MAX_SELECTED_MESSAGES } from "@/lib/limits";
import { mayStillDeleteForEveryone } from "@/lib/messages/change-windows";
import { contentPreview } from "./attachments";
import { formatClock } from "./format";
import type { ViewMessage } from "./rows";

/** Stored messages can be picked; notices and ones still being sent can't. */
export const isSelectable = (m: ViewMessage) => m.id !== null && !m.pending && m.type !== "SYSTEM";

/** Adds or removes one; past the limit nothing is added (the caller says why). */
export function toggleSelected(selected: readonly string[], messageId: string): { selected: string[]; full: boolean } {
  if (selected.includes(messageId)) return { selected: selected.filter((id) => id !== messageId), full: false };
  if (selected.length >= MAX_SELECTED_MESSAGES) return { selected: [...selected], full: true };
  return { selected: [...selected, messageId], full: false };
}

export type SelectionRights = {
  /** None is deleted: the copies would have nothing to carry. */
  canForward: boolean;
  /** All are mine, not deleted yet, in a chat I may write in. */
  canDeleteForEveryone: boolean;
  /** All are starred already: the action unstars. */
  allStarred: boolean;
  /** Some have text to copy. */
  canCopy: boolean;
};

export function selectionRights(
  messages: readonly ViewMessage[],
  { meId, canWrite, starred }: { meId: string; canWrite: boolean; starred: Readonly<Record<string, boolean>> },
): SelectionRights {
  const live = messages.every((m) => !m.deletedAt);
  return {
    canForward: messages.length > 0 && live,
    canDeleteForEveryone:
      messages.length > 0 && live && canWrite && messages.every((m) => m.senderId === meId && mayStillDeleteForEveryone(m.createdAt)),
    allStarred: messages.length > 0 && messages.every((m) => !!m.id && !!starred[m.id]),
    canCopy: messages.some((m) => !m.deletedAt && !!m.text),
  };
}

/** The picked messages oldest first, one "[time] Name: text" line each (as typed, like a single Copy), as WhatsApp Web copies several. */
export function selectionText(messages: readonly ViewMessage[], nameOf: (userId: string) => string): string {
  return [...messages]
    .filter((m) => !m.deletedAt)
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
    .map((m) => `[${formatClock(m.createdAt)}] ${nameOf(m.senderId)}: ${contentPreview(m)}`)
    .join("\n");
}
