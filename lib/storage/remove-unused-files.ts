import type { Db } from "@/lib/db/client";
import { queryDirect } from "@/lib/db/direct-query";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { driverFor } from "./storage-driver";

/** Where an attachment's bytes live: its file, its thumbnail, and the driver holding both. */
export type StoredFileRef = { key: string; thumbnailKey: string | null; driver: string };

/**
 * Removes the stored bytes of attachments whose rows are gone, unless another attachment still
 * uses them (forwarded copies share their original's file and thumbnail). A file that cannot be
 * removed is logged: its row is already gone, so nothing can serve it any more.
 */
export async function removeUnusedFiles(db: Db, files: readonly StoredFileRef[]): Promise<number> {
  const byKey = new Map(files.map((f) => [f.key, f]));
  if (byKey.size === 0) return 0;
  const used = await queryDirect<{ key: string }>(db, Prisma.sql`
    SELECT DISTINCT a."storageKey" AS key FROM "Attachment" a WHERE a."storageKey" = ANY(${[...byKey.keys()]}::text[])`);
  for (const { key } of used) byKey.delete(key);
  for (const file of byKey.values()) {
    for (const key of [file.key, file.thumbnailKey]) {
      if (!key) continue;
      try {
        await driverFor(file.driver).remove(key);
      } catch (err) {
        logger.warn({ err, key }, "removing a stored file failed");
      }
    }
  }
  return byKey.size;
}

/**
 * Deletes the attachment rows of the messages that `messages` (a condition on "Message" m)
 * selects, answering where their bytes were, for removeUnusedFiles once the change is final.
 */
export function deleteAttachmentRows(db: Pick<Db, "$queryRaw">, messages: Prisma.Sql): Promise<StoredFileRef[]> {
  return db.$queryRaw<StoredFileRef[]>`
    DELETE FROM "Attachment" a USING "Message" m
    WHERE a."messageId" = m.id AND ${messages}
    RETURNING a."storageKey" AS key, a."thumbnailKey" AS "thumbnailKey", a.driver`;
}
