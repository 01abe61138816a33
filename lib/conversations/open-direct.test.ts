import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getConversation } from "@/lib/conversations/get-conversation";
import { listConversations } from "@/lib/conversations/list-conversations";
import { directKeyOf } from "@/lib/conversations/direct-chats";
import { openDirect } from "@/lib/conversations/open-direct";
import { AppError } from "@/lib/errors";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher } from "@/lib/test-support/fixtures";

const db = testDb();

async function expectCode(promise: Promise<unknown>, code: AppError["code"]) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

describe("openDirect", () => {
  it("creates exactly one chat with two participants when both people open it at the same moment", async () => {
    const alice = await createTestUser(db, { name: "Alice Race" });
    const bob = await createTestUser(db, { name: "Bob Race" });

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0 ? openDirect(alice.ctx, { userId: bob.id }) : openDirect(bob.ctx, { userId: alice.id }),
      ),
    );

    const ids = new Set(results.map((r) => r.id));
    expect(ids.size).toBe(1);
    const [conversationId] = [...ids];
    const conversations = await db.conversation.findMany({ where: { directKey: directKeyOf(alice.id, bob.id) } });
    expect(conversations.map((c) => c.id)).toEqual([conversationId]);
    expect(conversations[0]!.type).toBe("DIRECT");
    const participants = await db.participant.findMany({ where: { conversationId }, select: { userId: true } });
    expect(participants.map((p) => p.userId).sort()).toEqual([alice.id, bob.id].sort());

    // Every caller got a usable summary showing the other person.
    for (const [i, r] of results.entries()) {
      expect(r.type).toBe("DIRECT");
      expect(r.peer?.id).toBe(i % 2 === 0 ? bob.id : alice.id);
      expect(r.memberCount).toBe(2);
    }
  });

  it("opening again returns the same chat and its messages stay", async () => {
    const alice = await createTestUser(db);
    const bob = await createTestUser(db, { name: "Bob Again" });
    const first = await openDirect(alice.ctx, { userId: bob.id });
    await sendMessage(alice.ctx, { conversationId: first.id, clientId: "again-msg-1", text: "hello" });

    const again = await openDirect(alice.ctx, { userId: bob.id });
    const fromPeer = await openDirect(bob.ctx, { userId: alice.id });
    expect(again.id).toBe(first.id);
    expect(fromPeer.id).toBe(first.id);
    expect(again.title).toBe("Bob Again");
    expect(again.lastSeq).toBe(1);
    expect(fromPeer.lastMessage?.text).toBe("hello");
    expect(fromPeer.unreadCount).toBe(1);
  });

  it("opens my chat with myself (Message yourself): one member, once, titled (You), read as soon as sent, nobody else's", async () => {
    const alice = await createTestUser(db, { name: "Note Taker" });
    const publish = recordingPublisher();
    const ctx = { ...alice.ctx, publish };
    const [first, second] = await Promise.all([openDirect(ctx, { userId: alice.id }), openDirect(ctx, { userId: alice.id })]);
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({ type: "DIRECT", title: "Note Taker (You)", memberCount: 1, peer: { id: alice.id, name: "Note Taker" } });
    expect(await db.participant.count({ where: { conversationId: first.id } })).toBe(1);
    expect(await db.conversation.count({ where: { directKey: directKeyOf(alice.id, alice.id) } })).toBe(1);
    // My other devices join its room; nobody else's.
    expect(new Set(publish.events.filter((e) => e.event === "subscribe").map((e) => e.to))).toEqual(new Set([`user:${alice.id}`]));

    const { message } = await sendMessage(alice.ctx, { conversationId: first.id, clientId: `note-${first.id}`, text: "buy milk" });
    const row = (await listConversations(alice.ctx)).find((c) => c.id === first.id);
    expect(row).toMatchObject({ title: "Note Taker (You)", unreadCount: 0, lastMessage: { text: "buy milk" }, minReadSeq: message.seq });

    const bob = await createTestUser(db, { name: "Not A Note Taker" });
    await expectCode(getConversation(bob.ctx, { conversationId: first.id }), "NOT_FOUND");
    expect((await listConversations(bob.ctx)).some((c) => c.id === first.id)).toBe(false);
  });

  it("answers NOT_FOUND for a user that does not exist", async () => {
    const alice = await createTestUser(db);
    const ghost = randomUUID();
    await expectCode(openDirect(alice.ctx, { userId: ghost }), "NOT_FOUND");
    expect(await db.conversation.count({ where: { directKey: directKeyOf(alice.id, ghost) } })).toBe(0);
  });

  it("shows the chat to the opener at once, to the other person only once it has a message", async () => {
    const alice = await createTestUser(db, { name: "Alice Opener" });
    const bob = await createTestUser(db, { name: "Bob Peer" });
    const opened = await openDirect(alice.ctx, { userId: bob.id });
    expect(opened.title).toBe("Bob Peer");
    expect(opened.unreadCount).toBe(0);
    expect(opened.lastMessage).toBeNull();

    expect((await listConversations(alice.ctx)).map((c) => c.id)).toContain(opened.id);
    expect((await listConversations(bob.ctx)).map((c) => c.id)).not.toContain(opened.id);

    await sendMessage(alice.ctx, { conversationId: opened.id, clientId: "opener-msg-1", text: "hi Bob" });

    const bobsView = (await listConversations(bob.ctx)).find((c) => c.id === opened.id);
    expect(bobsView).toMatchObject({ title: "Alice Opener", unreadCount: 1, lastSeq: 1 });
    expect(bobsView?.peer?.id).toBe(alice.id);
    expect(bobsView?.lastMessage).toMatchObject({ text: "hi Bob", senderId: alice.id, senderName: "Alice Opener" });
  });

  it("lets the other person open a still-empty chat someone else started", async () => {
    const alice = await createTestUser(db, { name: "Alice First" });
    const bob = await createTestUser(db, { name: "Bob Second" });
    const opened = await openDirect(alice.ctx, { userId: bob.id });

    const fromBob = await openDirect(bob.ctx, { userId: alice.id });
    expect(fromBob.id).toBe(opened.id);
    expect(fromBob.title).toBe("Alice First");
    const details = await getConversation(bob.ctx, { conversationId: opened.id });
    expect(details.members.map((m) => m.id).sort()).toEqual([alice.id, bob.id].sort());
  });

  it("tells both people's sockets to join the chat's room", async () => {
    const publish = recordingPublisher();
    const alice = await createTestUser(db, { publish });
    const bob = await createTestUser(db);
    const opened = await openDirect(alice.ctx, { userId: bob.id });
    expect(publish.events).toEqual(
      expect.arrayContaining([
        { to: `user:${alice.id}`, event: "subscribe", payload: opened.id },
        { to: `user:${bob.id}`, event: "subscribe", payload: opened.id },
      ]),
    );
  });
});
