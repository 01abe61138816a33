// Bookkeeping of a run: every message sent (by clientId), its ack, and every delivery to every
// recipient, to count what was lost or duplicated and the latencies.
import type { ChatClientHooks, DeliveryVia } from "./chat-client";
import type { MessageDto } from "@/lib/realtime/contract";

type Sent = {
  readonly senderId: string;
  readonly conversationId: string;
  readonly sentAt: number;
  /** NaN until acknowledged. */
  ackedAt: number;
  failed: string | undefined;
  /**
   * Copies received by each member, by the member's position in the conversation (the sender's
   * stays 0); made at the first delivery. A few bytes per message instead of a map per message:
   * the bench keeps every message of a run, and what it keeps is what its own garbage collections
   * walk, and their pauses stall all its clients at once.
   */
  copies: number[] | undefined;
};

type Members = { readonly position: ReadonlyMap<string, number>; readonly count: number };

export function percentiles(values: number[]) {
  if (values.length === 0) return { p50: null, p95: null, p99: null, max: null, count: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: Math.round(sorted[sorted.length - 1]! * 10) / 10, count: values.length };
}

export class Recorder {
  readonly sent = new Map<string, Sent>();
  /** conversationId → its members (recipients = members − sender). */
  private readonly members = new Map<string, Members>();
  /**
   * Deliveries still missing for acknowledged messages, kept as a running count: drain() asks
   * for it while the last messages are in flight, and a scan of every message sent (40–80 ms at
   * 100,000) would hold up this process's event loop, hence the delivery timestamps it records.
   */
  private missing = 0;
  readonly ackLatencies: number[] = [];
  readonly deliverLatencies: number[] = [];
  /** Send→deliver latencies by the second of the run in which the message was sent. */
  private readonly deliverBySecond: number[][] = [];
  private firstSentAt: number | undefined;
  /** When the last acknowledgement arrived (0 before the first). */
  lastAckedAt = 0;
  readonly errorLatencies: number[] = [];
  readonly errorsByCode: Record<string, number> = {};
  readonly deliveredVia: Record<DeliveryVia, number> = { live: 0, sync: 0, page: 0 };
  redeliveries = 0;
  deliveredCount = 0;
  /** Deliveries of messages this recorder never saw sent (e.g. system messages). */
  foreign = 0;
  /** A message of this run delivered to its own sender or to someone outside its conversation. */
  misdelivered = 0;

  setMembers(conversationId: string, userIds: string[]): void {
    const position = new Map<string, number>();
    for (const id of userIds) if (!position.has(id)) position.set(id, position.size);
    this.members.set(conversationId, { position, count: position.size });
  }

  /** Call right after client.send(): the send time is the user's "pressed send". */
  noteSend(clientId: string, senderId: string, conversationId: string, at: number): void {
    this.firstSentAt ??= at;
    this.sent.set(clientId, { senderId, conversationId, sentAt: at, ackedAt: NaN, failed: undefined, copies: undefined });
  }

  readonly hooks: ChatClientHooks = {
    onAck: (_client, pending, _message, at) => {
      const s = this.sent.get(pending.clientId);
      if (!s || !Number.isNaN(s.ackedAt)) return;
      s.ackedAt = at;
      this.lastAckedAt = Math.max(this.lastAckedAt, at);
      this.missing += this.recipientsMissing(s);
      this.ackLatencies.push(at - s.sentAt);
    },
    onDeliver: (client, message, at, via) => this.delivered(client.userId, message, at, via),
    onRedelivery: () => void this.redeliveries++,
    onSendError: (_client, _pending, error, _at, latencyMs) => {
      this.errorsByCode[error.code] = (this.errorsByCode[error.code] ?? 0) + 1;
      this.errorLatencies.push(latencyMs);
    },
    onFailed: (_client, pending, error) => {
      const s = this.sent.get(pending.clientId);
      if (s) s.failed = `${error.code}: ${error.message}`;
    },
  };

