import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDiskDriver } from "./local-disk-driver";
import { RangeNotSatisfiableError } from "./storage-driver";
import { isStorageKey, newStorageKey } from "./storage-key";

let base: string;
let driver: LocalDiskDriver;

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "convo-disk-"));
  driver = new LocalDiskDriver(path.join(base, "data", "uploads"));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const CRAFTED_KEYS = [
  "../../etc/passwd",
  "/etc/passwd",
  "2024/01/../../../etc/passwd",
  "2024/01/..%2F..%2Fetc%2Fpasswd",
  "..%2F..%2Fetc%2Fpasswd",
  "2024%2F01%2F6f1c7a4e-5b7d-4c59-9a51-0d2c1b7e9f10",
  "2024\\01\\6f1c7a4e-5b7d-4c59-9a51-0d2c1b7e9f10",
  "2024/01/6f1c7a4e-5b7d-4c59-9a51-0d2c1b7e9f10/../../../x",
  "2024/01/6f1c7a4e-5b7d-4c59-9a51-0d2c1b7e9f10\0.txt",
  "2024/01/6f1c7a4e-5b7d-4c59-9a51-0d2c1b7e9f10\n",
  " 2024/01/6f1c7a4e-5b7d-4c59-9a51-0d2c1b7e9f10",
  "2024/13/6f1c7a4e-5b7d-4c59-9a51-0d2c1b7e9f10",
  "2024/01/6F1C7A4E-5B7D-4C59-9A51-0D2C1B7E9F10",
  "./2024/01/6f1c7a4e-5b7d-4c59-9a51-0d2c1b7e9f10",
  "2024//01/6f1c7a4e-5b7d-4c59-9a51-0d2c1b7e9f10",
  "",
  ".",
  "..",
];

describe("local disk driver", () => {
  it("mints keys of the one accepted shape", () => {
    const key = newStorageKey(new Date(Date.UTC(2026, 10, 22)));
    expect(key).toMatch(/^2026\/11\/[0-9a-f-]{36}$/);
    expect(isStorageKey(key)).toBe(true);
  });

  it("rejects crafted keys before touching the filesystem, for every operation", async () => {
    // A file just outside the store that a traversal would reach.
    const outside = path.join(base, "data", "secret.txt");
    await mkdir(path.dirname(outside), { recursive: true });
    await writeFile(outside, "top secret");
    const source = path.join(base, "source");
    await writeFile(source, "payload");
    for (const key of CRAFTED_KEYS) {
      expect(isStorageKey(key), key).toBe(false);
      await expect(driver.put(key, source), key).rejects.toThrow(/Invalid storage key/);
      await expect(driver.open(key), key).rejects.toThrow(/Invalid storage key/);
      await expect(driver.remove(key), key).rejects.toThrow(/Invalid storage key/);
    }
    expect(await readFile(outside, "utf8")).toBe("top secret");
    expect(await filesUnder(driver.root)).toEqual([]);
    // Not even a directory was created for them.
    await expect(readdir(driver.root)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("stores atomically under <root>/<yyyy>/<mm>/<uuid> and reads whole or by range", async () => {
    const bytes = randomBytes(100_000);
    const source = path.join(base, "incoming");
    await writeFile(source, bytes);
    const key = newStorageKey();
    await driver.put(key, source);
    // The caller still owns its file.
    expect((await readFile(source)).equals(bytes)).toBe(true);
    // Nothing left in staging; the file is exactly where the key says.
    expect(await filesUnder(driver.root)).toEqual([key]);

    const whole = await driver.open(key);
    expect(whole.size).toBe(bytes.length);
    expect((await readAll(whole.stream)).equals(bytes)).toBe(true);

    const part = await driver.open(key, { start: 10, end: 19 });
    expect(part.size).toBe(bytes.length);
    expect((await readAll(part.stream)).equals(bytes.subarray(10, 20))).toBe(true);

    await expect(driver.open(key, { start: 5, end: bytes.length })).rejects.toBeInstanceOf(RangeNotSatisfiableError);
    await expect(driver.open(key, { start: 9, end: 3 })).rejects.toBeInstanceOf(RangeNotSatisfiableError);

    await driver.remove(key);
    await driver.remove(key); // idempotent
    await expect(driver.open(key)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("leaves nothing in staging when a put fails", async () => {
    // A directory as source: link() fails, the copy fallback fails too.
    const dir = path.join(base, "a-directory");
    await mkdir(dir);
    await expect(driver.put(newStorageKey(), dir)).rejects.toThrow();
    expect(await readdir(path.join(driver.root, ".staging"))).toEqual([]);
  });
});
