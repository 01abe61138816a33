import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint rejected the write (a concurrent request got there first). */
export const isUniqueViolation = (err: unknown): boolean =>
  // pg's own error, from queryDirect; duck-typed, as a bundled route may hold another copy of pg.
  (err instanceof Error && "severity" in err && (err as { code?: unknown }).code === "23505") ||
  (err instanceof Prisma.PrismaClientKnownRequestError &&
    // P2002 from model queries; raw queries wrap the driver's error (SQLSTATE 23505) in P2010.
    (err.code === "P2002" ||
      (err.code === "P2010" &&
        (err.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined)?.driverAdapterError?.cause?.originalCode === "23505")));

// Prisma codes meaning "the database cannot be reached / did not answer / no connection free".
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// adapter-pg's driver error kinds for the same situations.
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// Node socket errors and pg's own messages when the server goes away mid-query.
const UNAVAILABLE_SYSCALL_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);
const UNAVAILABLE_MESSAGE = /Connection terminated|connection timeout|Can't reach database server|terminating connection due to administrator command|the database system is (starting up|shutting down)|Client has encountered a connection error|Unable to start a transaction in the given time/i;

/**
 * The database is down, restarting or saturated (not a bug, not the caller's fault): the request
 * may be retried. Duck-typed over Prisma's errors, adapter-pg's driver errors and pg's, following
 * `cause` chains and the driver error a raw query's P2010 carries in `meta`, since each layer
 * wraps the one below differently.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const pending: unknown[] = [err];
  for (let seen = 0; pending.length > 0 && seen < 10; seen++) {
    const e = pending.shift();
    if (!e || typeof e !== "object") continue;
    const { name, code, kind, message, cause, meta } = e as {
      name?: unknown;
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (name === "PrismaClientInitializationError") return true;
    if (typeof code === "string") {
      if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SYSCALL_CODES.has(code)) return true;
      // PostgreSQL SQLSTATE: class 08 connection exception, 57P01–57P03 shutdown / cannot connect now, 53300 too many connections.
      if (/^08...$/.test(code) || /^57P0[123]$/.test(code) || code === "53300") return true;
    }
    if (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    pending.push(cause, meta?.driverAdapterError);
  }
  return false;
}
