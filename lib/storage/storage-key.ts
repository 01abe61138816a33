import { randomUUID } from "node:crypto";

// Storage keys are minted by the server, never taken from a client: `<yyyy>/<mm>/<uuid>`. Every
// driver checks a key against this exact shape before it touches a file or builds a URL, so a
// crafted key (`../../etc/passwd`, an absolute path, `%2F`, a backslash, a NUL) cannot name
// anything outside the upload store.

const KEY_PATTERN = /^\d{4}\/(0[1-9]|1[0-2])\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class InvalidStorageKeyError extends Error {
  constructor(key: unknown) {
    super(`Invalid storage key: ${JSON.stringify(String(key)).slice(0, 80)}`);
    this.name = "InvalidStorageKeyError";
  }
}

/** A fresh key, sharded by the (UTC) month so no directory grows without bound. */
export function newStorageKey(now: Date = new Date()): string {
  const yyyy = String(now.getUTCFullYear()).padStart(4, "0");
  const mm = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${yyyy}/${mm}/${randomUUID()}`;
}

export function isStorageKey(key: unknown): key is string {
  return typeof key === "string" && KEY_PATTERN.test(key);
}

export function assertStorageKey(key: unknown): asserts key is string {
  if (!isStorageKey(key)) throw new InvalidStorageKeyError(key);
}
