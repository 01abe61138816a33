import { inject } from "vitest";
import { connectDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createDatabase, dropDatabase } from "@/lib/test-support/global-setup";

// Helpers for tests that use the real database. Files run one at a time (vitest.config.ts) but
// share one database for the whole run: create the rows you need with unique values and do
// not rely on tables being empty.

/** URL of this run's migrated test database (created by lib/test-support/global-setup.ts). */
export function testDatabaseUrl(): string {
  return inject("testDatabaseUrl");
}

/** The process-wide PrismaClient, connected to the test database; every file shares it, so never disconnect it. */
export function testDb(): Db {
  return connectDb(testDatabaseUrl(), 5);
}

/**
 * A new empty database of your own (e.g. to test migrations or a drop); pass
 * `{ migrated: true }` to get the committed migrations applied. Drop it with
 * dropScratchDatabase() in afterAll/finally.
 */
export async function createScratchDatabase(opts: { migrated?: boolean } = {}): Promise<string> {
  const url = await createDatabase(inject("testPgAdminUrl"), "convo_scratch");
  if (opts.migrated) await migrate(url);
  return url;
}

export async function dropScratchDatabase(url: string): Promise<void> {
  await dropDatabase(inject("testPgAdminUrl"), url);
}
