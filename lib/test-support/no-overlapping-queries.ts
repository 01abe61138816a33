// pg warns, once per process, when a query starts on a connection still busy with another: the
// way Prisma runs a relation select inside a transaction. pg@9 refuses such queries, so the test
// file during which it happens fails.
import { afterAll, expect } from "vitest";

const OVERLAP = "already executing a query";
const seen = ((globalThis as { __pgOverlaps?: string[] }).__pgOverlaps ??= []);
const listening = globalThis as { __pgOverlapListener?: true };
if (!listening.__pgOverlapListener) {
  listening.__pgOverlapListener = true;
  process.on("warning", (warning) => {
    if (warning.name === "DeprecationWarning" && warning.message.includes(OVERLAP)) seen.push(warning.message);
  });
}

// This file runs before each test file: only the file during which it happened fails.
const before = seen.length;
afterAll(() => {
  expect(seen.slice(before), "a query overlapped another on one pg connection (a relation select inside a transaction?)").toEqual([]);
});
