import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/db/migrate";

// Runs once per `vitest run` in the main process: one fresh, fully migrated database for the
// whole run (cheaper than one per file, and it exercises the real migrations every time).
// The create/drop helpers at the bottom are also used by lib/test-support/database.ts in the
// workers (this module imports nothing from vitest at run time, so both sides can load it).

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of this run's migrated test database (see lib/test-support/database.ts). */
    testDatabaseUrl: string;
    /** Admin URL used to create/drop scratch databases. */
    testPgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = adminUrlFromEnv();
  let url: string;
  try {
    url = await createDatabase(adminUrl, "convo_test");
  } catch (err) {
    throw new Error(
      `Tests need PostgreSQL at ${adminUrl} (set TEST_PG_ADMIN_URL to change it): ${(err as Error).message}`,
    );
  }
  try {
    await migrate(url);
  } catch (err) {
    await dropDatabase(adminUrl, url);
    throw err;
  }
  project.provide("testDatabaseUrl", url);
  project.provide("testPgAdminUrl", adminUrl);
  // Also as an env var, for code that runs outside vitest's inject() (child processes).
  process.env.TEST_DATABASE_URL = url;
  return async () => {
    await dropDatabase(adminUrl, url);
  };
}

// --- throwaway databases on the developers'/CI PostgreSQL (127.0.0.1:5432, trust auth) ---

export const DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export function adminUrlFromEnv(): string {
  return process.env.TEST_PG_ADMIN_URL || DEFAULT_ADMIN_URL;
}

/** The admin URL with its database path replaced. */
export function urlForDatabase(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database named `<prefix>_<pid>_<random>` and returns its URL. */
export async function createDatabase(adminUrl: string, prefix: string): Promise<string> {
  // pid + random: parallel runs on one machine (and a crashed run's leftovers) never collide.
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return urlForDatabase(adminUrl, name);
}

/** Drops the database behind `url`, disconnecting its leftover clients (pools, leaks) first. */
export async function dropDatabase(adminUrl: string, url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop database ${JSON.stringify(name)}`);
  await withAdmin(adminUrl, async (c) => {
    await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
    await c.query(`DROP DATABASE IF EXISTS "${name}"`);
  });
}
