import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable, isUniqueViolation } from "./errors";

const known = (code: string, message = "x") => new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "7" });

describe("isDatabaseUnavailable", () => {
  it("recognises an unreachable, restarting or saturated database", () => {
    expect(isDatabaseUnavailable(known("P1001", "Can't reach database server at 127.0.0.1:5432"))).toBe(true);
    expect(isDatabaseUnavailable(known("P1017", "Server has closed the connection."))).toBe(true);
    expect(isDatabaseUnavailable(known("P2028", "Transaction API error: Unable to start a transaction in the given time."))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: { kind: "ConnectionClosed" } }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: { kind: "postgres", code: "08006" } }))).toBe(true);
    // A raw query (the message writer's) whose connection PostgreSQL closed while restarting.
    const rawQueryCut = new Prisma.PrismaClientKnownRequestError("Raw query failed. Message: `Server has closed the connection.`", {
      code: "P2010",
      clientVersion: "7",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } } },
    });
    expect(isDatabaseUnavailable(rawQueryCut)).toBe(true);
  });

  it("leaves real errors alone", () => {
    expect(isDatabaseUnavailable(known("P2002", "Unique constraint failed"))).toBe(false);
    expect(isDatabaseUnavailable(known("P2025", "Record not found"))).toBe(false);
    const rawQuerySyntax = new Prisma.PrismaClientKnownRequestError("Raw query failed.", {
      code: "P2010",
      clientVersion: "7",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "postgres", code: "42601" } } },
    });
    expect(isDatabaseUnavailable(rawQuerySyntax)).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isUniqueViolation(known("P2002"))).toBe(true);
  });
});
