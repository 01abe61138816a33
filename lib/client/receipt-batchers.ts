// The delivered and read receipts a client sends, as the browser sends them (the bench's clients
// use this too, so that their load is the browser's).
import { createSeqBatcher, realTimers, type EmitOutcome, type SeqBatcher, type Timers } from "./batcher";
import { ACK_TIMEOUT_MS } from "./outbox";
import { emitWithAck, type ConvoSocket } from "./socket";

export type ReceiptKind = "delivered" | "read";

export type ReceiptBatchers = { delivered: SeqBatcher; reads: SeqBatcher };

/**
 * Two batchers, one emit per conversation every `delayMs` at most. A delivery that a read
 * already covers (sent or about to be) is not sent: the server moves the delivered watermark
 * with the read one. In an open chat every message is read as it arrives, so this halves the
 * receipts (and the database writes and the events to the members that each one costs).
 * An emit that returns its ack is retried while the server refuses it for now (see batcher).
 */
export function createReceiptBatchers(
  emit: (kind: ReceiptKind, conversationId: string, seq: number) => EmitOutcome,
  delayMs = 250,
  timers: Timers = realTimers,
): ReceiptBatchers {
  const reads = createSeqBatcher((conversationId, seq) => emit("read", conversationId, seq), delayMs, timers);
  const delivered = createSeqBatcher(
    (conversationId, seq) => (reads.covers(conversationId, seq) ? undefined : emit("delivered", conversationId, seq)),
    delayMs,
    timers,
  );
  return { delivered, reads };
}

/** A receipt over a connected socket, with its ack: the batcher sends it again if it is refused for now. */
export function emitReceipt(socket: ConvoSocket, kind: ReceiptKind, conversationId: string, seq: number) {
  const input = { conversationId, seq };
  return kind === "read" ? emitWithAck(socket, "receipt:read", input, ACK_TIMEOUT_MS) : emitWithAck(socket, "receipt:delivered", input, ACK_TIMEOUT_MS);
}
