import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { CONVERSATION_NOT_FOUND } from "@/lib/conversations/membership";
import { notFound } from "@/lib/errors";
import type { ReceiptEvent } from "@/lib/realtime/contract";
import { withoutReads } from "@/lib/users/read-receipts";
import { id, seq } from "@/lib/validation";
import { writeReceipt } from "./receipt-writer";

export const receiptInput = z.object({ conversationId: id, seq });

/** I have received everything up to seq (capped at the conversation's last message). */
export function markDelivered(ctx: Ctx, input: z.input<typeof receiptInput>) {
  return advance(ctx, input, "delivered");
}

/** I have read everything up to seq. Reading implies delivery. */
export function markRead(ctx: Ctx, input: z.input<typeof receiptInput>) {
  return advance(ctx, input, "read");
}

/**
 * Watermarks only move forward. When mine moved, my other tabs hear my new readSeq (unread
 * badge), and the members hear the chat's new minima (ticks): in a direct chat always (what the
 * other person knows of me); in a group only when the minima moved, and once per batch of
 * receipts (see ReceiptOutcome.announces), since otherwise every member's receipt would go to
 * every member, which a large group cannot afford. A direct chat that doesn't share read
 * receipts tells the other person of the delivery only.
 */
async function advance(ctx: Ctx, input: z.input<typeof receiptInput>, kind: "delivered" | "read"): Promise<ReceiptEvent | null> {
  const { conversationId, seq: target } = receiptInput.parse(input);
  const me = ctx.actor.id;
  const outcome = await writeReceipt(ctx.db, { conversationId, userId: me, seq: target, read: kind === "read" });
  if (!outcome.member) throw notFound(CONVERSATION_NOT_FOUND); // denied, like every read
  if (!outcome.moved) return null; // already there
  const { shared } = outcome;
  const event: ReceiptEvent = {
    conversationId,
    userId: me,
    deliveredSeq: Number(outcome.deliveredSeq),
    readSeq: Number(outcome.readSeq),
    minDeliveredSeq: Number(outcome.minDelivered),
    // Withheld where reads aren't shared: it would tell me how far the other person read.
    minReadSeq: shared ? Number(outcome.minRead) : 0,
  };
  const minimaMoved =
    outcome.minDelivered !== outcome.oldMinDelivered || (shared && outcome.minRead !== outcome.oldMinRead);
  if (!outcome.direct && !(minimaMoved && outcome.announces)) {
    ctx.publish.toUser(me, "receipt:update", event);
  } else if (shared) {
    ctx.publish.toConversation(conversationId, "receipt:update", event);
  } else {
    // The other person learns of the delivery only, and only when it moved the chat's: a read
    // alone, sent as I open the chat, would tell them when I read it by its arrival. My own tabs
    // still need my read mark.
    if (outcome.minDelivered !== outcome.oldMinDelivered) ctx.publish.toConversation(conversationId, "receipt:update", withoutReads(event));
    ctx.publish.toUser(me, "receipt:update", event);
  }
  return event;
}

/**
 * A group member's send moved the group's minima: they had not read everything before it, and
 * were the lowest (see store_messages_custom). Their read receipt, if one follows, will find its
 * watermark already there and tell no one, so the members hear of it now, as of a receipt.
 */
export function announceSendersWatermarks(
  ctx: Ctx,
  message: { conversationId: string; senderId: string; seq: number },
  minima: Pick<ReceiptEvent, "minDeliveredSeq" | "minReadSeq">,
): void {
  const { conversationId, senderId, seq } = message;
  ctx.publish.toConversation(conversationId, "receipt:update", { conversationId, userId: senderId, deliveredSeq: seq, readSeq: seq, ...minima });
}
