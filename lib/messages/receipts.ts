import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { queryDirect } from "@/lib/db/direct-query";
import { Prisma } from "@/lib/generated/prisma/client";
import { requireMembership } from "@/lib/conversations/membership";
import type { ReceiptEvent } from "@/lib/realtime/contract";
import { readReceiptsShared, withoutReads } from "@/lib/users/read-receipts";
import { id, seq } from "@/lib/validation";

export const receiptInput = z.object({ conversationId: id, seq });

type Watermarks = { readSeq: bigint; deliveredSeq: bigint };

/** I have received everything up to seq (capped at the conversation's last message). */
export function markDelivered(ctx: Ctx, input: z.input<typeof receiptInput>) {
  return advance(ctx, input, "delivered");
}

/** I have read everything up to seq. Reading implies delivery. */
export function markRead(ctx: Ctx, input: z.input<typeof receiptInput>) {
  return advance(ctx, input, "read");
}

/**
 * Watermarks only move forward. When one moved, every member hears the new minima (ticks)
 * and my other tabs hear my new readSeq (unread badge); in a direct chat that doesn't share
 * read receipts, the other person hears of the delivery only.
 */
async function advance(ctx: Ctx, input: z.input<typeof receiptInput>, kind: "delivered" | "read"): Promise<ReceiptEvent | null> {
  const { conversationId, seq: target } = receiptInput.parse(input);
  const me = ctx.actor.id;
  const bound = BigInt(target);
  const updated =
    kind === "read"
      ? await queryDirect<Watermarks>(ctx.db, Prisma.sql`
          UPDATE "Participant" p
          SET "readSeq" = GREATEST(p."readSeq", LEAST(${bound}, c."lastSeq")),
              "deliveredSeq" = GREATEST(p."deliveredSeq", LEAST(${bound}, c."lastSeq"))
          FROM "Conversation" c
          WHERE c.id = p."conversationId" AND p."conversationId" = ${conversationId}::uuid
            AND p."userId" = ${me}::uuid AND p."leftAt" IS NULL
            AND p."readSeq" < LEAST(${bound}, c."lastSeq")
          RETURNING p."readSeq", p."deliveredSeq"`)
      : await queryDirect<Watermarks>(ctx.db, Prisma.sql`
          UPDATE "Participant" p
          SET "deliveredSeq" = GREATEST(p."deliveredSeq", LEAST(${bound}, c."lastSeq"))
          FROM "Conversation" c
          WHERE c.id = p."conversationId" AND p."conversationId" = ${conversationId}::uuid
            AND p."userId" = ${me}::uuid AND p."leftAt" IS NULL
            AND p."deliveredSeq" < LEAST(${bound}, c."lastSeq")
          RETURNING p."readSeq", p."deliveredSeq"`);

  const row = updated[0];
  if (!row) {
    // Nothing moved: either already there (fine) or not a member (denied, like every read).
    await requireMembership(ctx.db, me, conversationId);
    return null;
  }
  const [minima] = await queryDirect<{ minDelivered: bigint | null; minRead: bigint | null; shared: boolean }>(ctx.db, Prisma.sql`
    SELECT min(p."deliveredSeq") AS "minDelivered", min(p."readSeq") AS "minRead", ${readReceiptsShared("c")} AS shared
    FROM "Conversation" c JOIN "Participant" p ON p."conversationId" = c.id AND p."leftAt" IS NULL
    WHERE c.id = ${conversationId}::uuid
    GROUP BY c.id`);
  const shared = minima?.shared ?? true;
  const event: ReceiptEvent = {
    conversationId,
    userId: me,
    deliveredSeq: Number(row.deliveredSeq),
    readSeq: Number(row.readSeq),
    minDeliveredSeq: Number(minima?.minDelivered ?? 0),
    // Withheld where reads aren't shared: it would tell me how far the other person read.
    minReadSeq: shared ? Number(minima?.minRead ?? 0) : 0,
  };
  if (shared) {
    ctx.publish.toConversation(conversationId, "receipt:update", event);
  } else {
    // The other person learns of the delivery only; my own tabs still need my read mark.
    ctx.publish.toConversation(conversationId, "receipt:update", withoutReads(event));
    ctx.publish.toUser(me, "receipt:update", event);
  }
  return event;
}
