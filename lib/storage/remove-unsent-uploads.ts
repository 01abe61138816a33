import type { Db } from "@/lib/db/client";
import { queryDirect } from "@/lib/db/direct-query";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { runPeriodically, type PeriodicTask } from "@/lib/periodic-task";
import { removeUnusedFiles, type StoredFileRef } from "./remove-unused-files";

/**
 * How long an upload may wait for the message that sends it: longer than any outbox waits
 * offline in practice, so that a message queued on a laptop that slept over a weekend still
 * finds its files.
 */
export const UNSENT_UPLOAD_TTL_HOURS = 72;

/** Rows deleted per statement: short transactions, whatever the backlog. */
const BATCH = 500;

/**
 * Deletes uploads that no message took within the TTL (and are not their owner's profile
 * picture), with their stored bytes unless a forwarded copy shares them. Without this, uploads
 * that are never sent, and replaced profile pictures, fill the disk forever. A send that claims
 * an upload at the same moment locks its row first: the row is then skipped (or no longer
 * unsent), never deleted from under the message.
 */
export async function removeUnsentUploads(db: Db, ttlHours = UNSENT_UPLOAD_TTL_HOURS): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await queryDirect<StoredFileRef>(db, Prisma.sql`
      WITH unsent AS (
        SELECT a.id FROM "Attachment" a JOIN "User" u ON u.id = a."ownerId"
        WHERE a."messageId" IS NULL
          AND a."createdAt" < now() - make_interval(hours => ${ttlHours}::int)
          -- A profile picture's URL names its attachment's id.
          AND (u."avatarUrl" IS NULL OR position(a.id::text IN u."avatarUrl") = 0)
        LIMIT ${BATCH}
        FOR UPDATE OF a SKIP LOCKED
      )
      DELETE FROM "Attachment" a USING unsent
      WHERE a.id = unsent.id AND a."messageId" IS NULL
      RETURNING a."storageKey" AS key, a."thumbnailKey" AS "thumbnailKey", a.driver`);
    await removeUnusedFiles(db, rows);
    total += rows.length;
    if (rows.length < BATCH) return total;
  }
}

/** Hourly: the TTL is days, so an upload outlives it by an hour at most. */
export function startUnsentUploadSweep(db: Db): PeriodicTask {
  return runPeriodically("unsent uploads", 3_600_000, async () => {
    const n = await removeUnsentUploads(db);
    if (n > 0) logger.info({ removed: n }, "unsent uploads deleted");
  });
}
