import pg from "pg";
import { describe, expect, it } from "vitest";
import { openDirect } from "@/lib/conversations/open-direct";
import { sendMessage, type SendResult } from "@/lib/messages/send-message";
import { testDatabaseUrl, testDb } from "@/lib/test-support/database";
import { createTestUser, sleep } from "@/lib/test-support/fixtures";
import { setBlocked } from "@/lib/users/block-user";
import { writeMessage, type MessageInsert } from "./message-writer";

// Sends submitted at the same moment share one database call (group commit, message-writer.ts).
// These tests submit many in one event-loop turn, so they land in the same batch, and check
// that each message still gets exactly the outcome it would get alone.

const db = testDb();
let n = 0;
const cid = (tag: string) => `batch-${tag}-${Date.now().toString(36)}-${n++}`;

const outcome = (r: PromiseSettledResult<SendResult>) =>
  r.status === "fulfilled" ? (r.value.duplicate ? "duplicate" : "stored") : ((r.reason as { code?: string }).code ?? String(r.reason));

describe("messages sent at the same moment", () => {
  it("number each chat 1..n without gaps and keep every sender's order", async () => {
    const people = await Promise.all([0, 1, 2, 3].map((i) => createTestUser(db, { name: `Batch ${i}` })));
    const [a, b, c, d] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const chats = [await openDirect(a.ctx, { userId: b.id }), await openDirect(c.ctx, { userId: d.id }), await openDirect(a.ctx, { userId: c.id })];
    const plan = [
      ...Array.from({ length: 20 }, (_, i) => ({ who: i % 2 ? b : a, chat: chats[0]!, text: `ab ${i}` })),
      ...Array.from({ length: 15 }, (_, i) => ({ who: i % 3 ? c : d, chat: chats[1]!, text: `cd ${i}` })),
      ...Array.from({ length: 10 }, (_, i) => ({ who: i % 2 ? a : c, chat: chats[2]!, text: `ac ${i}` })),
    ];

    const results = await Promise.all(plan.map((p) => sendMessage(p.who.ctx, { conversationId: p.chat.id, clientId: cid("order"), text: p.text })));

    for (const chat of chats) {
      const mine = results.filter((r) => r.message.conversationId === chat.id);
      // Seqs follow the order of sending within the chat: 1..n, none missing, none twice.
      expect(mine.map((r) => r.message.seq)).toEqual(mine.map((_, i) => i + 1));
      const stored = await db.message.findMany({ where: { conversationId: chat.id }, orderBy: { seq: "asc" }, select: { text: true } });
      expect(stored.map((m) => m.text)).toEqual(mine.map((r) => r.message.text));
      expect((await db.conversation.findUniqueOrThrow({ where: { id: chat.id } })).lastSeq).toBe(BigInt(mine.length));
    }
    // A sender's own watermarks reach their last message: it never counts as unread for them.
    const aInFirst = await db.participant.findUniqueOrThrow({ where: { conversationId_userId: { conversationId: chats[0]!.id, userId: a.id } } });
    expect(aInFirst.readSeq).toBe(BigInt(19));
  });

  it("refuse only the messages that break a rule, each with its own reason, and store the rest", async () => {
    const [ana, ben, eve, bo] = await Promise.all(["Ana", "Ben", "Eve", "Bo"].map((name) => createTestUser(db, { name: `Batch ${name}` })));
    const dm = await openDirect(ana!.ctx, { userId: ben!.id });
    const blockedDm = await openDirect(ana!.ctx, { userId: bo!.id });
    await setBlocked(ana!.ctx, { userId: bo!.id, blocked: true });
    const archived = await db.conversation.create({
      data: { type: "GROUP", name: "Batch archived", visibility: "PUBLIC", archivedAt: new Date(), participants: { create: [{ userId: ana!.id }] } },
    });
    const file = await db.attachment.create({
      data: { ownerId: ana!.id, storageKey: `batch-${n++}`, driver: "local", name: "a.pdf", mime: "application/pdf", size: 10 },
    });
    const retried = cid("retry");

    const results = await Promise.allSettled([
      sendMessage(ana!.ctx, { conversationId: dm.id, clientId: cid("ok"), text: "first" }),
      sendMessage(eve!.ctx, { conversationId: dm.id, clientId: cid("outsider"), text: "let me in" }),
      sendMessage(ana!.ctx, { conversationId: dm.id, clientId: retried, text: "once" }),
      sendMessage(ana!.ctx, { conversationId: archived.id, clientId: cid("archived"), text: "anyone?" }),
      sendMessage(ana!.ctx, { conversationId: dm.id, clientId: retried, text: "once" }),
      sendMessage(ana!.ctx, { conversationId: blockedDm.id, clientId: cid("blocked"), text: "hello?" }),
      sendMessage(ana!.ctx, { conversationId: dm.id, clientId: cid("file1"), attachmentIds: [file.id] }),
      sendMessage(ana!.ctx, { conversationId: dm.id, clientId: cid("file2"), attachmentIds: [file.id] }),
      sendMessage(ben!.ctx, { conversationId: dm.id, clientId: cid("ok"), text: "last" }),
    ]);

    const outcomes = results.map(outcome);
    expect(outcomes.slice(0, 6)).toEqual(["stored", "NOT_FOUND", "stored", "FORBIDDEN", "duplicate", "FORBIDDEN"]);
    // The two sends of one upload race (each looks the upload up first): one wins, whichever.
    expect(outcomes.slice(6, 8).sort()).toEqual(["BAD_REQUEST", "stored"]);
    expect(outcomes[8]).toBe("stored");
    const ok = (i: number) => (results[i] as PromiseFulfilledResult<SendResult>).value.message;
    expect(ok(4)).toEqual(ok(2)); // the retry answers with the stored message itself
    expect(ok(outcomes.indexOf("stored", 6)).attachments.map((f) => f.name)).toEqual(["a.pdf"]);
    const stored = await db.message.findMany({ where: { conversationId: dm.id }, orderBy: { seq: "asc" }, select: { seq: true, text: true } });
    // Four stored, numbered 1..4 (the file's message looks its upload up first, so it may come later).
    expect(stored.map((m) => m.seq)).toEqual([1, 2, 3, 4].map(BigInt));
    expect(stored.map((m) => m.text).sort()).toEqual(["first", "last", "once", null].sort());
    expect(await db.message.count({ where: { conversationId: { in: [archived.id, blockedDm.id] } } })).toBe(0);
  });

  it("store the others when one message of the batch collides with a write the batch could not see", async () => {
    const [ana, ben] = await Promise.all(["Ana", "Ben"].map((name) => createTestUser(db, { name: `Batch race ${name}` })));
    const dm = await openDirect(ana!.ctx, { userId: ben!.id });
    const elsewhere = await openDirect(ana!.ctx, { userId: (await createTestUser(db)).id });
    const contested = cid("contested");
    // Another node is storing Ana's `contested` message in another chat and has not committed yet.
    const otherNode = new pg.Client({ connectionString: testDatabaseUrl() });
    await otherNode.connect();
    try {
      await otherNode.query("BEGIN");
      await otherNode.query(
        `INSERT INTO "Message" (id, "conversationId", seq, "senderId", "clientId", type, text) VALUES (gen_random_uuid(), $1, 1, $2, $3, 'TEXT', 'other node')`,
        [elsewhere.id, ana!.id, contested],
      );
      const base = { conversationId: dm.id, type: "TEXT" as const, metadata: null, replyToId: null, forwardedFromId: null, attachmentIds: [] };
      const batch = Promise.allSettled([
        writeMessage(db, { ...base, id: crypto.randomUUID(), senderId: ben!.id, clientId: cid("bystander"), text: "bystander" }),
        writeMessage(db, { ...base, id: crypto.randomUUID(), senderId: ana!.id, clientId: contested, text: "contested" }),
      ]);
      // The batch waits on the other node's uncommitted row, then collides with it once it commits.
      await waitUntilBlocked(otherNode);
      await otherNode.query("COMMIT");
      const [bystander, collided] = await batch;
      expect(bystander).toMatchObject({ status: "fulfilled", value: { seq: BigInt(1) } });
      // Seen as a retry now that the other write is visible: nothing stored, the caller replays.
      expect(collided).toEqual({ status: "fulfilled", value: null });
      expect(await db.message.findMany({ where: { conversationId: dm.id }, select: { text: true } })).toEqual([{ text: "bystander" }]);
    } finally {
      await otherNode.end();
    }
  });

  it("refuse an upload that another node is sending in a batch it has not committed yet", async () => {
    const [ana, ben] = await Promise.all(["Ana", "Ben"].map((name) => createTestUser(db, { name: `Upload race ${name}` })));
    const dm = await openDirect(ana!.ctx, { userId: ben!.id });
    const elsewhere = await openDirect(ana!.ctx, { userId: (await createTestUser(db)).id });
    const file = await db.attachment.create({
      data: { ownerId: ana!.id, storageKey: `race-${n++}`, driver: "local", name: "once.pdf", mime: "application/pdf", size: 10 },
    });
    // Ana sent the file from a tab on another node, which has stored it and not committed yet.
    const otherNode = new pg.Client({ connectionString: testDatabaseUrl() });
    await otherNode.connect();
    try {
      await otherNode.query("BEGIN");
      const theirs = crypto.randomUUID();
      const batch: MessageInsert[] = [
        {
          id: theirs, conversationId: elsewhere.id, senderId: ana!.id, clientId: cid("there"), type: "FILE",
          text: null, metadata: null, replyToId: null, forwardedFromId: null, attachmentIds: [file.id],
        },
      ];
      const stored = await otherNode.query("SELECT id FROM store_messages_custom($1::jsonb)", [JSON.stringify(batch)]);
      expect(stored.rows).toEqual([{ id: theirs }]);

      const here = sendMessage(ana!.ctx, { conversationId: dm.id, clientId: cid("here"), attachmentIds: [file.id] }).then(
        (sent) => sent,
        (err: unknown) => err as Error,
      );
      await waitUntilBlocked(otherNode);
      await otherNode.query("COMMIT");

      // Sent once, in the chat that claimed it first; the other send says why it stored nothing.
      expect(await here).toMatchObject({ code: "BAD_REQUEST", message: "An attachment was not found or is already sent" });
      expect(await db.message.count({ where: { conversationId: dm.id } })).toBe(0);
      expect((await db.attachment.findUniqueOrThrow({ where: { id: file.id } })).messageId).toBe(theirs);
    } finally {
      await otherNode.end();
    }
  });
});

/** Until some session waits for a lock held by `holder`'s transaction. */
async function waitUntilBlocked(holder: pg.Client): Promise<void> {
  const { rows } = await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  for (let i = 0; i < 200; i++) {
    const waiting = await holder.query("SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", [rows[0]!.pid]);
    if (waiting.rowCount) return;
    await sleep(25);
  }
  throw new Error("the batch never waited for the other transaction");
}
