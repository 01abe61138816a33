// What I typed and did not send, per chat, kept in this browser across reloads (keyed per user,
// like the outbox, so a shared browser never shows one account's drafts to another).
import { z } from "zod";
import { MAX_MESSAGE_LENGTH } from "@/lib/limits";
import type { KeyValueStorage } from "./outbox";
import { oneLine } from "./text";

// A draft may be over the limit (the composer says so), but not without bound.
const draftsSchema = z.record(z.string(), z.string().max(MAX_MESSAGE_LENGTH * 2));

export function draftsKey(userId: string): string {
  return `convo:drafts:v1:${userId}`;
}

/** Only the chats with something typed. */
function nonEmpty(drafts: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(drafts).filter(([, text]) => text.trim() !== ""));
}

export function loadDrafts(storage: KeyValueStorage | undefined, userId: string): Record<string, string> {
  try {
    const raw = storage?.getItem(draftsKey(userId));
    if (!raw) return {};
    const parsed = draftsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? nonEmpty(parsed.data) : {};
  } catch {
    // Malformed or unreadable: start without drafts rather than fail.
    return {};
  }
}

export function saveDrafts(storage: KeyValueStorage | undefined, userId: string, drafts: Readonly<Record<string, string>>): void {
  if (!storage) return;
  const kept = nonEmpty(drafts);
  try {
    if (Object.keys(kept).length === 0) storage.removeItem(draftsKey(userId));
    else storage.setItem(draftsKey(userId), JSON.stringify(kept));
  } catch {
    // Storage full or disabled (private mode): the drafts still live in memory.
  }
}

/** Chats whose draft changed between two states, with the new text ("" when cleared). */
export function diffDrafts(prev: Readonly<Record<string, string>>, next: Readonly<Record<string, string>>): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const id of new Set([...Object.keys(prev), ...Object.keys(next)])) {
    if ((prev[id] ?? "") !== (next[id] ?? "")) changed[id] = next[id] ?? "";
  }
  return changed;
}

/**
 * Saves only the drafts this tab changed over what is stored now, so another tab's drafts for
 * other chats stay (read and write in one synchronous task, no other tab writes in between).
 */
export function saveDraftChanges(
  storage: KeyValueStorage | undefined,
  userId: string,
  prev: Readonly<Record<string, string>>,
  next: Readonly<Record<string, string>>,
): void {
  const changed = diffDrafts(prev, next);
  if (Object.keys(changed).length === 0) return;
  saveDrafts(storage, userId, { ...loadDrafts(storage, userId), ...changed });
}

/** The one-line "Draft: …" the chat list shows, or null. */
export function draftPreview(draft: string | undefined): string | null {
  const text = oneLine(draft ?? "");
  return text ? text : null;
}
