import type { Db } from "@/lib/db/client";
import { queryDirect } from "@/lib/db/direct-query";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { runPeriodically, type PeriodicTask } from "@/lib/periodic-task";
import type { Publisher } from "@/lib/realtime/publisher";
import { removeUnusedFiles, type StoredFileRef } from "@/lib/storage/remove-unused-files";
import { forgetLongDisappeared } from "./disappeared-messages";

/** Rows deleted per statement: short transactions, whatever the backlog. */
const EXPIRE_BATCH = 500;

type ExpiredRow = { id: string; conversationId: string; senderId: string; withheld: boolean; files: StoredFileRef[] | null };

/**
 * Deletes the disappearing messages whose time has come, and tells each chat which went. Their
 * reactions, stars, pins and votes go with them, and their files unless a forwarded copy still
 * shows them; replies keep their text and lose the quote. Their client ids are remembered for a
 * while (disappeared-messages.ts). Several nodes may sweep at once: SKIP LOCKED gives each row to
 * one of them.
 */
export async function expireDueMessages(db: Db, publish: Publisher): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await queryDirect<ExpiredRow>(db, Prisma.sql`
      WITH due AS (
        SELECT id FROM "Message"
        WHERE "expiresAt" IS NOT NULL AND "expiresAt" <= now()
        ORDER BY "expiresAt"
        LIMIT ${EXPIRE_BATCH}
        FOR UPDATE SKIP LOCKED
      ), files AS (
        SELECT a."messageId",
               json_agg(json_build_object('key', a."storageKey", 'thumbnailKey', a."thumbnailKey", 'driver', a.driver)) AS list
        FROM "Attachment" a WHERE a."messageId" IN (SELECT id FROM due)
        GROUP BY a."messageId"
      ), gone AS (
        DELETE FROM "Message" m
        USING due LEFT JOIN files f ON f."messageId" = due.id
        WHERE m.id = due.id
        RETURNING m.id, m."conversationId", m."senderId", m."clientId", m.withheld, f.list AS files
      ), remembered AS (
        -- In the same statement, so a retry never finds the message gone and unremembered.
        INSERT INTO "DisappearedMessage" ("senderId", "clientId", "disappearedAt")
        SELECT "senderId", "clientId", now() FROM gone
        ON CONFLICT DO NOTHING
      )
      SELECT id, "conversationId", "senderId", withheld, files FROM gone`);
    // Told per chat; a withheld message was only ever its sender's, so only they hear that it went.
    const told = new Map<string, { conversationId: string; onlyTo: string | null; messageIds: string[] }>();
    for (const r of rows) {
      const onlyTo = r.withheld ? r.senderId : null;
      const key = `${r.conversationId}:${onlyTo ?? ""}`;
      const group = told.get(key) ?? { conversationId: r.conversationId, onlyTo, messageIds: [] };
      group.messageIds.push(r.id);
      told.set(key, group);
    }
    // The chats first, then the senders, as before.
    const inOrder = [...told.values()].sort((a, b) => Number(a.onlyTo !== null) - Number(b.onlyTo !== null));
    for (const { conversationId, onlyTo, messageIds } of inOrder) {
      if (onlyTo) publish.toUser(onlyTo, "messages:expired", { conversationId, messageIds });
      else publish.toConversation(conversationId, "messages:expired", { conversationId, messageIds });
    }
    await removeUnusedFiles(db, rows.flatMap((r) => r.files ?? []));
    total += rows.length;
    if (rows.length < EXPIRE_BATCH) break;
  }
  await forgetLongDisappeared(db);
  return total;
}

/** Deletes due disappearing messages every `intervalMs` until stopped. */
export function startMessageExpiry(db: Db, publish: Publisher, intervalMs: number): PeriodicTask {
  return runPeriodically("message expiry", intervalMs, async () => {
    const n = await expireDueMessages(db, publish);
    if (n > 0) logger.info({ expired: n }, "disappearing messages deleted");
  });
}
