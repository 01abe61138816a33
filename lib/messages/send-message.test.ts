import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { openDirect } from "@/lib/conversations/open-direct";
import { AppError } from "@/lib/errors";
import { listMessages } from "@/lib/messages/list-messages";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher, type RecordingPublisher, type TestUser } from "@/lib/test-support/fixtures";
import { MAX_MESSAGE_LENGTH } from "@/lib/limits";

const db = testDb();

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("expected the call to fail"),
    (e: unknown) => e,
  );
}

async function expectCode(promise: Promise<unknown>, code: AppError["code"]) {
  const err = await rejection(promise);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

const newMessages = (publish: RecordingPublisher) => publish.events.filter((e) => e.event === "message:new");

let alicePublish: RecordingPublisher;
let bobPublish: RecordingPublisher;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  alicePublish = recordingPublisher();
  bobPublish = recordingPublisher();
  alice = await createTestUser(db, { name: "Alice Sender", publish: alicePublish });
  bob = await createTestUser(db, { name: "Bob Sender", publish: bobPublish });
});

/** A fresh direct chat between Alice and a new person, so each test counts seqs from 1. */
async function freshChat() {
  const publish = recordingPublisher();
  const peer = await createTestUser(db, { publish });
  const { id } = await openDirect(alice.ctx, { userId: peer.id });
  return { conversationId: id, peer, peerPublish: publish };
}

