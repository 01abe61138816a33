import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { connectDb, disconnectDb } from "@/lib/db/client";
import { directPoolOf, queryDirect } from "@/lib/db/direct-query";
import { startEmbeddedDb } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { preparedStatement } from "@/lib/db/prepared-statements";
import { Prisma } from "@/lib/generated/prisma/client";
import { contextFor } from "@/lib/context";
import { openDirect } from "@/lib/conversations/open-direct";
import { sendMessage } from "@/lib/messages/send-message";
import { recordingPublisher } from "@/lib/test-support/fixtures";

// The zero-config path end to end: PGlite behind the socket server speaks enough Postgres for
// the migration runner and Prisma (adapter-pg), and its data survives a clean stop.

const dataDirs: string[] = [];
afterAll(async () => {
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "convo-embedded-"));
  dataDirs.push(dir);
  return dir;
}

it("migrates, stores a chat message, and keeps it across a restart", async () => {
  const dataDir = await newDataDir();

  const first = await startEmbeddedDb({ dataDir });
  try {
    expect(first.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres/);
    // A second instance on the same directory would corrupt it: refused while the first runs.
    await expect(startEmbeddedDb({ dataDir })).rejects.toThrow(/already open/);
    expect((await migrate(first.url)).applied.length).toBeGreaterThan(0);
    const prisma = connectDb(first.url, 1, "embedded");
    const [ada, bob] = await Promise.all(
      ["ada", "bob"].map((name) =>
        prisma.user.create({ data: { email: `${name}@example.com`, name, username: name, initials: "A", avatarColor: "#123456" } }),
      ),
    );
    // The send path (a PL/pgSQL function behind a group commit) works on PGlite too.
    const ctx = contextFor(ada!, { db: prisma, publish: recordingPublisher() });
    const chat = await openDirect(ctx, { userId: bob!.id });
    const sent = await Promise.all(["hi", "there"].map((text, i) => sendMessage(ctx, { conversationId: chat.id, clientId: `embedded-${i}-abc`, text })));
    expect(sent.map((s) => s.message.seq)).toEqual([1, 2]);
    await disconnectDb();
  } finally {
    await first.stop();
  }

  const second = await startEmbeddedDb({ dataDir });
  try {
    expect((await migrate(second.url)).applied).toEqual([]);
    const prisma = connectDb(second.url, 1, "embedded");
    const user = await prisma.user.findUnique({ where: { email: "ada@example.com" } });
    expect(user?.username).toBe("ada");
    expect(await prisma.message.findMany({ orderBy: { seq: "asc" }, select: { seq: true, text: true } })).toEqual([
      { seq: BigInt(1), text: "hi" },
      { seq: BigInt(2), text: "there" },
    ]);
    await disconnectDb();
  } finally {
    await second.stop();
  }
});

it("keeps answering the app's prepared statements after its connection is replaced", async () => {
  const embedded = await startEmbeddedDb({ dataDir: await newDataDir() });
  try {
    await migrate(embedded.url);
    const db = connectDb(embedded.url, 1, "embedded"); // as server.ts connects
    // Marked like the session lookup and the history page, which every page load runs.
    const probe = () => queryDirect<{ n: number }>(db, Prisma.sql`${preparedStatement("embedded-probe")} SELECT ${7}::int AS n`);
    expect(await probe()).toEqual([{ n: 7 }]);

    // What pg-pool does to a connection idle for 10 s: close it. The next query opens another,
    // to the same PGlite session.
    const client = await directPoolOf(db)!.connect();
    client.release(true);
    expect(await probe()).toEqual([{ n: 7 }]);
    expect(await probe()).toEqual([{ n: 7 }]);
    await disconnectDb();
  } finally {
    await embedded.stop();
  }
});
