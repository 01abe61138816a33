import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { runPeriodically, type PeriodicTask } from "@/lib/periodic-task";
import { FOUND_FRESH_MS } from "./preview-link";

/**
 * Older than this, a cached preview is of no use: it would be fetched again before being shown
 * (sent messages keep their own copy). Past its freshness, with an hour to send the message it was for.
 */
const KEEP_MS = FOUND_FRESH_MS + 3_600_000;

export async function removeOldLinkPreviews(db: Db): Promise<number> {
  const { count } = await db.linkPreview.deleteMany({ where: { fetchedAt: { lt: new Date(Date.now() - KEEP_MS) } } });
  return count;
}

/** Hourly, so the cache holds about a day's links. */
export function startLinkPreviewSweep(db: Db): PeriodicTask {
  return runPeriodically("old link previews", 3_600_000, async () => {
    const n = await removeOldLinkPreviews(db);
    if (n > 0) logger.info({ removed: n }, "old link previews deleted");
  });
}
