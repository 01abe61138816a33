import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { testDb } from "@/lib/test-support/database";
import { preparedStatement, statementNamer } from "./prepared-statements";

const db = testDb();

describe("prepared statements", () => {
  it("names only marked statements, one name per distinct text", () => {
    const name = statementNamer();
    const a = Prisma.sql`${preparedStatement("unit-a")} SELECT ${1}::int`;
    const b = Prisma.sql`${preparedStatement("unit-a")} SELECT ${1}::int, 2`;
    expect(name(a)).toMatch(/^unit-a-[0-9a-f]{16}$/);
    expect(name(a)).toBe(name(a));
    expect(name(b)).not.toBe(name(a));
    expect(name(Prisma.sql`SELECT ${1}::int`)).toBe("");
    expect(() => preparedStatement("Bad name */ DROP")).toThrow();
  });

  it("stops naming new texts past the cap, so a connection never collects unboundedly many", () => {
    const name = statementNamer(3);
    const names = Array.from({ length: 5 }, (_, i) => name({ sql: `/* prepared: unit-cap */ SELECT ${i}` }));
    expect(names.slice(0, 3).every((n) => n.startsWith("unit-cap-"))).toBe(true);
    expect(names.slice(3)).toEqual(["", ""]);
    expect(name({ sql: "/* prepared: unit-cap */ SELECT 0" })).toBe(names[0]);
  });

  it("runs marked statements as named prepared statements on the connection", async () => {
    // One transaction: every statement on the same pooled connection.
    const prepared = await db.$transaction(async (tx) => {
      for (let i = 0; i < 3; i++) expect(await tx.$queryRaw`${preparedStatement("unit-db")} SELECT ${i}::int + 1 AS n`).toEqual([{ n: i + 1 }]);
      return tx.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements WHERE name LIKE 'unit-db-%'`;
    });
    expect(prepared).toHaveLength(1);
  });
});
