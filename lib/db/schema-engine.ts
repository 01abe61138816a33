import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine as SchemaEngineType } from "@prisma/schema-engine-wasm";

// Prisma's schema engine compiled to wasm: the same migration differ as the native binary
// (which cannot be downloaded on our offline machines), used only to turn two Prisma schemas
// into migration SQL. Never point it at a real database (see docs in stack.md).

type EngineModule = typeof import("@prisma/schema-engine-wasm");

let loaded: Promise<EngineModule> | undefined;

/** The package entry does `import "./x.wasm"`, which Node 20 cannot: wire the wasm by hand. */
function loadEngine(): Promise<EngineModule> {
  loaded ??= (async () => {
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
    // The wasm glue reports Rust panics to this global; without it a panic becomes a TypeError.
    let panicMessage = "";
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      get: () => panicMessage,
      set_message: (m: string) => {
        panicMessage = `RuntimeError: ${m}`;
      },
    };
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return loaded;
}

// The engine probes the connection once at start-up, even for a pure schema-to-schema diff.
// This adapter answers that probe like a PostgreSQL 15 server and refuses anything else, so
// a code path that really needs a database fails loudly instead of touching one.
const PROBE = /pg_namespace[\s\S]*version\(\)/i;

function refuse(sql: string): never {
  throw new Error(`schema-engine: offline adapter cannot run: ${sql.slice(0, 120)}`);
}

function fakeAdapter(): SqlDriverAdapter {
  return {
    provider: "postgres",
    adapterName: "convo-offline",
    async queryRaw(q: SqlQuery): Promise<SqlResultSet> {
      if (!PROBE.test(q.sql)) refuse(q.sql);
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [5, 7, 0], // Boolean, Text, Int32
        rows: [[true, "PostgreSQL 15", 150000]],
      };
    },
    executeRaw: async (q: SqlQuery) => refuse(q.sql),
    executeScript: async (s: string) => refuse(s),
    startTransaction: async () => refuse("BEGIN"),
    dispose: async () => {},
  };
}

const fakeFactory: SqlMigrationAwareDriverAdapterFactory = {
  provider: "postgres",
  adapterName: "convo-offline",
  connect: async () => fakeAdapter(),
  connectToShadowDb: async () => fakeAdapter(),
};

type Target = { tag: "empty" } | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };
const datamodel = (content: string): Target => ({
  tag: "schemaDatamodel",
  files: [{ path: "schema.prisma", content }],
});

/** True when a script holds only comments/whitespace (the engine's "-- This is an empty migration."). */
export function isEmptyMigration(sql: string): boolean {
  return sql
    .split("\n")
    .every((line) => line.trim() === "" || line.trim().startsWith("--"));
}

/**
 * Migration SQL that turns a database matching `from` (null = empty database) into one
 * matching `to`. Byte-identical to `prisma migrate diff --script`, except that "no changes"
 * is returned as "" (the engine prints a comment) so callers can test it plainly.
 */
export async function diffSchemas(from: string | null, to: string): Promise<string> {
  const { SchemaEngine } = await loadEngine();
  const engine: SchemaEngineType = await SchemaEngine.new(
    { datamodels: [["schema.prisma", to]] },
    () => {}, // engine tracing: not useful here
    bindMigrationAwareSqlAdapterFactory(fakeFactory),
  );
  try {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : datamodel(from),
      to: datamodel(to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = result.stdout ?? "";
    return isEmptyMigration(sql) ? "" : sql;
  } finally {
    engine.free();
  }
}
