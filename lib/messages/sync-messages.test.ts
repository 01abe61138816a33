import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { openDirect } from "@/lib/conversations/open-direct";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { joinGroup } from "@/lib/groups/join-group";
import { leaveGroup } from "@/lib/groups/leave-group";
import { addMembers, removeMember } from "@/lib/groups/manage-members";
import { deleteMessages } from "@/lib/messages/delete-message";
import { sendMessage } from "@/lib/messages/send-message";
import { SYNC_LIMIT_PER_CONVERSATION, syncMessages } from "@/lib/messages/sync-messages";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, type TestUser } from "@/lib/test-support/fixtures";

const db = testDb();

let clientCounter = 0;
async function send(user: TestUser, conversationId: string, text: string) {
  return (await sendMessage(user.ctx, { conversationId, clientId: `sync-${user.id.slice(0, 8)}-${clientCounter++}`, text })).message;
}

const seqs = (list: { seq: number }[] | undefined) => list?.map((m) => m.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
/** Alice → Bob, five messages. */
let small: string;
/** Carol → Bob, three messages. */
let other: string;
/** Alice → Bob group with SYNC_LIMIT + 1 messages. */
let big: string;

beforeAll(async () => {
  alice = await createTestUser(db);
  bob = await createTestUser(db);
  carol = await createTestUser(db);
  small = (await openDirect(alice.ctx, { userId: bob.id })).id;
  for (let i = 1; i <= 5; i++) await send(alice, small, `small ${i}`);
  other = (await openDirect(carol.ctx, { userId: bob.id })).id;
  for (let i = 1; i <= 3; i++) await send(carol, other, `other ${i}`);

  const group = await db.conversation.create({ data: { type: "GROUP", name: "Sync big", visibility: "PUBLIC" } });
  big = group.id;
  await joinGroup(alice.ctx, { conversationId: big });
  await joinGroup(bob.ctx, { conversationId: big });
  // Stored directly, it is only the volume that matters here.
  const total = SYNC_LIMIT_PER_CONVERSATION + 1;
  await db.message.createMany({
    data: range(1, total).map((seq) => ({ conversationId: big, seq: BigInt(seq), senderId: alice.id, clientId: `sync-big-${seq}`, text: `big ${seq}` })),
  });
  await db.conversation.update({ where: { id: big }, data: { lastSeq: total, lastMessageAt: new Date() } });
});

describe("syncMessages", () => {
  it("returns exactly the messages after each cursor, oldest first", async () => {
    const result = await syncMessages(bob.ctx, { cursors: { [small]: 2, [other]: 0 } });
    expect(seqs(result.missed[small])).toEqual([3, 4, 5]);
    expect(result.missed[small]!.map((m) => m.text)).toEqual(["small 3", "small 4", "small 5"]);
    expect(seqs(result.missed[other])).toEqual([1, 2, 3]);
    expect(result.missed[other]!.every((m) => m.senderId === carol.id && m.conversationId === other)).toBe(true);
    expect(result.truncated).toEqual([]);
    // The conversations come back as they are now.
    expect(result.conversations.find((c) => c.id === small)).toMatchObject({ lastSeq: 5, unreadCount: 5 });
  });

  it("leaves out conversations I'm up to date with or did not ask about", async () => {
    const result = await syncMessages(bob.ctx, { cursors: { [small]: 5, [other]: 3 } });
    expect(result.missed).toEqual({});
    expect(result.truncated).toEqual([]);
    expect(result.conversations.map((c) => c.id)).toEqual(expect.arrayContaining([small, other, big]));

    const onlyOne = await syncMessages(bob.ctx, { cursors: { [small]: 4 } });
    expect(Object.keys(onlyOne.missed)).toEqual([small]);
    expect(seqs(onlyOne.missed[small])).toEqual([5]);
  });

  it("picks up messages sent after the cursor was taken", async () => {
    const before = await syncMessages(bob.ctx, { cursors: { [other]: 3 } });
    expect(before.missed).toEqual({});
    await send(carol, other, "while you were away");
    await send(bob, other, "bob from another tab");
    const after = await syncMessages(bob.ctx, { cursors: { [other]: 3 } });
    expect(after.missed[other]!.map((m) => [m.seq, m.text])).toEqual([
      [4, "while you were away"],
      [5, "bob from another tab"],
    ]);
  });

  it("lists a conversation with more than SYNC_LIMIT missed messages as truncated, without messages", async () => {
    const result = await syncMessages(bob.ctx, { cursors: { [big]: 0, [small]: 4 } });
    expect(result.truncated).toEqual([big]);
    expect(result.missed[big]).toBeUndefined();
    expect(seqs(result.missed[small])).toEqual([5]);
  });

  it("sends exactly SYNC_LIMIT missed messages in full", async () => {
    const result = await syncMessages(bob.ctx, { cursors: { [big]: 1 } });
    expect(result.truncated).toEqual([]);
    expect(seqs(result.missed[big])).toEqual(range(2, SYNC_LIMIT_PER_CONVERSATION + 1));
  });

  it("returns nothing for conversations I'm not in", async () => {
    const outsider = await createTestUser(db);
    const unknown = randomUUID();
    const result = await syncMessages(outsider.ctx, { cursors: { [small]: 0, [big]: 0, [unknown]: 0 } });
    expect(result.missed).toEqual({});
    expect(result.truncated).toEqual([]);
    expect(result.conversations.map((c) => c.id)).not.toContain(small);
    expect(result.conversations.map((c) => c.id)).not.toContain(big);

    // Carol is not in Alice and Bob's chat: her cursors for it are ignored, hers still work.
    const carols = await syncMessages(carol.ctx, { cursors: { [small]: 0, [other]: 4 } });
    expect(Object.keys(carols.missed)).toEqual([other]);
    expect(carols.conversations.map((c) => c.id)).not.toContain(small);
  });

  it("stops syncing a group I left", async () => {
    const dave = await createTestUser(db);
    await joinGroup(dave.ctx, { conversationId: big });
    await leaveGroup(dave.ctx, { conversationId: big });
    const result = await syncMessages(dave.ctx, { cursors: { [big]: 0 } });
    expect(result).toMatchObject({ missed: {}, truncated: [] });
    expect(result.conversations.map((c) => c.id)).not.toContain(big);
  });

  it("tells which of the chats I asked about I was removed from or left while away", async () => {
    const owner = await createTestUser(db);
    const fay = await createTestUser(db);
    const group = await createPrivateGroup(owner.ctx, { name: "Sync removal", memberIds: [fay.id] });
    const left = (await db.conversation.create({ data: { type: "GROUP", name: "Sync left", visibility: "PUBLIC" } })).id;
    await joinGroup(fay.ctx, { conversationId: left });
    await send(owner, group.id, "before");
    await removeMember(owner.ctx, { conversationId: group.id, userId: fay.id });
    await leaveGroup(fay.ctx, { conversationId: left });

    const result = await syncMessages(fay.ctx, { cursors: { [group.id]: 0, [left]: 0 } });
    expect(result.removed.sort()).toEqual([group.id, left].sort());
    expect(result.missed).toEqual({});

    // Back in the group: a member again, not reported; a chat I did not ask about is not either.
    await addMembers(owner.ctx, { conversationId: group.id, userIds: [fay.id] });
    const again = await syncMessages(fay.ctx, { cursors: { [group.id]: 0 } });
    expect(again.removed).toEqual([]);
    expect(again.missed[group.id]).toBeDefined();
  });

  it("asks about listed chats too: removed from one not loaded here, another deleted, a stranger's id gone like a made-up one", async () => {
    const dave = await createTestUser(db);
    const owner = await createTestUser(db);
    const left = await createPrivateGroup(owner.ctx, { name: "Sync left", memberIds: [dave.id] });
    const doomed = await createPrivateGroup(owner.ctx, { name: "Sync doomed", memberIds: [dave.id] });
    const kept = await createPrivateGroup(owner.ctx, { name: "Sync kept", memberIds: [dave.id] });
    await removeMember(owner.ctx, { conversationId: left.id, userId: dave.id });
    await db.conversation.delete({ where: { id: doomed.id } });
    const made = randomUUID();
    const result = await syncMessages(dave.ctx, { cursors: {}, listed: [left.id, doomed.id, kept.id, small, made] });
    expect(result.removed).toEqual([left.id]);
    expect(result.gone.sort()).toEqual([doomed.id, small, made].sort());
    expect(result.conversations.map((c) => c.id)).toContain(kept.id);
  });

  it("reports no removal for chats I am still in or was never in", async () => {
    const result = await syncMessages(bob.ctx, { cursors: { [small]: 5, [other]: 3, [big]: SYNC_LIMIT_PER_CONVERSATION + 1 } });
    expect(result.removed).toEqual([]);
    // An outsider asking about other people's chats (or made-up ids) learns nothing.
    const outsider = await createTestUser(db);
    const strangers = await syncMessages(outsider.ctx, { cursors: { [small]: 0, [big]: 0, [randomUUID()]: 0 } });
    expect(strangers).toMatchObject({ missed: {}, truncated: [], removed: [] });
    // Someone else's chats and a made-up id are told alike: no membership of mine.
    expect(strangers.gone).toHaveLength(3);
    expect(strangers.gone).toEqual(expect.arrayContaining([small, big]));
  });

  it("does not bring back messages I deleted for me", async () => {
    const erin = await createTestUser(db);
    const { id } = await openDirect(alice.ctx, { userId: erin.id });
    const m1 = await send(alice, id, "one");
    await send(alice, id, "two");
    await deleteMessages(erin.ctx, { messageIds: [m1.id], for: "me" });
    const result = await syncMessages(erin.ctx, { cursors: { [id]: 0 } });
    expect(result.missed[id]!.map((m) => m.text)).toEqual(["two"]);
  });

  it("rejects malformed cursors", async () => {
    await expect(syncMessages(bob.ctx, { cursors: { "not-a-uuid": 1 } })).rejects.toThrow();
    await expect(syncMessages(bob.ctx, { cursors: { [small]: -1 } })).rejects.toThrow();
  });
});
