import type { ByteRange } from "./storage-driver";

export type RangeRequest =
  /** No usable Range header: send the whole representation (200). */
  | { kind: "full" }
  /** One satisfiable range (206). */
  | { kind: "partial"; range: ByteRange }
  /** A syntactically valid range that lies outside the representation (416). */
  | { kind: "unsatisfiable" };

/**
 * Interprets a `Range` header for a representation of `size` bytes (RFC 9110 §14). Only single
 * byte ranges are served; malformed or multi-range headers are ignored (a full 200 is allowed).
 */
export function parseRange(header: string | null, size: number): RangeRequest {
  if (!header) return { kind: "full" };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return { kind: "full" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "full" };
  if (first === "") {
    // Suffix range: the last N bytes.
    const length = Number(last);
    if (!Number.isSafeInteger(length) || length === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", range: { start: Math.max(size - length, 0), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return { kind: "full" };
  if (last !== "" && Number(last) < start) return { kind: "full" }; // invalid: ignore the header
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", range: { start, end } };
}
