// Turns a conversation's messages (+ my pending ones) into the rows of the virtual list:
// date separators, the "N unread messages" divider and bubbles with run information.
import type { MessageDto, MessageType } from "@/lib/realtime/contract";
import { dayKey } from "./format";
import { countsAsUnread } from "./unread";
import type { OutboxEntry } from "./types";

/** A bubble's data, whether stored (has id and seq) or still in my outbox. */
export type ViewMessage = {
  id: string | null;
  seq: number | null;
  clientId: string;
  senderId: string;
  type: MessageType;
  text: string | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  deletedByAdmin: boolean;
  replyTo: MessageDto["replyTo"];
  forwarded: boolean;
  forwardedManyTimes: boolean;
  attachments: MessageDto["attachments"];
  reactions: MessageDto["reactions"];
  location: MessageDto["location"];
  system: MessageDto["system"];
  poll: MessageDto["poll"];
  contact: MessageDto["contact"];
  linkPreview: MessageDto["linkPreview"];
  withheld: boolean;
  /** Set while the message sits in my outbox. */
  pending: { failed: string | null } | null;
};

export type ChatRow =
  | { kind: "date"; key: string; at: string }
  | { kind: "unread"; key: string; count: number }
  | {
      kind: "message";
      key: string;
      message: ViewMessage;
      mine: boolean;
      /** First bubble of a run by the same sender: gets the tail and, in groups, the name. */
      firstOfRun: boolean;
      lastOfRun: boolean;
    };

export function fromDto(m: MessageDto): ViewMessage {
  return {
    id: m.id,
    seq: m.seq,
    clientId: m.clientId,
    senderId: m.senderId,
    type: m.type,
    text: m.text,
    createdAt: m.createdAt,
    editedAt: m.editedAt,
    deletedAt: m.deletedAt,
    deletedByAdmin: m.deletedByAdmin ?? false,
    replyTo: m.replyTo ?? null,
    forwarded: m.forwarded ?? false,
    forwardedManyTimes: m.forwardedManyTimes ?? false,
    attachments: m.attachments ?? [],
    reactions: m.reactions ?? [],
    location: m.location ?? null,
    system: m.system ?? null,
    poll: m.poll ?? null,
    contact: m.contact ?? null,
    linkPreview: m.linkPreview ?? null,
    withheld: m.withheld ?? false,
    pending: null,
  };
}

export function fromOutbox(e: OutboxEntry): ViewMessage {
  return {
    id: null,
    seq: null,
    clientId: e.clientId,
    senderId: e.senderId,
    type: e.poll ? "POLL" : e.location ? "LOCATION" : e.contact ? "CONTACT" : (e.attachments?.[0]?.kind ?? "TEXT"),
    text: e.text || null,
    createdAt: e.createdAt,
    editedAt: null,
    deletedAt: null,
    deletedByAdmin: false,
    replyTo: e.replyTo ?? null,
    forwarded: false,
    forwardedManyTimes: false,
    attachments: e.attachments ?? [],
    reactions: [],
    location: e.location ? { lat: e.location.lat, lng: e.location.lng, label: e.location.label ?? null } : null,
    system: null,
    poll: e.poll ? { multiple: e.poll.multiple, options: e.poll.options.map((text) => ({ text, voterIds: [] })) } : null,
    contact: e.contact ?? null,
    linkPreview: e.linkPreview ?? null,
    withheld: false,
    pending: { failed: e.failed },
  };
}

/** Stable across pending → stored, so the bubble does not remount when the ack lands. */
export function messageKey(m: Pick<ViewMessage, "senderId" | "clientId">): string {
  return `m:${m.senderId}:${m.clientId}`;
}

export function buildRows(input: {
  messages: readonly MessageDto[];
  pending: readonly OutboxEntry[];
  meId: string;
  /** readSeq when the chat was opened: the divider goes before the first later message from someone else. */
  unreadAfterSeq: number | null;
  /** lastSeq when the chat was opened: the count is what was unread then, not what arrives later. */
  unreadUpToSeq?: number;
}): ChatRow[] {
  const { meId, unreadAfterSeq } = input;
  const upTo = input.unreadUpToSeq ?? Infinity;
  const stored = new Set(input.messages.map((m) => messageKey(m)));
  const all: ViewMessage[] = [
    ...input.messages.map(fromDto),
    ...input.pending
      .filter((e) => !stored.has(messageKey(e)))
      .slice()
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(fromOutbox),
  ];

  let unreadCount = 0;
  let firstUnreadIndex = -1;
  if (unreadAfterSeq !== null) {
    all.forEach((m, i) => {
      if (m.seq !== null && m.seq > unreadAfterSeq && m.seq <= upTo && countsAsUnread(m, meId)) {
        unreadCount++;
        if (firstUnreadIndex === -1) firstUnreadIndex = i;
      }
    });
  }

  const rows: ChatRow[] = [];
  const usedKeys = new Set<string>();
  let lastDay: string | null = null;
  let prev: ViewMessage | null = null;
  all.forEach((m, i) => {
    const day = dayKey(m.createdAt);
    let broke = false;
    if (day !== lastDay) {
      rows.push({ kind: "date", key: `d:${day}`, at: m.createdAt });
      lastDay = day;
      broke = true;
    }
    if (i === firstUnreadIndex && unreadCount > 0) {
      rows.push({ kind: "unread", key: "unread", count: unreadCount });
      broke = true;
    }
    const isSystem = m.type === "SYSTEM";
    const firstOfRun = broke || isSystem || !prev || prev.senderId !== m.senderId || prev.type === "SYSTEM";
    if (!firstOfRun) {
      const last = rows[rows.length - 1];
      if (last?.kind === "message") last.lastOfRun = false;
    }
    let key = messageKey(m);
    if (usedKeys.has(key)) key = `m:id:${m.id ?? m.clientId}`;
    usedKeys.add(key);
    rows.push({ kind: "message", key, message: m, mine: m.senderId === meId, firstOfRun, lastOfRun: true });
    prev = m;
  });
  return rows;
}
