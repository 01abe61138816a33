import { createHash } from "node:crypto";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultMigrationsDir, migrate, migrationChecksum, readMigrations, type MigrationError } from "@/lib/db/migrate";
import { createScratchDatabase, dropScratchDatabase } from "@/lib/test-support/database";

// Real PostgreSQL, one scratch database per case: the runner's behaviour on failure is only
// meaningful against the server's real transaction semantics.

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

async function writeMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

let url: string;
beforeEach(async () => {
  url = await createScratchDatabase();
});
afterEach(async () => {
  await dropScratchDatabase(url);
});

describe("migrate", () => {
  it("applies the committed migrations once, with Prisma's checksums", async () => {
    const local = await readMigrations(defaultMigrationsDir());
    expect(local.length).toBeGreaterThan(0);

    const first = await migrate(url);
    expect(first.applied).toEqual(local.map((m) => m.name));
    expect((await migrate(url)).applied).toEqual([]);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY started_at`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(local.map((m) => m.name));
    for (const row of rows) {
      const file = await readFile(path.join(defaultMigrationsDir(), row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("leaves the word index without a pending list, so no send waits for it to be merged", async () => {
    await migrate(url);
    const [index] = await query<{ reloptions: string[] | null }>(url, `SELECT reloptions FROM pg_class WHERE relname = 'message_search_custom'`);
    expect(index?.reloptions).toContain("fastupdate=off");
  });

  it("refuses a non-empty schema without _prisma_migrations (P3005)", async () => {
    await query(url, "CREATE TABLE legacy (id int)");
    await expect(migrate(url)).rejects.toMatchObject({ name: "MigrationError", code: "P3005" });
    const tables = await query(url, "SELECT 1 FROM pg_tables WHERE tablename = '_prisma_migrations'");
    expect(tables).toHaveLength(0);
  });

  describe("with a failing migration", () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), "convo-migrations-"));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it("rolls it back entirely, records logs, and blocks later runs (P3009)", async () => {
      await writeMigration(dir, "20240101000000_ok", `CREATE TABLE "a" ("id" INT);`);
      await writeMigration(
        dir,
        "20240102000000_broken",
        `CREATE TABLE "b" ("id" INT);\nINSERT INTO "a" VALUES (1);\nINSERT INTO "missing" VALUES (1);\n`,
      );
      const logs: string[] = [];
      const err = (await migrate(url, { migrationsDir: dir, log: (m) => logs.push(m) }).catch((e) => e)) as MigrationError;
      expect(err.code).toBe("P3018");
      expect(err.message).toContain("20240102000000_broken");
      expect(err.message).toContain("42P01"); // undefined_table
      expect(logs).toEqual(["applying 20240101000000_ok", "applying 20240102000000_broken"]);

      // Nothing of the broken script survived: not table b, not the row inserted into a.
      expect(await query(url, `SELECT to_regclass('public.b') AS t`)).toEqual([{ t: null }]);
      expect(await query(url, `SELECT count(*)::int AS n FROM "a"`)).toEqual([{ n: 0 }]);

      const rows = await query<{ migration_name: string; finished_at: Date | null; logs: string | null; checksum: string }>(
        url,
        `SELECT migration_name, finished_at, logs, checksum FROM _prisma_migrations ORDER BY started_at`,
      );
      expect(rows).toHaveLength(2);
      expect(rows[1]?.finished_at).toBeNull();
      expect(rows[1]?.logs).toContain('relation "missing" does not exist');
      const brokenSql = await readFile(path.join(dir, "20240102000000_broken", "migration.sql"), "utf8");
      expect(rows[1]?.checksum).toBe(migrationChecksum(brokenSql));

      await writeMigration(dir, "20240103000000_later", `CREATE TABLE "c" ("id" INT);`);
      await expect(migrate(url, { migrationsDir: dir })).rejects.toMatchObject({ code: "P3009" });
      expect(await query(url, `SELECT to_regclass('public.c') AS t`)).toEqual([{ t: null }]);
    });

    it("records logs when a script with its own BEGIN/COMMIT fails", async () => {
      await writeMigration(dir, "20240101000000_tx", `BEGIN;\nCREATE TABLE "t" ("id" INT);\nSELECT 1/0;\nCOMMIT;\n`);
      await expect(migrate(url, { migrationsDir: dir })).rejects.toMatchObject({ code: "P3018" });
      const rows = await query<{ logs: string | null }>(url, `SELECT logs FROM _prisma_migrations`);
      expect(rows[0]?.logs).toContain("division by zero");
      expect(await query(url, `SELECT to_regclass('public.t') AS t`)).toEqual([{ t: null }]);
    });
  });
});
