import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// A Prisma-compatible `migrate deploy`: the native schema engine cannot be downloaded here and
// the wasm engine cannot apply scripts safely (stack.md). Everything observable mirrors
// prisma-engines — lock id, `_prisma_migrations` layout, checksums, error codes — so that
// `prisma migrate status/deploy` run elsewhere agrees with databases migrated by this runner.

/** Prisma Migrate's advisory lock id: this runner and Prisma exclude each other. */
const LOCK_ID = 72707369;
const LOCK_TIMEOUT_MS = 10_000;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationErrorCode = "P3005" | "P3009" | "P3018" | "LOCK_TIMEOUT" | "BAD_MIGRATIONS_DIR";

export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "MigrationError";
  }
}

export type MigrateOptions = { migrationsDir?: string; log?: (msg: string) => void };

type LocalMigration = { name: string; sql: string; checksum: string };
type AppliedRow = {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  started_at: Date;
};

/** sha256 hex of the script, as prisma-engines computes `_prisma_migrations.checksum`. */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export function defaultMigrationsDir(): string {
  return path.resolve(process.cwd(), "prisma/migrations");
}

/** Every `<dir>/migration.sql`, ordered like the Prisma CLI orders them (localeCompare). */
export async function readMigrations(dir: string): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return [];
    throw e;
  });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  names.sort((a, b) => a.localeCompare(b));
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const sql = await readFile(file, "utf8").catch(() => {
        throw new MigrationError("BAD_MIGRATIONS_DIR", `${file} is missing or unreadable`);
      });
      return { name, sql, checksum: migrationChecksum(sql) };
    }),
  );
}

async function acquireLock(client: pg.Client): Promise<void> {
  // Poll rather than SET lock_timeout: a session setting would leak into the migration scripts
  // (and, on the embedded PGlite server, into every connection, which share one backend).
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  for (;;) {
    const res = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [LOCK_ID]);
    if (res.rows[0]?.ok) return;
    if (Date.now() > deadline) {
      throw new MigrationError(
        "LOCK_TIMEOUT",
        `timed out after ${LOCK_TIMEOUT_MS} ms waiting for advisory lock ${LOCK_ID} (another migration is running)`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function tableExists(client: pg.Client): Promise<boolean> {
  const res = await client.query<{ ok: boolean }>(
    `SELECT to_regclass(quote_ident(current_schema()) || '._prisma_migrations') IS NOT NULL AS ok`,
  );
  return res.rows[0]?.ok === true;
}

/** Prisma treats a schema holding tables, views, sequences or enums as "not empty". */
async function schemaIsEmpty(client: pg.Client): Promise<boolean> {
  const res = await client.query<{ n: string }>(`
    SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = current_schema() AND c.relkind IN ('r','p','v','m','S','f'))
         + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname = current_schema() AND t.typtype = 'e') AS n`);
  return Number(res.rows[0]?.n ?? 0) === 0;
}

function describeDbError(err: unknown): string {
  const e = err as { code?: string; message?: string; position?: string; detail?: string };
  return [
    e.code ? `Database error code: ${e.code}` : undefined,
    `Database error:\n${e.message ?? String(err)}`,
    e.position ? `Position: ${e.position}` : undefined,
    e.detail ? `Detail: ${e.detail}` : undefined,
  ]
    .filter(Boolean)
    .join("\n\n");
}

async function applyOne(client: pg.Client, m: LocalMigration): Promise<void> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, started_at, migration_name, applied_steps_count)
     VALUES ($1, $2, now(), $3, 0)`,
    [id, m.checksum, m.name],
  );
  try {
    // One simple-protocol query (no parameters): Postgres runs the whole file as one implicit
    // transaction, so a failure leaves nothing half-applied; explicit BEGIN/COMMIT still work.
    await client.query(m.sql);
  } catch (err) {
    // A script with its own BEGIN that failed leaves the session in an aborted transaction;
    // end it so the log can be written (outside a transaction this is only a warning).
    await client.query("ROLLBACK").catch(() => {});
    const logs = `Migration name: ${m.name}\n\n${describeDbError(err)}`;
    await client.query(`UPDATE "_prisma_migrations" SET logs = $1 WHERE id = $2`, [logs, id]);
    throw new MigrationError(
      "P3018",
      `A migration failed to apply. New migrations cannot be applied before the error is recovered from. ` +
        `See https://pris.ly/d/migrate-resolve\n\n${logs}`,
    );
  }
  await client.query(
    `UPDATE "_prisma_migrations" SET applied_steps_count = applied_steps_count + 1, finished_at = now() WHERE id = $1`,
    [id],
  );
}

/** Applies pending migrations in order; returns the names it applied. */
export async function migrate(url: string, opts: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const dir = opts.migrationsDir ?? defaultMigrationsDir();
  const log = opts.log ?? (() => {});
  const local = await readMigrations(dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await acquireLock(client);
    try {
      if (!(await tableExists(client))) {
        if (!(await schemaIsEmpty(client))) {
          throw new MigrationError(
            "P3005",
            "The database schema is not empty and has no _prisma_migrations table. " +
              "Baseline it first: https://pris.ly/d/migrate-baseline",
          );
        }
        await client.query(CREATE_TABLE);
      }
      const rows = (
        await client.query<AppliedRow>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`)
      ).rows;
      const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
      if (failed) {
        throw new MigrationError(
          "P3009",
          `migrate found failed migrations in the target database, new migrations will not be applied. ` +
            `The \`${failed.migration_name}\` migration started at ${failed.started_at.toISOString()} failed. ` +
            `Fix it and mark it with \`prisma migrate resolve\`: https://pris.ly/d/migrate-resolve`,
        );
      }
      const done = new Map(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r]));
      for (const name of done.keys()) {
        if (!local.some((m) => m.name === name)) log(`warning: applied migration ${name} is missing from ${dir}`);
      }
      const applied: string[] = [];
      for (const m of local) {
        const row = done.get(m.name);
        if (row) {
          if (row.checksum !== m.checksum) log(`warning: migration ${m.name} was modified after it was applied`);
          continue;
        }
        log(`applying ${m.name}`);
        await applyOne(client, m);
        applied.push(m.name);
      }
      return { applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}
