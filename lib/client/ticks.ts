// Tick status of my own messages from the conversation's delivery/read watermarks.
import type { ConversationSummary, MemberDto, MessageDto } from "@/lib/realtime/contract";
import type { TickStatus } from "./types";

/**
 * Blue ticks only where the chat shares read receipts; watermarks held here from before don't
 * count. A withheld message (the other person blocks me) was never delivered: one tick for good.
 */
export function tickStatus(
  message: Pick<MessageDto, "seq" | "withheld">,
  conversation: Pick<ConversationSummary, "minDeliveredSeq" | "minReadSeq" | "readReceipts"> | undefined,
): TickStatus {
  if (!conversation || message.withheld) return "sent";
  if (conversation.readReceipts && conversation.minReadSeq >= message.seq) return "read";
  if (conversation.minDeliveredSeq >= message.seq) return "delivered";
  return "sent";
}

export const TICK_LABEL: Record<TickStatus, string> = {
  pending: "Pending",
  failed: "Not sent",
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
};

/**
 * The conversation's delivery/read minima, corrected with what this browser knows about the
 * members. The server pushes new minima with receipts, but a send, a join or a leave moves them
 * without one; the members' own watermarks (kept current from receipt:update) fill that gap.
 * Never lower than the server's values: for messages already sent the minima only grow.
 */
export function effectiveWatermarks(
  conversation: Pick<ConversationSummary, "minDeliveredSeq" | "minReadSeq" | "readSeq">,
  members: readonly Pick<MemberDto, "id" | "deliveredSeq" | "readSeq">[] | undefined,
  meId: string,
): { minDeliveredSeq: number; minReadSeq: number } {
  if (!members || members.length === 0) {
    return { minDeliveredSeq: conversation.minDeliveredSeq, minReadSeq: conversation.minReadSeq };
  }
  let minDelivered = Infinity;
  let minRead = Infinity;
  for (const m of members) {
    // My own watermarks are at least what this browser has read or sent.
    const read = m.id === meId ? Math.max(m.readSeq, conversation.readSeq) : m.readSeq;
    const delivered = Math.max(m.deliveredSeq, read);
    minDelivered = Math.min(minDelivered, delivered);
    minRead = Math.min(minRead, read);
  }
  return {
    minDeliveredSeq: Math.max(conversation.minDeliveredSeq, minDelivered),
    minReadSeq: Math.max(conversation.minReadSeq, minRead),
  };
}