  private delivered(recipientId: string, message: MessageDto, at: number, via: DeliveryVia): void {
    const s = this.sent.get(message.clientId);
    if (!s || s.senderId !== message.senderId) {
      this.foreign++;
      return;
    }
    const members = this.members.get(s.conversationId);
    const position = recipientId === s.senderId ? undefined : members?.position.get(recipientId);
    if (members === undefined || position === undefined) {
      this.misdelivered++;
      return;
    }
    this.deliveredCount++;
    this.deliveredVia[via]++;
    s.copies ??= new Array<number>(members.count).fill(0);
    if (s.copies[position]!++ > 0) return;
    if (!Number.isNaN(s.ackedAt)) this.missing--;
    this.deliverLatencies.push(at - s.sentAt);
    const second = Math.floor((s.sentAt - this.firstSentAt!) / 1000);
    (this.deliverBySecond[second] ??= []).push(at - s.sentAt);
  }

  /**
   * p99 send→deliver of the messages sent in each second of the run: tells a start-up burst, a
   * passing stall and a node that falls ever further behind apart, which one p99 cannot.
   */
  deliverP99BySecond(): (number | null)[] {
    return Array.from(this.deliverBySecond, (latencies) => percentiles(latencies ?? []).p99);
  }

  /** Deliveries still missing for acknowledged messages (summary() counts them again, as `lost`). */
  missingDeliveries(): number {
    return this.missing;
  }

  /** Members other than the sender who have no copy of the message yet. */
  private recipientsMissing(s: Sent): number {
    const members = this.members.get(s.conversationId);
    if (!members) return 0;
    const senderPosition = members.position.get(s.senderId);
    let missing = 0;
    for (let i = 0; i < members.count; i++) if (i !== senderPosition && !s.copies?.[i]) missing++;
    return missing;
  }

  summary() {
    let acked = 0;
    let failed = 0;
    let expected = 0;
    let lost = 0;
    let lostMessages = 0;
    let duplicated = 0;
    let deliveredUnacked = 0;
    const failures: Record<string, number> = {};
    for (const s of this.sent.values()) {
      const recipients = Math.max(0, (this.members.get(s.conversationId)?.count ?? 0) - 1);
      if (s.failed) {
        failed++;
        failures[s.failed] = (failures[s.failed] ?? 0) + 1;
      }
      for (const copies of s.copies ?? []) if (copies > 1) duplicated += copies - 1;
      if (Number.isNaN(s.ackedAt)) {
        if (s.copies?.some((copies) => copies > 0)) deliveredUnacked++;
        continue;
      }
      acked++;
      expected += recipients;
      const missing = this.recipientsMissing(s);
      lost += missing;
      if (missing) lostMessages++;
    }
    return {
      sent: this.sent.size,
      acked,
      failed,
      unacked: this.sent.size - acked - failed,
      expectedDeliveries: expected,
      delivered: this.deliveredCount,
      deliveredVia: this.deliveredVia,
      /** Acknowledged but never delivered, counted per recipient. */
      lost,
      lostMessages,
      /** The same message (by clientId) delivered more than once to the same recipient. */
      duplicated,
      /** Delivered to its sender or to someone outside the conversation: a leak, never expected. */
      misdelivered: this.misdelivered,
      /** Same message id arriving again (live + sync overlap, replays): dropped by the client's dedupe. */
      redeliveriesDeduped: this.redeliveries,
      /** Delivered to someone although the sender never got its ack (it would have, on retry). */
      deliveredButUnacked: deliveredUnacked,
      failures,
      sendErrorsByCode: this.errorsByCode,
    };
  }
}

/**
 * Client hooks that hand each event to the recorder that saw its message sent (a warm-up's or the
 * measured phase's), so that a warm-up message acknowledged after the switch still counts where
 * it was sent. A message none of them saw goes to the last, which counts it as foreign.
 */
export function hooksByPhase(recorders: Recorder[]): ChatClientHooks {
  const of = (clientId: string) => recorders.find((r) => r.sent.has(clientId)) ?? recorders[recorders.length - 1]!;
  return {
    onAck: (client, pending, message, at) => of(pending.clientId).hooks.onAck!(client, pending, message, at),
    onDeliver: (client, message, at, via) => of(message.clientId).hooks.onDeliver!(client, message, at, via),
    onRedelivery: (client, message, via) => of(message.clientId).hooks.onRedelivery!(client, message, via),
    onSendError: (client, pending, error, at, latencyMs) => of(pending.clientId).hooks.onSendError!(client, pending, error, at, latencyMs),
    onFailed: (client, pending, error) => of(pending.clientId).hooks.onFailed!(client, pending, error),
  };
}
