import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createScratchDatabase, dropScratchDatabase } from "@/lib/test-support/database";
import { connectDb, disconnectDb } from "./client";
import { queryDirect } from "./direct-query";

// A database of its own: this file disconnects the process-wide client.
const url = await createScratchDatabase();
afterAll(() => dropScratchDatabase(url));

async function connectionsTo(databaseUrl: string): Promise<number> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [name],
    );
    return rows[0]!.n;
  } finally {
    await admin.end();
  }
}

it("closes every connection on disconnect, also when only raw statements ever ran", async () => {
  const db = connectDb(url, 3);
  await Promise.all([1, 2].map((n) => queryDirect(db, Prisma.sql`SELECT ${n}::int AS n, pg_sleep(0.05)`)));
  expect(await connectionsTo(url)).toBe(2);

  await disconnectDb();
  expect(await connectionsTo(url)).toBe(0);
});
