// The pending outbox: messages typed here and not yet acknowledged. Pure operations plus
// (de)serialisation for localStorage, keyed per user so a shared browser never mixes accounts.
import { z } from "zod";
import { MAX_MESSAGE_LENGTH } from "@/lib/limits";
import type { OutboxEntry } from "./types";

export const ACK_TIMEOUT_MS = 8_000;

const entrySchema = z.object({
  clientId: z.string().min(1).max(100),
  conversationId: z.string().min(1).max(100),
  senderId: z.string().min(1).max(100),
  text: z.string().max(MAX_MESSAGE_LENGTH),
  createdAt: z.string(),
  attempts: z.number().int().min(0),
  lastAttemptAt: z.number().nullable(),
  failed: z.string().nullable(),
  replyToId: z.string().min(1).max(100).optional(),
  replyTo: z
    .object({
      id: z.string(),
      seq: z.number(),
      senderId: z.string(),
      senderName: z.string(),
      type: z.enum(["TEXT", "IMAGE", "FILE", "VIDEO", "AUDIO", "LOCATION", "SYSTEM", "POLL", "CONTACT"]),
      text: z.string().nullable(),
      deleted: z.boolean(),
      attachmentKind: z.enum(["IMAGE", "VIDEO", "AUDIO", "FILE"]).nullable(),
      // Absent from entries saved before "Reply privately".
      chat: z.object({ id: z.string().max(100), title: z.string().max(200) }).nullable().default(null),
    })
    .optional(),
  attachments: z
    .array(
      z.object({
        id: z.string().min(1).max(100),
        kind: z.enum(["IMAGE", "VIDEO", "AUDIO", "FILE"]),
        name: z.string(),
        mime: z.string(),
        size: z.number(),
        width: z.number().nullable(),
        height: z.number().nullable(),
        hasThumbnail: z.boolean(),
      }),
    )
    .max(10)
    .optional(),
  location: z.object({ lat: z.number(), lng: z.number(), label: z.string().max(200).optional() }).optional(),
  /** A poll: `text` is its question. */
  poll: z.object({ options: z.array(z.string().max(100)).min(2).max(12), multiple: z.boolean() }).optional(),
  /** A shared contact's card, shown while it is sent; the server looks the person up again. */
  contact: z
    .object({ id: z.string().min(1).max(100), name: z.string().max(200), username: z.string().max(100), initials: z.string().max(10), avatarColor: z.string().max(20) })
    .optional(),
  linkPreview: z
    .object({
      url: z.string().min(1).max(2048),
      title: z.string().max(200),
      description: z.string().max(300).nullable(),
      siteName: z.string().max(100).nullable(),
      // Becomes an <img> src: only an inline image, never a link to anywhere.
      thumbnail: z.string().max(32_000).startsWith("data:image/").nullable(),
    })
    .optional(),
});

export function outboxKey(userId: string): string {
  return `convo:outbox:v1:${userId}`;
}

export type RichParts = Pick<OutboxEntry, "replyToId" | "replyTo" | "attachments" | "location" | "poll" | "contact" | "linkPreview">;

export function newEntry(
  input: { clientId: string; conversationId: string; senderId: string; text: string } & RichParts,
  now: Date,
): OutboxEntry {
  const entry: OutboxEntry = { ...input, createdAt: now.toISOString(), attempts: 0, lastAttemptAt: null, failed: null };
  // Plain text entries stay exactly as they were (no undefined keys in storage).
  for (const k of ["replyToId", "replyTo", "attachments", "location", "poll", "contact", "linkPreview"] as const) if (entry[k] === undefined) delete entry[k];
  if (entry.attachments?.length === 0) delete entry.attachments;
  return entry;
}

/** Whether an entry has something to send: text, files, a location or a contact. */
export function hasContent(e: Pick<OutboxEntry, "text" | "attachments" | "location" | "contact">): boolean {
  return e.text.trim().length > 0 || (e.attachments?.length ?? 0) > 0 || !!e.location || !!e.contact;
}

/** The `message:send` input for an entry. */
export function sendInput(e: OutboxEntry): {
  conversationId: string;
  clientId: string;
  text?: string;
  replyToId?: string;
  attachmentIds?: string[];
  location?: { lat: number; lng: number; label?: string };
  poll?: { options: string[]; multiple: boolean };
  contact?: { userId: string };
  linkPreviewUrl?: string;
  retry?: boolean;
} {
  return {
    conversationId: e.conversationId,
    clientId: e.clientId,
    ...(e.text.trim() ? { text: e.text } : {}),
    ...(e.replyToId ? { replyToId: e.replyToId } : {}),
    ...(e.attachments?.length ? { attachmentIds: e.attachments.map((a) => a.id) } : {}),
    ...(e.location ? { location: e.location } : {}),
    ...(e.poll ? { poll: e.poll } : {}),
    ...(e.contact ? { contact: { userId: e.contact.id } } : {}),
    // The server attaches its own cached copy of that url's preview.
    ...(e.linkPreview ? { linkPreviewUrl: e.linkPreview.url } : {}),
    // Sent before (its ack may have been lost): the server tells if it has since disappeared.
    ...(e.attempts > 0 ? { retry: true } : {}),
  };
}

export function addEntry(outbox: readonly OutboxEntry[], entry: OutboxEntry): OutboxEntry[] {
  if (outbox.some((e) => e.clientId === entry.clientId)) return outbox as OutboxEntry[];
  return [...outbox, entry];
}

export function removeEntry(outbox: readonly OutboxEntry[], clientId: string): OutboxEntry[] {
  const next = outbox.filter((e) => e.clientId !== clientId);
  return next.length === outbox.length ? (outbox as OutboxEntry[]) : next;
}

