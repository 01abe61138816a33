import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { diffSchemas } from "@/lib/db/schema-engine";
import { createScratchDatabase, dropScratchDatabase } from "@/lib/test-support/database";

// Fails when prisma/schema.prisma and the committed migrations disagree, so drift cannot land:
// database A gets the committed migrations, database B gets what the schema engine says the
// schema needs from scratch, and their `pg_dump --schema-only` must be identical.
//
// Ignored on purpose:
// - `_prisma_migrations`, the runner's bookkeeping;
// - objects whose names end in `_custom`: hand-written SQL appended in a migration for what
//   Prisma cannot express (full-text indexes, triggers, generated tsvector columns). Name such
//   objects `<something>_custom` and this test lets them through.

const FIX = "Run `npm run db:migration -- <name>` to generate the missing migration.";
const PG_DUMP = process.env.PG_DUMP ?? "/usr/bin/pg_dump";
const root = process.cwd();

async function dumpSchema(url: string): Promise<string> {
  const { stdout } = await promisify(execFile)(PG_DUMP, ["--schema-only", "--no-owner", "--no-privileges", url], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

const isCustom = (name: string) => name.replace(/\(.*$/, "").replace(/"/g, "").endsWith("_custom");

/**
 * Splits a dump into its per-object sections (pg_dump heads each with
 * "-- Name: <table> <object>; Type: ..."), drops ignored objects, comments, blank lines, SET
 * lines and `\restrict` tokens (random per dump), and returns the rest as comparable text.
 */
function normalizeDump(dump: string): string {
  const sections = dump.split(/^--\n(?=-- Name: )/m);
  const kept: string[] = [];
  for (const section of sections) {
    const header = /^-- Name: (.*?); Type: /m.exec(section);
    if (header) {
      const names = header[1]!.split(" ");
      if (names.includes("_prisma_migrations") || isCustom(names.at(-1)!)) continue;
    }
    const lines = section
      .split("\n")
      // Session boilerplate (SET ..., set_config) is not schema, and pg_dump puts it in whichever
      // section comes first, which may be an ignored one.
      .filter((l) => l.trim() !== "" && !l.startsWith("--") && !/^(\\(un)?restrict |SET |SELECT pg_catalog\.set_config)/.test(l))
      // Hand-written `_custom` columns inside a Prisma table: drop the column line, and the
      // trailing commas so the remaining column list still compares equal.
      .filter((l) => !/^\s+"?[A-Za-z0-9_]*_custom"? /.test(l))
      .map((l) => l.replace(/,$/, ""));
    kept.push(sortTableColumns(lines).join("\n"));
  }
  return kept.filter(Boolean).join("\n\n");
}

/**
 * ALTER TABLE … ADD COLUMN appends, while a fresh CREATE TABLE lists columns in schema order:
 * the order of column lines inside a CREATE TABLE is not drift, so compare them sorted.
 */
function sortTableColumns(lines: string[]): string[] {
  const start = lines.findIndex((l) => l.startsWith("CREATE TABLE "));
  const end = lines.indexOf(");", start);
  if (start < 0 || end < 0) return lines;
  return [...lines.slice(0, start + 1), ...lines.slice(start + 1, end).sort(), ...lines.slice(end)];
}

async function run(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describe("schema drift", () => {
  let migrated: string;
  let fromSchema: string;
  let schema: string;

  beforeAll(async () => {
    schema = await readFile(path.join(root, "prisma/schema.prisma"), "utf8");
    [migrated, fromSchema] = await Promise.all([createScratchDatabase(), createScratchDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([migrated, fromSchema].filter(Boolean).map((u) => dropScratchDatabase(u)));
  });

  it("the migration snapshot matches prisma/schema.prisma", async () => {
    const snapshot = await readFile(path.join(root, "prisma/migrations/schema.snapshot.prisma"), "utf8");
    const pending = await diffSchemas(snapshot, schema);
    expect(pending, `prisma/schema.prisma changed since the last migration. ${FIX}\nPending SQL:\n${pending}`).toBe("");
  });

  it("the committed migrations produce the database prisma/schema.prisma describes", async () => {
    await migrate(migrated);
    await run(fromSchema, await diffSchemas(null, schema));
    const [a, b] = await Promise.all([dumpSchema(migrated), dumpSchema(fromSchema)]);
    expect(
      normalizeDump(a),
      `The migrations in prisma/migrations do not build the schema in prisma/schema.prisma. ${FIX} ` +
        "If a migration.sql was edited by hand, name hand-written objects *_custom.",
    ).toBe(normalizeDump(b));
  });
});
