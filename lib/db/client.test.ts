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

it("works in UTC on a server set to another time zone, so now() in SQL is the instant JavaScript means", async () => {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${new URL(url).pathname.slice(1)}" SET TimeZone = 'Asia/Tokyo'`);
  await admin.end();
  const db = connectDb(url, 1);
  try {
    const [row] = await queryDirect<{ tz: string; now: Date }>(db, Prisma.sql`SELECT current_setting('TimeZone') AS tz, now()::timestamp(3) AS now`);
    expect(row!.tz).toBe("UTC");
    // Read as UTC, as Prisma reads timestamp columns: 9 hours off if the session were in Tokyo.
    expect(Math.abs(row!.now.getTime() - Date.now())).toBeLessThan(60_000);
  } finally {
    await disconnectDb();
  }
});
