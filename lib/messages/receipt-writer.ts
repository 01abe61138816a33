import type { Db } from "@/lib/db/client";
import { queryDirect } from "@/lib/db/direct-query";
import { groupCommitPerDatabase } from "@/lib/db/group-commit";
import { Prisma } from "@/lib/generated/prisma/client";
import { readReceiptsShared } from "@/lib/users/read-receipts";

/** One receipt: `userId` has received (or read) everything up to `seq`. */
export type ReceiptWrite = { conversationId: string; userId: string; seq: number; read: boolean };

/** What a receipt did; the minima are the chat's over its members, before and after its batch. */
export type ReceiptOutcome = {
  member: boolean;
  moved: boolean;
  deliveredSeq: bigint;
  readSeq: bigint;
  minDelivered: bigint;
  minRead: bigint;
  oldMinDelivered: bigint;
  oldMinRead: bigint;
  direct: boolean;
  /** The chat shows read receipts to its members (see lib/users/read-receipts.ts). */
  shared: boolean;
  /**
   * The first receipt of its batch that moved a watermark of this chat. The members of a group
   * hear of new minima from it alone: a batch can hold hundreds of one group's receipts.
   */
  announces: boolean;
};

type Row = {
  conversation_id: string;
  user_id: string;
  member: boolean;
  moved: boolean;
  delivered_seq: bigint | null;
  read_seq: bigint | null;
  min_delivered: bigint | null;
  min_read: bigint | null;
  old_min_delivered: bigint | null;
  old_min_read: bigint | null;
  direct: boolean | null;
  shared: boolean | null;
};

const key = (conversationId: string, userId: string) => `${conversationId}:${userId}`;

/** One statement for the batch: advance_watermarks_custom (prisma/migrations/*_advance_watermarks_function). */
async function writeBatch(db: Db, batch: ReceiptWrite[]): Promise<PromiseSettledResult<ReceiptOutcome>[]> {
  const rows = await queryDirect<Row>(db, Prisma.sql`
    SELECT r.*, c.type = 'DIRECT' AS direct, ${readReceiptsShared("c")} AS shared
    FROM advance_watermarks_custom(${JSON.stringify(batch)}::jsonb) r
    LEFT JOIN "Conversation" c ON c.id = r.conversation_id`);
  const byKey = new Map(rows.map((r) => [key(r.conversation_id, r.user_id), r]));
  const announced = new Set<string>();
  return batch.map((w) => {
    const r = byKey.get(key(w.conversationId, w.userId));
    const announces = Boolean(r?.moved) && !announced.has(w.conversationId);
    if (announces) announced.add(w.conversationId);
    const value: ReceiptOutcome = {
      member: r?.member ?? false,
      moved: r?.moved ?? false,
      deliveredSeq: r?.delivered_seq ?? 0n,
      readSeq: r?.read_seq ?? 0n,
      minDelivered: r?.min_delivered ?? 0n,
      minRead: r?.min_read ?? 0n,
      oldMinDelivered: r?.old_min_delivered ?? 0n,
      oldMinRead: r?.old_min_read ?? 0n,
      direct: r?.direct ?? false,
      shared: r?.shared ?? true,
      announces,
    };
    return { status: "fulfilled", value };
  });
}

/** Stores a receipt with whatever other receipts are being stored at the same moment (group commit). */
export const writeReceipt: (db: Db, receipt: ReceiptWrite) => Promise<ReceiptOutcome> = groupCommitPerDatabase(writeBatch);
