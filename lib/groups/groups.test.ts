import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listConversations } from "@/lib/conversations/list-conversations";
import { openDirect } from "@/lib/conversations/open-direct";
import { AppError } from "@/lib/errors";
import { DEFAULT_GROUPS } from "@/lib/groups/default-groups";
import { joinGroup } from "@/lib/groups/join-group";
import { leaveGroup } from "@/lib/groups/leave-group";
import { listPublicGroups } from "@/lib/groups/list-public-groups";
import { seedDefaultGroups } from "@/lib/groups/seed-default-groups";
import { listMessages } from "@/lib/messages/list-messages";
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

let clientCounter = 0;
async function send(user: TestUser, conversationId: string, text: string) {
  return (await sendMessage(user.ctx, { conversationId, clientId: `grp-${user.id.slice(0, 8)}-${clientCounter++}`, text })).message;
}

async function newGroup(data: { visibility?: "PUBLIC" | "PRIVATE"; archivedAt?: Date } = {}) {
  return db.conversation.create({
    data: { type: "GROUP", name: `Group ${randomUUID().slice(0, 8)}`, visibility: data.visibility ?? "PUBLIC", archivedAt: data.archivedAt },
  });
}

async function groupInDiscover(user: TestUser, id: string) {
  return (await listPublicGroups(user.ctx)).find((g) => g.id === id);
}

describe("default groups", () => {
  it("seeds the five default groups once, however often it runs", async () => {
    const slugs = DEFAULT_GROUPS.map((g) => g.slug);
    expect(new Set(slugs).size).toBe(5);
    const existing = await db.conversation.count({ where: { slug: { in: slugs } } });

    expect(await seedDefaultGroups(db)).toBe(5 - existing);
    expect(await seedDefaultGroups(db)).toBe(0);
    const [again] = await Promise.all([seedDefaultGroups(db), seedDefaultGroups(db)]);
    expect(again).toBe(0);

    const rows = await db.conversation.findMany({ where: { slug: { in: slugs } } });
    expect(rows.map((r) => r.slug).sort()).toEqual([...slugs].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ type: "GROUP", visibility: "PUBLIC", isDefault: true, archivedAt: null });
    }

    // Anyone finds them in Discover.
    const user = await createTestUser(db);
    const names = (await listPublicGroups(user.ctx)).map((g) => g.name);
    expect(names).toEqual(expect.arrayContaining(DEFAULT_GROUPS.map((g) => g.name)));
  });

  it("keeps an admin's edits to a default group when seeding again", async () => {
    await seedDefaultGroups(db);
    const slug = DEFAULT_GROUPS[1].slug;
    const original = await db.conversation.findUniqueOrThrow({ where: { slug } });
    try {
      await db.conversation.update({ where: { slug }, data: { about: "Edited by an admin" } });
      expect(await seedDefaultGroups(db)).toBe(0);
      expect((await db.conversation.findUniqueOrThrow({ where: { slug } })).about).toBe("Edited by an admin");
    } finally {
      await db.conversation.update({ where: { slug }, data: { about: original.about } });
    }
  });
});

