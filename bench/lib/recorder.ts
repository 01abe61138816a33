// Bookkeeping of a run: every message sent (by clientId), its ack, and every delivery to every
// recipient, to count what was lost or duplicated and the latencies.
import type { ChatClientHooks, DeliveryVia } from "./chat-client";
import type { MessageDto } from "@/lib/realtime/contract";

type Sent = {
  senderId: string;
  conversationId: string;
  sentAt: number;
  ackedAt?: number;
  messageId?: string;
  failed?: string;
};

export function percentiles(values: number[]) {
  if (values.length === 0) return { p50: null, p95: null, p99: null, max: null, count: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: Math.round(sorted[sorted.length - 1]! * 10) / 10, count: values.length };
}

export class Recorder {
  readonly sent = new Map<string, Sent>();
  /** clientId → recipient userId → message ids delivered. */
  private readonly deliveries = new Map<string, Map<string, string[]>>();
  /** conversationId → member userIds (recipients = members − sender). */
  private readonly members = new Map<string, Set<string>>();
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
  readonly errorLatencies: number[] = [];
  readonly errorsByCode: Record<string, number> = {};
  readonly deliveredVia: Record<DeliveryVia, number> = { live: 0, sync: 0, page: 0 };
  redeliveries = 0;
  deliveredCount = 0;
  /** Deliveries of messages this recorder never saw sent (e.g. system messages). */
  foreign = 0;

  setMembers(conversationId: string, userIds: string[]): void {
    this.members.set(conversationId, new Set(userIds));
  }

  /** Call right after client.send(): the send time is the user's "pressed send". */
  noteSend(clientId: string, senderId: string, conversationId: string, at: number): void {
    this.firstSentAt ??= at;
    this.sent.set(clientId, { senderId, conversationId, sentAt: at });
  }

  readonly hooks: ChatClientHooks = {
    onAck: (_client, pending, message, at) => {
      const s = this.sent.get(pending.clientId);
      if (!s || s.ackedAt !== undefined) return;
      s.ackedAt = at;
      s.messageId = message.id;
      const got = this.deliveries.get(pending.clientId);
      for (const r of this.recipients(s)) if (!got?.has(r)) this.missing++;
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
    this.deliveredCount++;
    this.deliveredVia[via]++;
    let byRecipient = this.deliveries.get(message.clientId);
    if (!byRecipient) this.deliveries.set(message.clientId, (byRecipient = new Map()));
    const ids = byRecipient.get(recipientId);
    if (ids) ids.push(message.id);
    else byRecipient.set(recipientId, [message.id]);
    if (ids) return;
    if (s.ackedAt !== undefined && this.isRecipient(s, recipientId)) this.missing--;
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

  private *recipients(s: Sent): Iterable<string> {
    for (const u of this.members.get(s.conversationId) ?? []) if (u !== s.senderId) yield u;
  }

  private isRecipient(s: Sent, userId: string): boolean {
    return userId !== s.senderId && (this.members.get(s.conversationId)?.has(userId) ?? false);
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
    for (const [clientId, s] of this.sent) {
      const recipients = [...this.recipients(s)];
      const got = this.deliveries.get(clientId);
      if (s.failed) {
        failed++;
        failures[s.failed] = (failures[s.failed] ?? 0) + 1;
      }
      for (const ids of got?.values() ?? []) if (ids.length > 1) duplicated += ids.length - 1;
      if (s.ackedAt === undefined) {
        if (got?.size) deliveredUnacked++;
        continue;
      }
      acked++;
      expected += recipients.length;
      let missing = 0;
      for (const r of recipients) if (!got?.has(r)) missing++;
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
      /** Same message id arriving again (live + sync overlap, replays): dropped by the client's dedupe. */
      redeliveriesDeduped: this.redeliveries,
      /** Delivered to someone although the sender never got its ack (it would have, on retry). */
      deliveredButUnacked: deliveredUnacked,
      failures,
      sendErrorsByCode: this.errorsByCode,
    };
  }
}
