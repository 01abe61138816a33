// Whether to send again what the server refused (the outbox and receipts alike), and when.
import type { ClientError } from "./types";

/** Refusals that sending again will not change: the request itself is wrong or not allowed. */
const PERMANENT = new Set<ClientError["code"]>(["BAD_REQUEST", "FORBIDDEN", "NOT_FOUND", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "CONFLICT"]);

export function isPermanent(error: Pick<ClientError, "code">): boolean {
  return PERMANENT.has(error.code);
}

const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 30_000;

/**
 * The wait before retry number `failures` (1 for the first) after a temporary refusal: doubling
 * from a second, at least what a rate limit asks, never more than half a minute. Jittered, so the
 * clients one database outage refused together don't all come back in the same instant.
 */
export function retryDelayMs(error: ClientError, failures: number): number {
  const backoff = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 10));
  const jittered = backoff * (0.5 + Math.random() / 2);
  return Math.round(Math.min(MAX_RETRY_MS, Math.max(jittered, (error.retryAfterSeconds ?? 0) * 1_000)));
}
