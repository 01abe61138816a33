import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

// Raw statements outside transactions (the history page, the batched insert, receipts, the
// session lookup…) skip Prisma's client runtime and run on the pg pool beneath it. Measured
// in-process on Node 24, 1,800 history pages through $queryRaw promoted 53–60 MB to the old
// generation (young collections of 10–16 ms), against 8 MB (2–5 ms) for the same statement on
// the pool: the runtime's per-call objects outlive young collections, and every pause lands on
// whatever request is in flight. Same statement, same pool, same prepared-statement names; the
// rows come back typed as $queryRaw types them.

type Direct = { pool: pg.Pool; statementName: (query: { sql: string }) => string };

// Keyed by the PrismaClient that owns the pool (connectDb registers it), on globalThis because
// server.ts and Next's bundled route modules each load their own copy of this module.
const g = globalThis as typeof globalThis & { __convoDirectPools?: WeakMap<object, Direct> };
const directs = (g.__convoDirectPools ??= new WeakMap<object, Direct>());

export function registerDirectPool(db: object, direct: Direct): void {
  directs.set(db, direct);
}

/** The pool registered for `db`, for whoever closes it. */
export function directPoolOf(db: object): pg.Pool | undefined {
  return directs.get(db)?.pool;
}

// What $queryRaw returns for these types: bigint for int8, Date for timestamps (a timestamp
// without time zone is UTC, Prisma's convention). json, jsonb, text, uuid, int4 and bool parse
// as pg's defaults.
const PARSERS: Record<number, (value: string) => unknown> = {
  20: (value) => BigInt(value),
  1114: (value) => new Date(`${value.replace(" ", "T")}Z`),
  1184: (value) => new Date(value),
};
const types = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    (format ?? "text") === "text" && PARSERS[oid] ? PARSERS[oid] : pg.types.getTypeParser(oid, format),
};

// pg would send a Date in the process's local time, which a timestamp column reads as wall time.
const toParameter = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/**
 * Runs a Prisma.Sql on the pool of `db` and returns its rows as objects. Only for statements
 * outside any transaction, on a client made by connectDb. Errors are pg's own (SQLSTATE in
 * `code`); isUniqueViolation and isDatabaseUnavailable read them.
 */
export async function queryDirect<Row>(db: object, query: Prisma.Sql): Promise<Row[]> {
  const direct = directs.get(db);
  if (!direct) throw new Error("queryDirect: this database client was not made by connectDb");
  const result = await direct.pool.query<Row & pg.QueryResultRow>({
    name: direct.statementName({ sql: query.text }) || undefined,
    text: query.text,
    values: query.values.map(toParameter),
    types,
  });
  return result.rows;
}
