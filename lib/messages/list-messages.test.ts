import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { listConversations } from "@/lib/conversations/list-conversations";
import { openDirect } from "@/lib/conversations/open-direct";
import { AppError } from "@/lib/errors";
import { deleteMessages } from "@/lib/messages/delete-message";
import { editMessage } from "@/lib/messages/edit-message";
import { listMessages, PAGE_SIZE } from "@/lib/messages/list-messages";
import { sendMessage } from "@/lib/messages/send-message";
import type { MessageDto } from "@/lib/realtime/contract";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher, type RecordingPublisher, type TestUser } from "@/lib/test-support/fixtures";

const db = testDb();

async function expectCode(promise: Promise<unknown>, code: AppError["code"]) {
  const err = await promise.then(
    () => expect.unreachable("expected the call to fail"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

let clientCounter = 0;
async function send(user: TestUser, conversationId: string, text: string) {
  return (await sendMessage(user.ctx, { conversationId, clientId: `list-${user.id.slice(0, 8)}-${clientCounter++}`, text })).message;
}

/** Every message of the conversation as `user` sees it, following nextBefore page by page. */
async function readAll(user: TestUser, conversationId: string, limit?: number) {
  const pages: MessageDto[][] = [];
  let before: number | undefined;
  for (;;) {
    const page = await listMessages(user.ctx, { conversationId, before, ...(limit ? { limit } : {}) });
    pages.push(page.messages);
    if (page.nextBefore === null) break;
    expect(page.nextBefore).toBe(page.messages[0]!.seq);
    before = page.nextBefore;
    if (pages.length > 100) throw new Error("paging does not end");
  }
  return pages;
}

describe("listMessages paging", () => {
  const TOTAL = 137;
  let alice: TestUser;
  let bob: TestUser;
  let conversationId: string;

  beforeAll(async () => {
    alice = await createTestUser(db);
    bob = await createTestUser(db);
    conversationId = (await openDirect(alice.ctx, { userId: bob.id })).id;
    // Stored directly (sendMessage has its own tests): seq i carries "message i", every third from Bob.
    await db.message.createMany({
      data: Array.from({ length: TOTAL }, (_, k) => ({
        conversationId,
        seq: BigInt(k + 1),
        senderId: (k + 1) % 3 === 0 ? bob.id : alice.id,
        clientId: `page-${k + 1}`,
        text: `message ${k + 1}`,
      })),
    });
    await db.conversation.update({ where: { id: conversationId }, data: { lastSeq: TOTAL, lastMessageAt: new Date() } });
  });

  it("returns every message exactly once, oldest first, 50 per page", async () => {
    const pages = await readAll(bob, conversationId);
    expect(pages.map((p) => p.length)).toEqual([PAGE_SIZE, PAGE_SIZE, TOTAL - 2 * PAGE_SIZE]);
    // The first page is the latest one, in seq order inside the page.
    expect(pages[0]!.map((m) => m.seq)).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => TOTAL - PAGE_SIZE + 1 + i));

    const all = pages.reverse().flat();
    expect(all.map((m) => m.seq)).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    expect(all.map((m) => m.text)).toEqual(Array.from({ length: TOTAL }, (_, i) => `message ${i + 1}`));
    expect(new Set(all.map((m) => m.id)).size).toBe(TOTAL);
  });

  it("ends with nextBefore null when the last page is exactly full", async () => {
    const smallPages = await readAll(alice, conversationId, 100);
    expect(smallPages.map((p) => p.length)).toEqual([100, 37]);
    expect(smallPages.reverse().flat().map((m) => m.seq)).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    const before51 = await listMessages(alice.ctx, { conversationId, before: 51 });
    expect(before51.messages.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(before51.nextBefore).toBeNull();
  });

  it("pages past messages I deleted for me without losing or repeating any", async () => {
    const carol = await createTestUser(db);
    const { id } = await openDirect(alice.ctx, { userId: carol.id });
    await db.message.createMany({
      data: Array.from({ length: 120 }, (_, k) => ({ conversationId: id, seq: BigInt(k + 1), senderId: alice.id, clientId: `hide-page-${k + 1}`, text: `m${k + 1}` })),
    });
    await db.conversation.update({ where: { id }, data: { lastSeq: 120, lastMessageAt: new Date() } });
    const stored = await db.message.findMany({ where: { conversationId: id }, select: { id: true, seq: true } });
    // Hide a run around each page boundary (seq 71 and 21 would start the 2nd and 3rd page).
    const hiddenSeqs = new Set([65, 66, 67, 68, 69, 70, 71, 72, 20, 21, 22, 120]);
    for (const m of stored.filter((m) => hiddenSeqs.has(Number(m.seq)))) await deleteMessages(carol.ctx, { messageIds: [m.id], for: "me" });

    const carolSees = (await readAll(carol, id)).reverse().flat().map((m) => m.seq);
    expect(carolSees).toEqual(Array.from({ length: 120 }, (_, i) => i + 1).filter((seq) => !hiddenSeqs.has(seq)));
    const aliceSees = (await readAll(alice, id)).reverse().flat().map((m) => m.seq);
    expect(aliceSees).toHaveLength(120);
  });

  it("returns an empty first page for a chat without messages", async () => {
    const carol = await createTestUser(db);
    const empty = await openDirect(alice.ctx, { userId: carol.id });
    expect(await listMessages(alice.ctx, { conversationId: empty.id })).toEqual({ messages: [], nextBefore: null });
  });

  it("answers NOT_FOUND to a non-member", async () => {
    const outsider = await createTestUser(db);
    await expectCode(listMessages(outsider.ctx, { conversationId }), "NOT_FOUND");
  });
});

describe("deleted messages", () => {
  let alice: TestUser;
  let bob: TestUser;
  let alicePublish: RecordingPublisher;
  let conversationId: string;

  beforeAll(async () => {
    alicePublish = recordingPublisher();
    alice = await createTestUser(db, { name: "Alice Deletes", publish: alicePublish });
    bob = await createTestUser(db, { name: "Bob Deletes" });
    conversationId = (await openDirect(alice.ctx, { userId: bob.id })).id;
  });

  it("deleted for me: gone for me, still there for the other member", async () => {
    const keep = await send(bob, conversationId, "keep this");
    const hidden = await send(bob, conversationId, "hide this from alice");

    await deleteMessages(alice.ctx, { messageIds: [hidden.id], for: "me" });
    expect(alicePublish.events).toContainEqual({
      to: `user:${alice.id}`,
      event: "message:deleted",
      payload: { conversationId, messageId: hidden.id, seq: hidden.seq, forEveryone: false, byAdmin: false },
    });

    const mine = (await listMessages(alice.ctx, { conversationId })).messages;
    expect(mine.map((m) => m.id)).toContain(keep.id);
    expect(mine.map((m) => m.id)).not.toContain(hidden.id);
    const theirs = (await listMessages(bob.ctx, { conversationId })).messages;
    expect(theirs.find((m) => m.id === hidden.id)).toMatchObject({ text: "hide this from alice", deletedAt: null });

    // The chat list's preview skips it for me only.
    const aliceRow = (await listConversations(alice.ctx)).find((c) => c.id === conversationId);
    const bobRow = (await listConversations(bob.ctx)).find((c) => c.id === conversationId);
    expect(aliceRow?.lastMessage?.id).toBe(keep.id);
    expect(bobRow?.lastMessage?.id).toBe(hidden.id);

    // Deleting it again for me changes nothing.
    await deleteMessages(alice.ctx, { messageIds: [hidden.id], for: "me" });
    expect(await db.messageHide.count({ where: { messageId: hidden.id } })).toBe(1);
  });

  it("deleted for everyone: a blank placeholder for both members", async () => {
    const sent = await send(alice, conversationId, "regrettable, @bob_the_first");
    const message = await editMessage(alice.ctx, { messageId: sent.id, text: "regrettable, @bob_the_second" });
    await deleteMessages(alice.ctx, { messageIds: [message.id], for: "everyone" });
    expect(alicePublish.events).toContainEqual({
      to: `conv:${conversationId}`,
      event: "message:deleted",
      payload: { conversationId, messageId: message.id, seq: message.seq, forEveryone: true, byAdmin: false },
    });

    for (const user of [alice, bob]) {
      const found = (await listMessages(user.ctx, { conversationId })).messages.find((m) => m.id === message.id);
      expect(found).toMatchObject({ seq: message.seq, text: null, deletedByAdmin: false });
      expect(found?.deletedAt).toEqual(expect.any(String));
      const row = (await listConversations(user.ctx)).find((c) => c.id === conversationId);
      expect(row?.lastMessage).toMatchObject({ id: message.id, text: null });
    }
    // The text is gone from the database too, not just hidden: the texts its edit replaced, and
    // what the metadata said of it (whom it mentioned), with it.
    expect(await db.message.findUniqueOrThrow({ where: { id: message.id }, select: { text: true, metadata: true } })).toEqual({ text: null, metadata: null });
    expect(await db.messageEdit.count({ where: { messageId: message.id } })).toBe(0);
  });

  it("deleted for everyone before messages lost their content with it: the migration takes it", async () => {
    const sql = readFileSync(new URL("../../prisma/migrations/20261125101000_deleted_message_content/migration.sql", import.meta.url), "utf8");
    const sent = await send(alice, conversationId, "kept by mistake");
    await editMessage(alice.ctx, { messageId: sent.id, text: "kept by mistake, edited" });
    const live = await send(alice, conversationId, "still here @bob_live");
    await deleteMessages(alice.ctx, { messageIds: [sent.id], for: "everyone" });
    // As the row was left by a delete of an earlier release, inside a transaction rolled back.
    const after = await db
      .$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Message" SET metadata = '{"location":{"lat":1,"lng":2}}'::jsonb WHERE id = ${sent.id}::uuid`;
        await tx.messageEdit.create({ data: { messageId: sent.id, editorId: alice.id, text: "kept by mistake" } });
        await tx.$executeRawUnsafe(sql);
        const rows = await tx.message.findMany({ where: { id: { in: [sent.id, live.id] } }, select: { id: true, metadata: true, _count: { select: { edits: true } } } });
        throw Object.assign(new Error("roll back"), { rows });
      })
      .catch((err: { rows?: { id: string; metadata: unknown; _count: { edits: number } }[] }) => err.rows);
    expect(after?.find((r) => r.id === sent.id)).toMatchObject({ metadata: null, _count: { edits: 0 } });
    expect(after?.find((r) => r.id === live.id)?.metadata).toEqual({ mentions: ["bob_live"] });
  });

  it("deleted for everyone, a location keeps no coordinates", async () => {
    const { message } = await sendMessage(alice.ctx, { conversationId, clientId: `located-${conversationId}`, location: { lat: 38.72, lng: -9.14, label: "Home" } });
    await deleteMessages(alice.ctx, { messageIds: [message.id], for: "everyone" });
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id }, select: { metadata: true } })).metadata).toBeNull();
  });

  it("only the sender can delete for everyone", async () => {
    const message = await send(alice, conversationId, "bob can't erase this");
    await expectCode(deleteMessages(bob.ctx, { messageIds: [message.id], for: "everyone" }), "FORBIDDEN");
    const stored = await db.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored).toMatchObject({ text: "bob can't erase this", deletedAt: null });
    const outsider = await createTestUser(db);
    await expectCode(deleteMessages(outsider.ctx, { messageIds: [message.id], for: "everyone" }), "NOT_FOUND");
    await expectCode(deleteMessages(outsider.ctx, { messageIds: [message.id], for: "me" }), "NOT_FOUND");
  });
});