describe("sendMessage", () => {
  it("stores the message with the next seq and tells the conversation once", async () => {
    const { conversationId } = await freshChat();
    const before = newMessages(alicePublish).length;

    const first = await sendMessage(alice.ctx, { conversationId, clientId: "send-once-1", text: "hello there" });
    expect(first.duplicate).toBe(false);
    expect(first.message).toMatchObject({ conversationId, seq: 1, senderId: alice.id, text: "hello there", type: "TEXT", deletedAt: null });

    const published = newMessages(alicePublish).slice(before);
    expect(published).toEqual([{ to: `conv:${conversationId}`, event: "message:new", payload: first.message }]);

    const second = await sendMessage(alice.ctx, { conversationId, clientId: "send-once-2", text: "second" });
    expect(second.message.seq).toBe(2);
    expect(newMessages(alicePublish).length - before).toBe(2);
  });

  it("answers a retry with the same clientId with the stored message", async () => {
    const { conversationId } = await freshChat();
    const first = await sendMessage(alice.ctx, { conversationId, clientId: "retry-client-1", text: "only once" });
    const retry = await sendMessage(alice.ctx, { conversationId, clientId: "retry-client-1", text: "only once" });

    expect(retry.duplicate).toBe(true);
    expect(retry.message.id).toBe(first.message.id);
    expect(retry.message.seq).toBe(first.message.seq);
    expect(retry.message).toEqual(first.message);
    expect(await db.message.count({ where: { conversationId } })).toBe(1);
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.lastSeq).toBe(1n);
  });

  it("stores one message when 20 retries of the same clientId race", async () => {
    const { conversationId } = await freshChat();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => sendMessage(alice.ctx, { conversationId, clientId: "race-same-client", text: "racing" })),
    );

    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    expect(results.every((r) => r.message.seq === 1)).toBe(true);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await db.message.count({ where: { conversationId } })).toBe(1);
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.lastSeq).toBe(1n);

    // The next message continues without a gap.
    const next = await sendMessage(alice.ctx, { conversationId, clientId: "race-after", text: "next" });
    expect(next.message.seq).toBe(2);
  });

  it("numbers 30 concurrent messages from both members 1..30 without gaps or duplicates", async () => {
    const { conversationId, peer, peerPublish } = await freshChat();
    const aliceBefore = newMessages(alicePublish).length;
    const N = 30;

    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        i % 2 === 0
          ? sendMessage(alice.ctx, { conversationId, clientId: `conc-alice-${i}`, text: `from alice ${i}` })
          : sendMessage(peer.ctx, { conversationId, clientId: `conc-peer-${i}`, text: `from peer ${i}` }),
      ),
    );

    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect(results.map((r) => r.message.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    const stored = await db.message.findMany({ where: { conversationId }, orderBy: { seq: "asc" }, select: { seq: true, clientId: true } });
    expect(stored.map((m) => Number(m.seq))).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(new Set(stored.map((m) => m.clientId)).size).toBe(N);
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.lastSeq).toBe(BigInt(N));

    // Each new message was published exactly once, by its sender.
    const published = [...newMessages(alicePublish).slice(aliceBefore), ...newMessages(peerPublish)];
    expect(published).toHaveLength(N);
    expect(new Set(published.map((e) => (e.payload as { id: string }).id))).toEqual(new Set(results.map((r) => r.message.id)));
    expect(published.every((e) => e.to === `conv:${conversationId}`)).toBe(true);

    // Both members read them in that order.
    const page = await listMessages(peer.ctx, { conversationId });
    expect(page.messages.map((m) => m.seq)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
  });

  it("refuses to reuse a clientId in another conversation", async () => {
    const one = await freshChat();
    const two = await freshChat();
    await sendMessage(alice.ctx, { conversationId: one.conversationId, clientId: "reused-client", text: "first chat" });

    await expectCode(sendMessage(alice.ctx, { conversationId: two.conversationId, clientId: "reused-client", text: "second chat" }), "CONFLICT");
    expect(await db.message.count({ where: { conversationId: two.conversationId } })).toBe(0);
  });

  it("lets another sender use the same clientId", async () => {
    const { conversationId, peer } = await freshChat();
    const mine = await sendMessage(alice.ctx, { conversationId, clientId: "shared-client-id", text: "mine" });
    const theirs = await sendMessage(peer.ctx, { conversationId, clientId: "shared-client-id", text: "theirs" });
    expect(theirs.duplicate).toBe(false);
    expect(theirs.message.id).not.toBe(mine.message.id);
    expect(theirs.message.seq).toBe(2);
  });

  it("rejects empty, blank and too long texts and stores nothing", async () => {
    const { conversationId } = await freshChat();
    for (const text of ["", "   ", "\n\t  \n", "x".repeat(MAX_MESSAGE_LENGTH + 1)]) {
      const err = await rejection(sendMessage(alice.ctx, { conversationId, clientId: `bad-text-${text.length}`, text }));
      expect(err, JSON.stringify(text.slice(0, 10))).toBeInstanceOf(ZodError);
    }
    expect(await db.message.count({ where: { conversationId } })).toBe(0);

    const longest = await sendMessage(alice.ctx, { conversationId, clientId: "max-length-1", text: "y".repeat(MAX_MESSAGE_LENGTH) });
    expect(longest.message.text).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(longest.message.seq).toBe(1);
  });

  it("rejects a malformed clientId", async () => {
    const { conversationId } = await freshChat();
    for (const clientId of ["short", "has spaces in it", "x".repeat(65), "semi;colon;id"]) {
      await expect(sendMessage(alice.ctx, { conversationId, clientId, text: "hi" }), clientId).rejects.toBeInstanceOf(ZodError);
    }
    expect(await db.message.count({ where: { conversationId } })).toBe(0);
  });

  it("answers NOT_FOUND to a non-member and stores nothing", async () => {
    const { conversationId } = await freshChat();
    const before = newMessages(bobPublish).length;
    await expectCode(sendMessage(bob.ctx, { conversationId, clientId: "intruder-1", text: "let me in" }), "NOT_FOUND");
    expect(await db.message.count({ where: { conversationId } })).toBe(0);
    expect(newMessages(bobPublish).length).toBe(before);
  });

  it("refuses to send to an archived group", async () => {
    const group = await db.conversation.create({
      data: { type: "GROUP", name: "Archived send", visibility: "PUBLIC", archivedAt: new Date(), participants: { create: [{ userId: alice.id }] } },
    });
    await expectCode(sendMessage(alice.ctx, { conversationId: group.id, clientId: "archived-1", text: "anyone?" }), "FORBIDDEN");
    expect(await db.message.count({ where: { conversationId: group.id } })).toBe(0);
  });
});
