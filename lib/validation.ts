import { z } from "zod";
import { AppError } from "@/lib/errors";

export const id = z.uuid({ error: "Invalid id" });
export const seq = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const clientId = z.string().trim().min(8, "Invalid client id").max(64, "Invalid client id").regex(/^[A-Za-z0-9_-]+$/, "Invalid client id");

export const NUL_REFUSED = "Text can't contain NUL characters";

/**
 * PostgreSQL keeps no NUL character in text or JSON: a string with one would fail its statement
 * (and a group commit with it) as a server error. Every transport refuses it here, before any
 * work: request bodies and URLs (lib/http/api-route.ts), socket events (lib/realtime).
 */
export function assertNoNulCharacters(input: unknown): void {
  if (containsNul(input)) throw new AppError("BAD_REQUEST", NUL_REFUSED);
}

/** The same, for a URL: `%00` decodes to NUL wherever it is (path or query). */
export function assertNoNulInUrl(url: string): void {
  if (/%00/i.test(url)) throw new AppError("BAD_REQUEST", NUL_REFUSED);
}

/** Walked with a stack of its own: an input nested thousands deep must not overflow the call stack. */
export function containsNul(input: unknown): boolean {
  const pending = [input];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === "string") {
      if (value.includes("\u0000")) return true;
    } else if (value !== null && typeof value === "object") {
      for (const item of Array.isArray(value) ? value : Object.values(value)) pending.push(item);
    }
  }
  return false;
}
