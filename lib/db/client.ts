import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { directPoolOf, registerDirectPool } from "./direct-query";
import { statementNamer } from "./prepared-statements";

// One client per process, shared through globalThis: server.ts (loaded by tsx or esbuild) and
// Next's bundled route modules are separate module graphs that must not each open a pool.
export type DatabaseKind = "embedded" | "postgres";
type DbGlobal = { __convoDb?: PrismaClient; __convoDbUrl?: string; __convoDbKind?: DatabaseKind };
const g = globalThis as typeof globalThis & DbGlobal;

export type Db = PrismaClient;

/**
 * Every session in UTC, whatever the server's TimeZone: timestamp columns hold UTC (Prisma's
 * convention), and a column default or now() written in SQL (the message insert, expiries,
 * mutes) must mean the same instant as the Dates Prisma writes.
 */
export function poolConfig(url: string, max: number): pg.PoolConfig {
  return { connectionString: url, max, options: "-c TimeZone=UTC" };
}

/** Called once by server.ts (or a test) after the database URL is known. */
export function connectDb(url: string, poolSize = 10, kind: DatabaseKind = "postgres"): PrismaClient {
  g.__convoDbKind = kind;
  if (g.__convoDb && g.__convoDbUrl === url) return g.__convoDb;
  // One pool and one statement namer for Prisma and for queryDirect: the same connections, and
  // a prepared statement's name always means the same text on them.
  const pool = new pg.Pool(poolConfig(url, poolSize));
  // PGlite is one session behind all its connections, and a prepared statement outlives the
  // connection that made it: the next connection (pg-pool replaces one idle for 10 s) would
  // prepare a name the session already holds and fail with 42P05 on every use. So statements
  // go unnamed there, as they would without the namer.
  const statementName = statementNamer(kind === "embedded" ? 0 : undefined);
  const adapter = new PrismaPg(pool, { statementNameGenerator: statementName, disposeExternalPool: true });
  g.__convoDb = new PrismaClient({ adapter });
  registerDirectPool(g.__convoDb, { pool, statementName });
  g.__convoDbUrl = url;
  return g.__convoDb;
}

export function db(): PrismaClient {
  if (!g.__convoDb) throw new Error("Database not connected: server.ts calls connectDb() at start");
  return g.__convoDb;
}

export async function disconnectDb(): Promise<void> {
  const client = g.__convoDb;
  g.__convoDb = undefined;
  g.__convoDbUrl = undefined;
  if (!client) return;
  await client.$disconnect();
  // Prisma ends the pool only if it ever connected: a process that used queryDirect alone would
  // keep its connections open.
  const pool = directPoolOf(client);
  if (pool && !pool.ending) await pool.end();
}

/** Which database this process uses, for the readiness report. */
export function databaseKind(): DatabaseKind | undefined {
  return g.__convoDbKind;
}
