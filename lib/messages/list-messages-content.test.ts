import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { openDirect } from "@/lib/conversations/open-direct";
import { AppError } from "@/lib/errors";
import { listMessages } from "@/lib/messages/list-messages";
import { messageDtos, messageSelect } from "@/lib/messages/message-dto";
import type { MessageDto } from "@/lib/realtime/contract";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, type TestUser } from "@/lib/test-support/fixtures";

// listMessages reads a page in one SQL statement (message-rows.ts); messageSelect + messageDtos
// is how every other operation builds the same DTO. These tests pin what a member sees on a page
// of rich messages, and that both ways agree field for field.

const db = testDb();

async function expectNotFound(promise: Promise<unknown>) {
  const err = await promise.then(
    () => expect.unreachable("expected NOT_FOUND"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("NOT_FOUND");
}

/** The DTOs of these messages as the Prisma select builds them, oldest first. */
async function viaPrismaSelect(ids: string[], readerId: string): Promise<MessageDto[]> {
  const rows = await db.message.findMany({ where: { id: { in: ids } }, orderBy: { seq: "asc" }, select: messageSelect });
  return messageDtos(db, rows, readerId);
}

describe("a page of rich messages", () => {
  let alice: TestUser;
  let bob: TestUser;
  let conversationId: string;
  const ids: Record<string, string> = {};
  const t = (second: number) => new Date(Date.UTC(2026, 0, 2, 3, 4, second, 7));

  beforeAll(async () => {
    alice = await createTestUser(db, { name: "Page Alice" });
    bob = await createTestUser(db, { name: "Page Bob" });
    conversationId = (await openDirect(alice.ctx, { userId: bob.id })).id;
    let seq = 0;
    const store = async (key: string, data: { senderId: string; text?: string | null; [k: string]: unknown }) => {
      seq += 1;
      const row = await db.message.create({
        data: { conversationId, seq: BigInt(seq), clientId: `page-content-${randomUUID()}`, createdAt: t(seq), ...data },
      });
      ids[key] = row.id;
      return row.id;
    };
    const attach = (messageId: string, id: string, mime: string, createdAt: Date, extra: object = {}) =>
      db.attachment.create({
        data: { id, ownerId: alice.id, messageId, storageKey: `k/${id}`, driver: "local", name: `${mime.replace("/", ".")}`, mime, size: 1234, createdAt, ...extra },
      });

    const photo = await store("photo", { senderId: alice.id, type: "IMAGE", text: "look" });
    // Picked first, the photo leads, though its upload finished last and its id sorts last: the
    // list and the reply preview follow the sender's order.
    const low = `0${randomUUID().slice(1)}`;
    const high = `f${randomUUID().slice(1)}`;
    await attach(photo, low, "application/pdf", t(50), { position: 2 });
    await attach(photo, high, "image/png", t(51), { width: 640, height: 480, thumbnailKey: `k/${high}.thumb`, position: 1 });
    await store("replyToPhoto", { senderId: bob.id, text: "nice", replyToId: photo });

    const gone = await store("gone", { senderId: alice.id, text: null, deletedAt: t(40), metadata: { location: { lat: 1, lng: 2 } } });
    await attach(gone, randomUUID(), "image/jpeg", t(52));
    await db.reaction.create({ data: { messageId: gone, userId: bob.id, emoji: "😮" } });
    await store("replyToGone", { senderId: bob.id, text: "what was it?", replyToId: gone });

    const place = await store("place", { senderId: alice.id, type: "LOCATION", text: null, metadata: { location: { lat: 52.5, lng: 13.4 } } });
    await db.reaction.create({ data: { messageId: place, userId: bob.id, emoji: "👍", createdAt: t(60) } });
    await db.reaction.create({ data: { messageId: place, userId: alice.id, emoji: "❤️", createdAt: t(61) } });
    await db.reaction.create({ data: { messageId: place, userId: alice.id, emoji: "👍", createdAt: t(62) } });
    // Made while Alice blocked Bob: his alone.
    await db.reaction.create({ data: { messageId: place, userId: bob.id, emoji: "😂", createdAt: t(63), withheld: true } });

    await store("system", { senderId: alice.id, type: "SYSTEM", text: null, metadata: { system: { kind: "joined", actorName: "Page Alice" } } });
    const hidden = await store("hiddenForAlice", { senderId: bob.id, text: "alice deleted this for herself" });
    await db.messageHide.create({ data: { messageId: hidden, userId: alice.id } });
    await store("replyToHidden", { senderId: bob.id, text: "see above", replyToId: hidden });
    await store("forwarded", { senderId: alice.id, text: "look", forwardedFromId: photo, metadata: { forwards: 1 }, editedAt: t(70) });
    await db.conversation.update({ where: { id: conversationId }, data: { lastSeq: seq, lastMessageAt: t(seq) } });
  });

  it("shows each message as a member sees it, without the ones I deleted for me", async () => {
    const page = await listMessages(alice.ctx, { conversationId });
    const byKey = (key: string) => page.messages.find((m) => m.id === ids[key]);
    expect(page.nextBefore).toBeNull();
    expect(page.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 8, 9]);
    expect(byKey("hiddenForAlice")).toBeUndefined();

    expect(byKey("photo")).toMatchObject({
      senderId: alice.id,
      type: "IMAGE",
      text: "look",
      createdAt: t(1).toISOString(),
      editedAt: null,
      deletedAt: null,
      replyTo: null,
      forwarded: false,
      reactions: [],
      location: null,
      system: null,
    });
    expect(byKey("photo")!.attachments).toEqual([
      { id: expect.any(String), kind: "IMAGE", name: "image.png", mime: "image/png", size: 1234, width: 640, height: 480, hasThumbnail: true },
      { id: expect.any(String), kind: "FILE", name: "application.pdf", mime: "application/pdf", size: 1234, width: null, height: null, hasThumbnail: false },
    ]);
    expect(byKey("replyToPhoto")!.replyTo).toEqual({
      id: ids.photo,
      seq: 1,
      senderId: alice.id,
      senderName: "Page Alice",
      type: "IMAGE",
      text: "look",
      deleted: false,
      attachmentKind: "IMAGE",
      chat: null,
    });

    // Deleted for everyone: a placeholder; nothing of its content leaves the server.
    expect(byKey("gone")).toMatchObject({ text: null, deletedAt: t(40).toISOString(), attachments: [], reactions: [], location: null });
    expect(byKey("replyToGone")!.replyTo).toEqual({
      id: ids.gone,
      seq: 3,
      senderId: alice.id,
      senderName: "Page Alice",
      type: "TEXT",
      text: null,
      deleted: true,
      attachmentKind: null,
      chat: null,
    });

    expect(byKey("place")).toMatchObject({ type: "LOCATION", location: { lat: 52.5, lng: 13.4, label: null } });
    // Grouped by emoji in the order they were first used, reactors in order.
    expect(byKey("place")!.reactions).toEqual([
      { emoji: "👍", userIds: [bob.id, alice.id] },
      { emoji: "❤️", userIds: [alice.id] },
    ]);
    const placeForBob = (await listMessages(bob.ctx, { conversationId })).messages.find((m) => m.id === ids.place);
    expect(placeForBob!.reactions).toEqual([
      { emoji: "👍", userIds: [bob.id, alice.id] },
      { emoji: "❤️", userIds: [alice.id] },
      { emoji: "😂", userIds: [bob.id] },
    ]);
    expect(byKey("system")).toMatchObject({ type: "SYSTEM", text: null, system: { kind: "joined", actorName: "Page Alice" } });
    // A reply still quotes a message I deleted for me (as the chat's other views do).
    expect(byKey("replyToHidden")!.replyTo).toMatchObject({ id: ids.hiddenForAlice, text: "alice deleted this for herself" });
    expect(byKey("forwarded")).toMatchObject({ forwarded: true, editedAt: t(70).toISOString() });
  });

  it("builds exactly the DTOs that messageSelect + messageDtos build", async () => {
    for (const user of [alice, bob]) {
      const page = await listMessages(user.ctx, { conversationId });
      expect(page.messages).toEqual(await viaPrismaSelect(page.messages.map((m) => m.id), user.id));
    }
    expect((await listMessages(bob.ctx, { conversationId })).messages).toHaveLength(9);
    const newer = await listMessages(alice.ctx, { conversationId, after: 2, limit: 3 });
    expect(newer.messages).toEqual(await viaPrismaSelect([ids.gone!, ids.replyToGone!, ids.place!], alice.id));
    expect(newer.nextAfter).toBe(5);
  });

  it("tells an empty page from no access", async () => {
    expect(await listMessages(alice.ctx, { conversationId, after: 9 })).toEqual({ messages: [], nextBefore: null, nextAfter: null });
    expect(await listMessages(alice.ctx, { conversationId, before: 1 })).toEqual({ messages: [], nextBefore: null });
    const outsider = await createTestUser(db);
    await expectNotFound(listMessages(outsider.ctx, { conversationId }));
    await expectNotFound(listMessages(outsider.ctx, { conversationId, after: 0 }));
    await expectNotFound(listMessages(outsider.ctx, { conversationId, around: 3 }));
    await expectNotFound(listMessages(outsider.ctx, { conversationId: randomUUID() }));
  });

  it("lets a site admin read a public group without joining, but no private chat", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const group = await db.conversation.create({
      data: { type: "GROUP", name: "Open house", visibility: "PUBLIC", participants: { create: [{ userId: alice.id, role: "OWNER" }] } },
    });
    await db.message.create({ data: { conversationId: group.id, seq: 1n, senderId: alice.id, clientId: `page-admin-${randomUUID()}`, text: "welcome" } });
    expect((await listMessages(admin.ctx, { conversationId: group.id })).messages.map((m) => m.text)).toEqual(["welcome"]);
    await expectNotFound(listMessages(admin.ctx, { conversationId }));
    await db.conversation.update({ where: { id: group.id }, data: { visibility: "PRIVATE" } });
    await expectNotFound(listMessages(admin.ctx, { conversationId: group.id }));
  });

  it("stops showing a chat the moment I leave it", async () => {
    await db.participant.update({ where: { conversationId_userId: { conversationId, userId: bob.id } }, data: { leftAt: new Date() } });
    try {
      await expectNotFound(listMessages(bob.ctx, { conversationId }));
    } finally {
      await db.participant.update({ where: { conversationId_userId: { conversationId, userId: bob.id } }, data: { leftAt: null } });
    }
  });
});
