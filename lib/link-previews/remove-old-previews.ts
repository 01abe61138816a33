import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { runPeriodically, type PeriodicTask } from "@/lib/periodic-task";

/**
 * Older than this, a cached preview is of no use: it would be fetched again before being shown
 * (sent messages keep their own copy). Past a day, with an hour to send the message it was for.
 */
const KEEP_HOURS = 25;

export async function removeOldLinkPreviews(db: Db, keepHours = KEEP_HOURS): Promise<number> {
  const { count } = await db.linkPreview.deleteMany({ where: { fetchedAt: { lt: new Date(Date.now() - keepHours * 3_600_000) } } });
  return count;
}

/** Hourly, so the cache holds about a day's links. */
export function startLinkPreviewSweep(db: Db): PeriodicTask {
  return runPeriodically("old link previews", 3_600_000, async () => {
    const n = await removeOldLinkPreviews(db);
    if (n > 0) logger.info({ removed: n }, "old link previews deleted");
  });
}
