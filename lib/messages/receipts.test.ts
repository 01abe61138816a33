import { describe, expect, it } from "vitest";
import { getConversation } from "@/lib/conversations/get-conversation";
import { listConversations } from "@/lib/conversations/list-conversations";
import { openDirect } from "@/lib/conversations/open-direct";
import { AppError } from "@/lib/errors";
import { joinGroup } from "@/lib/groups/join-group";
import { leaveGroup } from "@/lib/groups/leave-group";
import { messageReceipts } from "@/lib/messages/message-receipts";
import { markDelivered, markRead } from "@/lib/messages/receipts";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher, type TestUser } from "@/lib/test-support/fixtures";

const db = testDb();

async function expectCode(promise: Promise<unknown>, code: AppError["code"]) {
  const err = await promise.then(
    () => expect.unreachable("expected the call to fail"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

async function summaryFor(user: TestUser, conversationId: string) {
  const found = (await listConversations(user.ctx)).find((c) => c.id === conversationId);
  if (!found) throw new Error(`conversation ${conversationId} not in the list`);
  return found;
}

async function watermarks(user: TestUser, conversationId: string) {
  const p = await db.participant.findUniqueOrThrow({ where: { conversationId_userId: { conversationId, userId: user.id } } });
  return { readSeq: Number(p.readSeq), deliveredSeq: Number(p.deliveredSeq) };
}

let clientCounter = 0;
async function send(user: TestUser, conversationId: string, text = "hi") {
  return (await sendMessage(user.ctx, { conversationId, clientId: `rcpt-${user.id.slice(0, 8)}-${clientCounter++}`, text })).message;
}

/** Alice and Bob in a fresh direct chat where Alice has sent three messages. */
async function directWithThree() {
  const bobPublish = recordingPublisher();
  const alice = await createTestUser(db, { name: "Alice Receipts" });
  const bob = await createTestUser(db, { name: "Bob Receipts", publish: bobPublish });
  const { id } = await openDirect(alice.ctx, { userId: bob.id });
  const messages = [await send(alice, id, "one"), await send(alice, id, "two"), await send(alice, id, "three")];
  return { alice, bob, bobPublish, conversationId: id, messages };
}

describe("unread counts and watermarks", () => {
  it("counts what the other person sent as unread, and nothing of my own", async () => {
    const { alice, bob, conversationId } = await directWithThree();
    expect(await summaryFor(bob, conversationId)).toMatchObject({ lastSeq: 3, readSeq: 0, unreadCount: 3 });
    expect(await summaryFor(alice, conversationId)).toMatchObject({ lastSeq: 3, readSeq: 3, unreadCount: 0 });
    expect(await watermarks(alice, conversationId)).toEqual({ readSeq: 3, deliveredSeq: 3 });

    // Bob's reply makes it unread for Alice and marks everything before it read for Bob.
    await send(bob, conversationId, "reply");
    expect(await summaryFor(alice, conversationId)).toMatchObject({ lastSeq: 4, unreadCount: 1 });
    expect(await summaryFor(bob, conversationId)).toMatchObject({ lastSeq: 4, unreadCount: 0 });
  });

  it("a direct chat hears of no receipt from a send: the other person's message tells it", async () => {
    const { bob, bobPublish, conversationId } = await directWithThree();
    await send(bob, conversationId, "reply before reading");
    expect(bobPublish.events.filter((e) => e.event === "receipt:update")).toEqual([]);
    expect(await watermarks(bob, conversationId)).toEqual({ readSeq: 4, deliveredSeq: 4 });
  });

  it("delivery moves the delivered watermark only", async () => {
    const { alice, bob, bobPublish, conversationId } = await directWithThree();
    const event = await markDelivered(bob.ctx, { conversationId, seq: 2 });

    expect(event).toEqual({ conversationId, userId: bob.id, deliveredSeq: 2, readSeq: 0, minDeliveredSeq: 2, minReadSeq: 0 });
    expect(bobPublish.events).toContainEqual({ to: `conv:${conversationId}`, event: "receipt:update", payload: event });
    expect(await watermarks(bob, conversationId)).toEqual({ readSeq: 0, deliveredSeq: 2 });
    expect(await summaryFor(bob, conversationId)).toMatchObject({ unreadCount: 3, readSeq: 0 });
    expect(await summaryFor(alice, conversationId)).toMatchObject({ minDeliveredSeq: 2, minReadSeq: 0 });
  });

  it("reading clears the unread count and implies delivery", async () => {
    const { alice, bob, conversationId } = await directWithThree();
    await markDelivered(bob.ctx, { conversationId, seq: 2 });
    const event = await markRead(bob.ctx, { conversationId, seq: 3 });

    expect(event).toMatchObject({ userId: bob.id, readSeq: 3, deliveredSeq: 3, minReadSeq: 3, minDeliveredSeq: 3 });
    expect(await watermarks(bob, conversationId)).toEqual({ readSeq: 3, deliveredSeq: 3 });
    expect(await summaryFor(bob, conversationId)).toMatchObject({ unreadCount: 0, readSeq: 3 });
    expect(await summaryFor(alice, conversationId)).toMatchObject({ minReadSeq: 3, minDeliveredSeq: 3 });
  });

  it("never moves a watermark backwards", async () => {
    const { bob, bobPublish, conversationId } = await directWithThree();
    await markRead(bob.ctx, { conversationId, seq: 3 });
    const published = bobPublish.events.length;

    expect(await markRead(bob.ctx, { conversationId, seq: 1 })).toBeNull();
    expect(await markRead(bob.ctx, { conversationId, seq: 3 })).toBeNull();
    expect(await markDelivered(bob.ctx, { conversationId, seq: 2 })).toBeNull();
    expect(await markDelivered(bob.ctx, { conversationId, seq: 0 })).toBeNull();
    expect(await watermarks(bob, conversationId)).toEqual({ readSeq: 3, deliveredSeq: 3 });
    expect(await summaryFor(bob, conversationId)).toMatchObject({ unreadCount: 0 });
    // Nothing moved, so nobody is told anything.
    expect(bobPublish.events.length).toBe(published);
  });

  it("caps a seq beyond the last message at the last message", async () => {
    const { alice, bob, conversationId } = await directWithThree();
    const delivered = await markDelivered(bob.ctx, { conversationId, seq: 1_000_000 });
    expect(delivered).toMatchObject({ deliveredSeq: 3, readSeq: 0 });
    const read = await markRead(bob.ctx, { conversationId, seq: Number.MAX_SAFE_INTEGER });
    expect(read).toMatchObject({ deliveredSeq: 3, readSeq: 3 });
    expect(await watermarks(bob, conversationId)).toEqual({ readSeq: 3, deliveredSeq: 3 });

    // A new message is unread again: the earlier "read up to a huge seq" did not pre-read it.
    await send(alice, conversationId, "four");
    expect(await summaryFor(bob, conversationId)).toMatchObject({ lastSeq: 4, unreadCount: 1, readSeq: 3 });
    expect(await summaryFor(alice, conversationId)).toMatchObject({ minReadSeq: 3, minDeliveredSeq: 3 });
  });

  it("refuses receipts from a non-member", async () => {
    const { conversationId } = await directWithThree();
    const outsider = await createTestUser(db);
    await expectCode(markRead(outsider.ctx, { conversationId, seq: 3 }), "NOT_FOUND");
    await expectCode(markDelivered(outsider.ctx, { conversationId, seq: 3 }), "NOT_FOUND");
  });
});

/** The receipt events a user's actions published (their ctx records them). */
const receiptsOf = (user: TestUser) =>
  (user.ctx.publish as ReturnType<typeof recordingPublisher>).events.filter((e) => e.event === "receipt:update");
/** Where each of them went: the conversation's room or the user's own. */
const receiptRooms = (user: TestUser) => receiptsOf(user).map((e) => e.to);

describe("group receipts", () => {
  async function groupOfThree() {
    const alice = await createTestUser(db, { name: "Alice Group" });
    const bob = await createTestUser(db, { name: "Bob Group", publish: recordingPublisher() });
    const carol = await createTestUser(db, { name: "Carol Group", publish: recordingPublisher() });
    const group = await db.conversation.create({ data: { type: "GROUP", name: "Receipts group", visibility: "PUBLIC" } });
    for (const user of [alice, bob, carol]) await joinGroup(user.ctx, { conversationId: group.id });
    return { alice, bob, carol, conversationId: group.id };
  }

  it("reports the lowest member's watermarks as the group's", async () => {
    const { alice, bob, carol, conversationId } = await groupOfThree();
    await send(alice, conversationId, "g1");
    await send(alice, conversationId, "g2");
    await send(alice, conversationId, "g3");

    await markRead(bob.ctx, { conversationId, seq: 3 });
    const event = await markRead(carol.ctx, { conversationId, seq: 1 });
    expect(event).toMatchObject({ readSeq: 1, minReadSeq: 1, minDeliveredSeq: 1 });
    expect(await summaryFor(alice, conversationId)).toMatchObject({ memberCount: 3, minReadSeq: 1, minDeliveredSeq: 1 });

    await markDelivered(carol.ctx, { conversationId, seq: 3 });
    expect(await summaryFor(alice, conversationId)).toMatchObject({ minReadSeq: 1, minDeliveredSeq: 3 });

    const last = await markRead(carol.ctx, { conversationId, seq: 2 });
    expect(last).toMatchObject({ minReadSeq: 2 });
    expect(await summaryFor(bob, conversationId)).toMatchObject({ minReadSeq: 2, minDeliveredSeq: 3, unreadCount: 0 });
    expect(await summaryFor(carol, conversationId)).toMatchObject({ unreadCount: 1 });

    const { members } = await getConversation(alice.ctx, { conversationId });
    const byId = new Map(members.map((m) => [m.id, m]));
    expect(byId.get(bob.id)).toMatchObject({ readSeq: 3, deliveredSeq: 3 });
    expect(byId.get(carol.id)).toMatchObject({ readSeq: 2, deliveredSeq: 3 });
  });

  it("shows the sender who read and who only received each message", async () => {
    const { alice, bob, carol, conversationId } = await groupOfThree();
    const first = await send(alice, conversationId, "first");
    const second = await send(alice, conversationId, "second");
    const third = await send(alice, conversationId, "third");

    await markRead(bob.ctx, { conversationId, seq: 2 });
    await markDelivered(carol.ctx, { conversationId, seq: 2 });
    await markRead(carol.ctx, { conversationId, seq: 1 });

    const ids = (users: { id: string }[]) => users.map((u) => u.id).sort();
    const r1 = await messageReceipts(alice.ctx, { messageId: first.id });
    expect(ids(r1.readBy)).toEqual([bob.id, carol.id].sort());
    expect(r1.deliveredTo).toEqual([]);

    const r2 = await messageReceipts(alice.ctx, { messageId: second.id });
    expect(ids(r2.readBy)).toEqual([bob.id]);
    expect(ids(r2.deliveredTo)).toEqual([carol.id]);
    expect(r2.deliveredTo[0]).toMatchObject({ name: "Carol Group" });

    const r3 = await messageReceipts(alice.ctx, { messageId: third.id });
    expect(r3).toEqual({ readBy: [], deliveredTo: [] });

    // The sender is never listed as a reader of their own message.
    expect([...r1.readBy, ...r1.deliveredTo].map((u) => u.id)).not.toContain(alice.id);
  });

  it("keeps message info private to the sender", async () => {
    const { alice, bob, conversationId } = await groupOfThree();
    const message = await send(alice, conversationId, "mine");
    const outsider = await createTestUser(db);
    await expectCode(messageReceipts(bob.ctx, { messageId: message.id }), "NOT_FOUND");
    await expectCode(messageReceipts(outsider.ctx, { messageId: message.id }), "NOT_FOUND");
  });

  it("a member who left no longer holds the group's watermarks back", async () => {
    const { alice, bob, carol, conversationId } = await groupOfThree();
    await send(alice, conversationId, "a");
    await send(alice, conversationId, "b");
    await markRead(bob.ctx, { conversationId, seq: 2 });
    expect(await summaryFor(alice, conversationId)).toMatchObject({ minReadSeq: 0, memberCount: 3 });

    // Carol leaves without reading: no receipt moves the minima, her departure does, and the
    // group hears them with it.
    await leaveGroup(carol.ctx, { conversationId });
    const left = (carol.ctx.publish as ReturnType<typeof recordingPublisher>).events.find((e) => e.event === "member:left");
    expect(left).toEqual({
      to: `conv:${conversationId}`,
      event: "member:left",
      payload: { conversationId, userId: carol.id, memberCount: 2, minDeliveredSeq: 2, minReadSeq: 2 },
    });
    expect(await summaryFor(alice, conversationId)).toMatchObject({ minReadSeq: 2, minDeliveredSeq: 2, memberCount: 2 });
  });

  it("tells the group only of receipts that move its minima; the others reach the reader's own tabs", async () => {
    const { alice, bob, carol, conversationId } = await groupOfThree();
    await send(alice, conversationId, "g1");
    await send(alice, conversationId, "g2");

    // Carol has not read yet: Bob's read changes no tick, and only Bob's tabs hear of it.
    await markRead(bob.ctx, { conversationId, seq: 2 });
    expect(receiptRooms(bob)).toEqual([`user:${bob.id}`]);
    // Carol was the last: everyone's ticks move.
    await markRead(carol.ctx, { conversationId, seq: 2 });
    expect(receiptRooms(carol)).toEqual([`conv:${conversationId}`]);
    expect(await summaryFor(alice, conversationId)).toMatchObject({ minReadSeq: 2, minDeliveredSeq: 2 });
  });

  it("tells the group when a send moves its minima: the sender had not read, and was the lowest", async () => {
    const { alice, bob, carol, conversationId } = await groupOfThree();
    await send(alice, conversationId, "g1");
    await markRead(bob.ctx, { conversationId, seq: 1 });
    expect(await summaryFor(alice, conversationId)).toMatchObject({ minReadSeq: 0, minDeliveredSeq: 0 });

    // Carol answers before her read receipt lands: her send moves her watermarks, and the group's.
    await send(carol, conversationId, "answer");
    expect(receiptsOf(carol)).toEqual([
      {
        to: `conv:${conversationId}`,
        event: "receipt:update",
        payload: { conversationId, userId: carol.id, deliveredSeq: 2, readSeq: 2, minDeliveredSeq: 1, minReadSeq: 1 },
      },
    ]);
    // The receipt that follows moves nothing, so it could not have told anyone.
    expect(await markRead(carol.ctx, { conversationId, seq: 1 })).toBeNull();
    expect(await summaryFor(alice, conversationId)).toMatchObject({ minReadSeq: 1, minDeliveredSeq: 1 });
  });

  it("tells no one of a send that leaves the minima where they were", async () => {
    const { alice, bob, carol, conversationId } = await groupOfThree();
    await send(alice, conversationId, "g1");
    // Carol had not read g1 either, but Bob still holds the minima at 0.
    await send(carol, conversationId, "unread by Bob");
    // Bob had read everything before he sends.
    await markRead(bob.ctx, { conversationId, seq: 2 });
    const bobsOwn = receiptsOf(bob).length;
    await send(bob, conversationId, "caught up");
    expect(receiptsOf(carol)).toEqual([]);
    expect(receiptsOf(bob)).toHaveLength(bobsOwn);
  });

  it("tells the group of new minima once for receipts that arrive together", async () => {
    const { alice, bob, carol, conversationId } = await groupOfThree();
    await send(alice, conversationId, "g1");
    await Promise.all([markDelivered(bob.ctx, { conversationId, seq: 1 }), markDelivered(carol.ctx, { conversationId, seq: 1 })]);
    expect([...receiptRooms(bob), ...receiptRooms(carol)].sort()).toEqual([`conv:${conversationId}`, `user:${carol.id}`].sort());
    expect(await summaryFor(alice, conversationId)).toMatchObject({ minDeliveredSeq: 1 });
  });

  it("stores receipts that arrive together, and refuses an outsider's among them alone", async () => {
    const { alice, bob, carol, conversationId } = await groupOfThree();
    await send(alice, conversationId, "g1");
    await send(alice, conversationId, "g2");
    const outsider = await createTestUser(db);
    const [outsiders, bobs, carols] = await Promise.allSettled([
      markRead(outsider.ctx, { conversationId, seq: 2 }),
      markRead(bob.ctx, { conversationId, seq: 2 }),
      markDelivered(carol.ctx, { conversationId, seq: 2 }),
    ]);
    expect(outsiders).toMatchObject({ status: "rejected", reason: { code: "NOT_FOUND" } });
    expect(bobs).toMatchObject({ status: "fulfilled", value: { readSeq: 2, deliveredSeq: 2 } });
    expect(carols).toMatchObject({ status: "fulfilled", value: { readSeq: 0, deliveredSeq: 2 } });
    expect(await summaryFor(alice, conversationId)).toMatchObject({ minReadSeq: 0, minDeliveredSeq: 2 });
    expect(await watermarks(bob, conversationId)).toEqual({ readSeq: 2, deliveredSeq: 2 });
  });
});