export function updateEntry(
  outbox: readonly OutboxEntry[],
  clientId: string,
  patch: Partial<Pick<OutboxEntry, "attempts" | "lastAttemptAt" | "failed">>,
): OutboxEntry[] {
  let changed = false;
  const next = outbox.map((e) => {
    if (e.clientId !== clientId) return e;
    changed = true;
    return { ...e, ...patch };
  });
  return changed ? next : (outbox as OutboxEntry[]);
}

/**
 * Entries to (re)send now. One at a time per conversation, oldest first, so the server assigns
 * seqs in the order I typed: only a conversation's first unsent entry is eligible, and only
 * when nothing of that conversation is in flight and it was never sent or its last attempt is
 * older than the ack timeout. Failed entries wait for the user and do not block the rest.
 */
export function dueForSend(
  outbox: readonly OutboxEntry[],
  now: number,
  inFlight: ReadonlySet<string>,
  timeoutMs = ACK_TIMEOUT_MS,
): OutboxEntry[] {
  const blocked = new Set<string>();
  for (const e of outbox) if (inFlight.has(e.clientId)) blocked.add(e.conversationId);
  const due: OutboxEntry[] = [];
  for (const e of outbox) {
    if (e.failed || blocked.has(e.conversationId)) continue;
    blocked.add(e.conversationId);
    if (e.lastAttemptAt === null || now - e.lastAttemptAt >= timeoutMs) due.push(e);
  }
  return due;
}

export function pendingFor(outbox: readonly OutboxEntry[], conversationId: string): OutboxEntry[] {
  return outbox.filter((e) => e.conversationId === conversationId);
}

/** Parse what localStorage holds; anything malformed is dropped rather than crashing the app. */
export function parseOutbox(raw: string | null, userId: string): OutboxEntry[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const out: OutboxEntry[] = [];
  for (const item of data) {
    const parsed = entrySchema.safeParse(item);
    if (parsed.success && parsed.data.senderId === userId && !out.some((e) => e.clientId === parsed.data.clientId)) {
      // A reload is a fresh start: whatever was in flight gets sent again at once.
      out.push({ ...parsed.data, lastAttemptAt: null });
    }
  }
  return out;
}

export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function loadOutbox(storage: KeyValueStorage | undefined, userId: string): OutboxEntry[] {
  if (!storage) return [];
  try {
    return parseOutbox(storage.getItem(outboxKey(userId)), userId);
  } catch {
    return [];
  }
}

/** What one tab changed in its outbox: entries it added or updated, and clientIds it dropped. */
export type OutboxChanges = { upserted: OutboxEntry[]; removed: string[] };

export function diffOutbox(prev: readonly OutboxEntry[], next: readonly OutboxEntry[]): OutboxChanges {
  // Entries are immutable: an unchanged one keeps its identity.
  const before = new Map(prev.map((e) => [e.clientId, e]));
  const kept = new Set(next.map((e) => e.clientId));
  return {
    upserted: next.filter((e) => before.get(e.clientId) !== e),
    removed: prev.filter((e) => !kept.has(e.clientId)).map((e) => e.clientId),
  };
}

/**
 * Applies one tab's changes to the stored items, leaving every other item as it is (other tabs
 * share the key). Updated entries keep their place so the send order survives a reload.
 */
export function applyOutboxChanges(stored: readonly unknown[], { upserted, removed }: OutboxChanges): unknown[] {
  const gone = new Set(removed);
  const fresh = new Map(upserted.map((e) => [e.clientId, e]));
  const out: unknown[] = [];
  const placed = new Set<string>();
  for (const item of stored) {
    const id = clientIdOf(item);
    if (id === undefined || (!gone.has(id) && !fresh.has(id))) {
      out.push(item); // not mine to change
    } else if (fresh.has(id) && !placed.has(id)) {
      out.push(fresh.get(id));
      placed.add(id);
    } // else: removed here, or a duplicate of one just placed
  }
  for (const e of upserted) if (!placed.has(e.clientId)) out.push(e);
  return out;
}

/**
 * Saves only what this tab changed between two states of its outbox. Read, apply and write
 * happen in one synchronous task, so no other tab writes in between.
 */
export function saveOutboxChanges(
  storage: KeyValueStorage | undefined,
  userId: string,
  prev: readonly OutboxEntry[],
  next: readonly OutboxEntry[],
): void {
  if (!storage) return;
  const changes = diffOutbox(prev, next);
  if (changes.upserted.length === 0 && changes.removed.length === 0) return;
  try {
    writeStoredItems(storage, userId, applyOutboxChanges(readStoredItems(storage, userId), changes));
  } catch {
    // Storage full or disabled (private mode): the outbox still lives in memory.
  }
}

/**
 * The stored items as they are, unvalidated: other tabs' entries are written back untouched.
 * A read that throws propagates, so nothing is written over entries we could not see.
 */
function readStoredItems(storage: KeyValueStorage, userId: string): unknown[] {
  const raw = storage.getItem(outboxKey(userId));
  try {
    const data: unknown = JSON.parse(raw ?? "[]");
    return Array.isArray(data) ? data : [];
  } catch {
    return []; // malformed: nothing in it could be loaded anyway
  }
}

function writeStoredItems(storage: KeyValueStorage, userId: string, items: readonly unknown[]): void {
  if (items.length === 0) storage.removeItem(outboxKey(userId));
  else storage.setItem(outboxKey(userId), JSON.stringify(items));
}

function clientIdOf(item: unknown): string | undefined {
  const id = typeof item === "object" && item !== null ? (item as { clientId?: unknown }).clientId : undefined;
  return typeof id === "string" ? id : undefined;
}
