import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { testDb } from "@/lib/test-support/database";
import { queryDirect } from "./direct-query";
import { isUniqueViolation } from "./errors";
import { preparedStatement } from "./prepared-statements";

const db = testDb();

describe("queryDirect", () => {
  it("returns the rows $queryRaw returns, typed the same: bigint, Date, parsed JSON, null", async () => {
    const at = new Date("2026-03-04T05:06:07.089Z");
    const statement = Prisma.sql`SELECT ${42}::bigint AS big, ${at}::timestamp(3) AS wall, ${at}::timestamptz AS zoned,
      '{"a":[1,"b"]}'::jsonb AS doc, ${"x"}::text AS word, ${7}::int AS small, true AS yes, NULL::text AS nothing,
      ${randomUUID()}::uuid AS id`;
    const [direct] = await queryDirect<Record<string, unknown>>(db, statement);
    const [viaPrisma] = await db.$queryRaw<Record<string, unknown>[]>(statement);
    expect(direct).toEqual(viaPrisma);
    expect(direct).toMatchObject({ big: 42n, wall: at, zoned: at, doc: { a: [1, "b"] }, small: 7, yes: true, nothing: null });
  });

  it("reads a Date parameter as UTC for a timestamp column, whatever the process's time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      const at = new Date("2026-01-02T23:30:00.000Z");
      const [row] = await queryDirect<{ text: string; back: Date }>(db, Prisma.sql`SELECT ${at}::timestamp(3)::text AS text, ${at}::timestamp(3) AS back`);
      expect(row!.text).toBe("2026-01-02 23:30:00");
      expect(row!.back).toEqual(at);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("runs a marked statement prepared, on the same pool as Prisma", async () => {
    const statement = () => Prisma.sql`${preparedStatement("unit-direct")} SELECT ${1}::int + 1 AS n, pg_backend_pid() AS pid`;
    const seen = new Set<number>();
    for (let i = 0; i < 12; i++) seen.add((await queryDirect<{ n: number; pid: number }>(db, statement()))[0]!.pid);
    const [row] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM pg_stat_activity
      WHERE datname = current_database() AND pid = ANY(${[...seen]}::int[])`;
    // Every connection that served it belongs to the pool Prisma uses (still open), not a second pool.
    expect(Number(row!.count)).toBe(seen.size);
  });

  it("lets a unique violation be recognised as one", async () => {
    const email = `direct-${randomUUID()}@example.test`;
    const insert = () => queryDirect(db, Prisma.sql`INSERT INTO "User" (id, email, name, username, initials, "avatarColor", "updatedAt")
      VALUES (${randomUUID()}::uuid, ${email}, 'Direct', ${`direct_${randomUUID().slice(0, 8)}`}, 'D', '#123456', now())`);
    await insert();
    const err = await insert().catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
  });

  it("refuses a client that connectDb did not make", async () => {
    await expect(queryDirect({}, Prisma.sql`SELECT 1`)).rejects.toThrow(/connectDb/);
  });
});
