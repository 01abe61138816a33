import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint rejected the write (a concurrent request got there first). */
export const isUniqueViolation = (err: unknown): boolean =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
