import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { connectDb, disconnectDb } from "@/lib/db/client";
import { startEmbeddedDb } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

// The zero-config path end to end: PGlite behind the socket server speaks enough Postgres for
// the migration runner and Prisma (adapter-pg), and its data survives a clean stop.

let dataDir: string | undefined;
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it("migrates, stores a row, and keeps it across a restart", async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "convo-embedded-"));

  const first = await startEmbeddedDb({ dataDir });
  try {
    expect(first.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres/);
    // A second instance on the same directory would corrupt it: refused while the first runs.
    await expect(startEmbeddedDb({ dataDir })).rejects.toThrow(/already open/);
    expect((await migrate(first.url)).applied.length).toBeGreaterThan(0);
    const prisma = connectDb(first.url, 5);
    await prisma.user.create({
      data: { email: "ada@example.com", name: "Ada", username: "ada", initials: "A", avatarColor: "#123456" },
    });
    await disconnectDb();
  } finally {
    await first.stop();
  }

  const second = await startEmbeddedDb({ dataDir });
  try {
    expect((await migrate(second.url)).applied).toEqual([]);
    const prisma = connectDb(second.url, 5);
    const user = await prisma.user.findUnique({ where: { email: "ada@example.com" } });
    expect(user?.username).toBe("ada");
    await disconnectDb();
  } finally {
    await second.stop();
  }
});