describe("joining and leaving groups", () => {
  it("shows membership and member counts in Discover as people join and leave", async () => {
    const alice = await createTestUser(db);
    const bob = await createTestUser(db);
    const group = await newGroup();

    expect(await groupInDiscover(alice, group.id)).toMatchObject({ isMember: false, memberCount: 0, name: group.name });

    const joined = await joinGroup(alice.ctx, { conversationId: group.id });
    expect(joined).toMatchObject({ id: group.id, type: "GROUP", title: group.name, memberCount: 1, unreadCount: 0 });
    expect(await groupInDiscover(alice, group.id)).toMatchObject({ isMember: true, memberCount: 1 });
    expect(await groupInDiscover(bob, group.id)).toMatchObject({ isMember: false, memberCount: 1 });

    await joinGroup(bob.ctx, { conversationId: group.id });
    expect(await groupInDiscover(alice, group.id)).toMatchObject({ isMember: true, memberCount: 2 });
    expect(await groupInDiscover(bob, group.id)).toMatchObject({ isMember: true, memberCount: 2 });

    // Joining twice does not count twice.
    await joinGroup(bob.ctx, { conversationId: group.id });
    expect(await groupInDiscover(alice, group.id)).toMatchObject({ memberCount: 2 });

    await leaveGroup(alice.ctx, { conversationId: group.id });
    expect(await groupInDiscover(alice, group.id)).toMatchObject({ isMember: false, memberCount: 1 });
    expect(await groupInDiscover(bob, group.id)).toMatchObject({ isMember: true, memberCount: 1 });
    expect((await listConversations(alice.ctx)).map((c) => c.id)).not.toContain(group.id);
    expect((await listConversations(bob.ctx)).find((c) => c.id === group.id)).toMatchObject({ memberCount: 1 });
  });

  it("tells the group and my tabs when I join and leave", async () => {
    const publish = recordingPublisher();
    const alice = await createTestUser(db, { publish });
    await db.user.update({ where: { id: alice.id }, data: { lastActiveAt: new Date() } });
    const group = await newGroup();
    await joinGroup(alice.ctx, { conversationId: group.id });
    expect(publish.events.map((e) => [e.to, e.event])).toEqual([
      [`user:${alice.id}`, "subscribe"],
      [`conv:${group.id}`, "member:joined"],
      [`user:${alice.id}`, "conversation:updated"],
    ]);
    // No presence in what the whole group hears: each viewer asks for it under their own rules.
    expect(publish.events[1]!.payload).toMatchObject({ conversationId: group.id, member: { id: alice.id, role: "MEMBER", online: false, lastActiveAt: null } });

    publish.events.length = 0;
    await leaveGroup(alice.ctx, { conversationId: group.id });
    expect(publish.events).toEqual([
      { to: `user:${alice.id}`, event: "unsubscribe", payload: group.id },
      { to: `user:${alice.id}`, event: "conversation:removed", payload: { conversationId: group.id } },
      // Nobody is left: the group's count and minima say so.
      { to: `conv:${group.id}`, event: "member:left", payload: { conversationId: group.id, userId: alice.id, memberCount: 0, minDeliveredSeq: 0, minReadSeq: 0 } },
    ]);
  });

  it("hides private and archived groups: they cannot be joined", async () => {
    const alice = await createTestUser(db);
    const privateGroup = await newGroup({ visibility: "PRIVATE" });
    const archivedGroup = await newGroup({ archivedAt: new Date() });

    const ids = (await listPublicGroups(alice.ctx)).map((g) => g.id);
    expect(ids).not.toContain(privateGroup.id);
    expect(ids).not.toContain(archivedGroup.id);
    await expectCode(joinGroup(alice.ctx, { conversationId: privateGroup.id }), "NOT_FOUND");
    await expectCode(joinGroup(alice.ctx, { conversationId: archivedGroup.id }), "NOT_FOUND");
    await expectCode(joinGroup(alice.ctx, { conversationId: randomUUID() }), "NOT_FOUND");
    expect(await db.participant.count({ where: { userId: alice.id } })).toBe(0);
  });

  it("cannot join a direct chat as if it were a group", async () => {
    const alice = await createTestUser(db);
    const bob = await createTestUser(db);
    const intruder = await createTestUser(db);
    const direct = await openDirect(alice.ctx, { userId: bob.id });
    await expectCode(joinGroup(intruder.ctx, { conversationId: direct.id }), "NOT_FOUND");
    expect(await db.participant.count({ where: { conversationId: direct.id } })).toBe(2);
  });

  it("refuses to leave a direct chat, or a group I'm not in", async () => {
    const alice = await createTestUser(db);
    const bob = await createTestUser(db);
    const direct = await openDirect(alice.ctx, { userId: bob.id });
    await expectCode(leaveGroup(alice.ctx, { conversationId: direct.id }), "BAD_REQUEST");
    expect((await db.participant.findMany({ where: { conversationId: direct.id, leftAt: null } })).length).toBe(2);

    const group = await newGroup();
    await expectCode(leaveGroup(alice.ctx, { conversationId: group.id }), "NOT_FOUND");
    await joinGroup(alice.ctx, { conversationId: group.id });
    await leaveGroup(alice.ctx, { conversationId: group.id });
    await expectCode(leaveGroup(alice.ctx, { conversationId: group.id }), "NOT_FOUND");
  });

  it("a member who left can no longer write; rejoining works and starts with nothing unread", async () => {
    const alice = await createTestUser(db);
    const bob = await createTestUser(db);
    const group = await newGroup();
    await joinGroup(alice.ctx, { conversationId: group.id });
    await joinGroup(bob.ctx, { conversationId: group.id });
    await send(alice, group.id, "before bob left");
    await expectUnread(bob, group.id, 1);

    await leaveGroup(bob.ctx, { conversationId: group.id });
    await expectCode(sendMessage(bob.ctx, { conversationId: group.id, clientId: "grp-left-write", text: "still here?" }), "NOT_FOUND");
    await expectCode(listMessages(bob.ctx, { conversationId: group.id }), "NOT_FOUND");
    for (let i = 0; i < 3; i++) await send(alice, group.id, `while bob was away ${i}`);

    const rejoined = await joinGroup(bob.ctx, { conversationId: group.id });
    expect(rejoined).toMatchObject({ id: group.id, lastSeq: 4, unreadCount: 0, readSeq: 4, memberCount: 2 });
    expect(await groupInDiscover(bob, group.id)).toMatchObject({ isMember: true, memberCount: 2 });
    // History stays readable.
    expect((await listMessages(bob.ctx, { conversationId: group.id })).messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);

    await send(alice, group.id, "welcome back");
    await expectUnread(bob, group.id, 1);
    await send(bob, group.id, "thanks");
    await expectUnread(bob, group.id, 0);
  });

  it("joining a busy group counts nothing already sent as unread", async () => {
    const alice = await createTestUser(db);
    const bob = await createTestUser(db);
    const group = await newGroup();
    await joinGroup(alice.ctx, { conversationId: group.id });
    for (let i = 0; i < 4; i++) await send(alice, group.id, `early ${i}`);
    const joined = await joinGroup(bob.ctx, { conversationId: group.id });
    expect(joined).toMatchObject({ lastSeq: 4, unreadCount: 0 });
    const aliceRow = (await listConversations(alice.ctx)).find((c) => c.id === group.id);
    // Bob's watermarks start at the end, so he does not hold Alice's ticks back.
    expect(aliceRow).toMatchObject({ memberCount: 2, minDeliveredSeq: 4, minReadSeq: 4 });
  });
});

async function expectUnread(user: TestUser, conversationId: string, unread: number) {
  const row = (await listConversations(user.ctx)).find((c) => c.id === conversationId);
  expect(row?.unreadCount).toBe(unread);
}
