import type { Db } from "@/lib/db/client";
import { queryDirect } from "@/lib/db/direct-query";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { groupCommitPerDatabase } from "@/lib/db/group-commit";
import { Prisma, type MessageType } from "@/lib/generated/prisma/client";

/** One message for store_messages_custom (prisma/migrations/*_store_messages_function, *_store_messages_lock_uploads). */
export type MessageInsert = {
  id: string;
  conversationId: string;
  senderId: string;
  clientId: string;
  type: MessageType;
  text: string | null;
  metadata: unknown;
  replyToId: string | null;
  forwardedFromId: string | null;
  attachmentIds: string[];
};

/**
 * What the database assigned to a stored message; null when its guards refused it. `withheld`:
 * the other person of the direct chat blocks the sender, so only the sender will see it.
 * `movedMinima`: the group's new watermark minima, when a sender who had not read everything
 * was its lowest and the send moved them: the group is told, as of a receipt that moved them.
 */
export type Stored = {
  seq: bigint;
  createdAt: Date;
  withheld: boolean;
  movedMinima: { minDeliveredSeq: number; minReadSeq: number } | null;
} | null;

type StoredRow = { id: string; seq: bigint; created_at: Date; withheld: boolean; min_delivered: bigint | null; min_read: bigint | null };

function storedOf(r: StoredRow): NonNullable<Stored> {
  const movedMinima =
    r.min_delivered === null || r.min_read === null ? null : { minDeliveredSeq: Number(r.min_delivered), minReadSeq: Number(r.min_read) };
  return { seq: r.seq, createdAt: r.created_at, withheld: r.withheld, movedMinima };
}

async function storeBatch(db: Db, rows: MessageInsert[]): Promise<Stored[]> {
  const stored = await queryDirect<StoredRow>(db, Prisma.sql`SELECT * FROM store_messages_custom(${JSON.stringify(rows)}::jsonb)`);
  const byId = new Map(stored.map((r) => [r.id, storedOf(r)]));
  return rows.map((r) => byId.get(r.id) ?? null);
}

/**
 * Keeps the first of a repeated clientId (a retry racing its first attempt) and of an upload
 * claimed twice; the others store nothing, and their callers replay or explain as usual.
 */
function firstClaims(rows: MessageInsert[]): boolean[] {
  const clientIds = new Set<string>();
  const uploads = new Set<string>();
  return rows.map((r) => {
    const key = `${r.senderId}:${r.clientId}`;
    if (clientIds.has(key) || r.attachmentIds.some((a) => uploads.has(a))) return false;
    clientIds.add(key);
    for (const a of r.attachmentIds) uploads.add(a);
    return true;
  });
}

async function writeBatch(db: Db, batch: MessageInsert[]): Promise<PromiseSettledResult<Stored>[]> {
  const kept = firstClaims(batch);
  const rows = batch.filter((_, i) => kept[i]);
  const stored = new Map((await storeRows(db, rows)).map((result, i) => [rows[i]!, result]));
  return batch.map((row) => stored.get(row) ?? { status: "fulfilled", value: null });
}

/**
 * An error of one message fails the whole batch (a unique violation: a clientId reused across
 * conversations, or racing a batch of another node; or anything else about its data): store the
 * messages one by one so that the others succeed and the culprit alone gets the error. A
 * database that is down fails them all alike, and is not asked again message by message.
 */
async function storeRows(db: Db, rows: MessageInsert[]): Promise<PromiseSettledResult<Stored>[]> {
  if (rows.length === 0) return [];
  try {
    return (await storeBatch(db, rows)).map((value) => ({ status: "fulfilled", value }));
  } catch (err) {
    if (rows.length <= 1 || isDatabaseUnavailable(err)) throw err;
    const results: PromiseSettledResult<Stored>[] = [];
    for (const row of rows) {
      // In order: a sender's consecutive messages keep their order here too.
      results.push(
        await storeBatch(db, [row]).then(
          ([value]) => ({ status: "fulfilled" as const, value: value ?? null }),
          (reason: unknown) => ({ status: "rejected" as const, reason }),
        ),
      );
    }
    return results;
  }
}

/** Stores a message with whatever else is being stored at the same moment (group commit). */
export const writeMessage: (db: Db, row: MessageInsert) => Promise<Stored> = groupCommitPerDatabase(writeBatch);
