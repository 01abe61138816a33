import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { storageDriver, resetStorageDriverForTests, RangeNotSatisfiableError } from "./storage-driver";
import { newStorageKey } from "./storage-key";
import { startUploadThingStandIn, type UploadThingStandIn } from "./test-support/uploadthing-stand-in";
import { UploadThingDriver } from "./uploadthing-driver";

let standIn: UploadThingStandIn;
let driver: UploadThingDriver;
let dir: string;

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  standIn = await startUploadThingStandIn();
  driver = new UploadThingDriver({ token: standIn.token, ...standIn.sdkOptions });
  dir = await mkdtemp(path.join(tmpdir(), "convo-ut-"));
});

afterAll(async () => {
  await standIn.close();
  await rm(dir, { recursive: true, force: true });
});

describe("uploadthing driver against a local stand-in of its service", () => {
  it("puts, reads back (whole and ranged) and removes a file through the SDK", async () => {
    const bytes = randomBytes(300_000);
    const file = path.join(dir, "blob");
    await writeFile(file, bytes);
    const key = newStorageKey();

    await driver.put(key, file, "video/mp4");
    const stored = [...standIn.files.values()];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.customId).toBe(UploadThingDriver.customIdFor(key));
    expect(stored[0]!.type).toBe("video/mp4");
    expect(stored[0]!.bytes.equals(bytes)).toBe(true);

    const whole = await driver.open(key);
    expect(whole.size).toBe(bytes.length);
    expect((await readAll(whole.stream)).equals(bytes)).toBe(true);

    const part = await driver.open(key, { start: 1000, end: 1999 });
    expect(part.size).toBe(bytes.length);
    expect((await readAll(part.stream)).equals(bytes.subarray(1000, 2000))).toBe(true);

    await expect(driver.open(key, { start: bytes.length, end: bytes.length + 5 })).rejects.toBeInstanceOf(RangeNotSatisfiableError);

    await driver.remove(key);
    expect(standIn.files.size).toBe(0);
    await expect(driver.open(key)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Every call went to the stand-in, signed and accepted: upload, reads, delete.
    const seen = standIn.requests.map((r) => `${r.method} ${r.path.replace(/\/[^/]+$/, "/…")} ${r.status}`);
    expect(seen).toEqual([
      "PUT /… 200",
      "GET /a/" + standIn.appId + "/… 200",
      "GET /a/" + standIn.appId + "/… 206",
      "GET /a/" + standIn.appId + "/… 416",
      "POST /v6/… 200",
      "GET /a/" + standIn.appId + "/… 404",
    ]);
  });

  it("cuts the range itself when the file server ignores Range", async () => {
    const bytes = randomBytes(200_000);
    const file = path.join(dir, "blob2");
    await writeFile(file, bytes);
    const key = newStorageKey();
    await driver.put(key, file, "audio/mpeg");
    standIn.ignoreRange = true;
    try {
      const part = await driver.open(key, { start: 70_000, end: 140_000 });
      expect(part.size).toBe(bytes.length);
      expect((await readAll(part.stream)).equals(bytes.subarray(70_000, 140_001))).toBe(true);
    } finally {
      standIn.ignoreRange = false;
      await driver.remove(key);
    }
  });

  it("rejects crafted keys before any request", async () => {
    const before = standIn.requests.length;
    for (const key of ["../../etc/passwd", "2024/01/x", "/abs", "a%2Fb"]) {
      await expect(driver.open(key)).rejects.toThrow(/Invalid storage key/);
      await expect(driver.remove(key)).rejects.toThrow(/Invalid storage key/);
    }
    expect(standIn.requests.length).toBe(before);
  });

  it("refuses a token for another app (signature check)", async () => {
    const other = Buffer.from(JSON.stringify({ apiKey: "sk_test_wrong", appId: standIn.appId, regions: ["local1"] })).toString("base64");
    const wrong = new UploadThingDriver({ token: other, ...standIn.sdkOptions });
    const file = path.join(dir, "blob3");
    await writeFile(file, "hello");
    await expect(wrong.put(newStorageKey(), file, "text/plain")).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });

  it("is the process's driver when UPLOADTHING_TOKEN is set", () => {
    const saved = process.env.UPLOADTHING_TOKEN;
    process.env.UPLOADTHING_TOKEN = standIn.token;
    resetEnvForTests();
    resetStorageDriverForTests();
    try {
      expect(storageDriver().name).toBe("uploadthing");
      expect(storageDriver()).toBe(storageDriver());
    } finally {
      if (saved === undefined) delete process.env.UPLOADTHING_TOKEN;
      else process.env.UPLOADTHING_TOKEN = saved;
      resetEnvForTests();
      resetStorageDriverForTests();
    }
    expect(storageDriver().name).toBe("local");
  });
});
