import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createPublicGroup, setGroupArchived } from "@/lib/admin/manage-groups";
import { openDirect } from "@/lib/conversations/open-direct";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { joinGroup } from "@/lib/groups/join-group";
import { setMemberRole } from "@/lib/groups/manage-members";
import { updateGroup } from "@/lib/groups/update-group";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher } from "@/lib/test-support/fixtures";
import type { MessageDto } from "@/lib/realtime/contract";
import { setBlocked } from "@/lib/users/block-user";
import { expireDueMessages } from "./expire-messages";
import { forwardMessages } from "./forward-message";
import { listMessages } from "./list-messages";
import { sendMessage } from "./send-message";

const db = testDb();
let n = 0;
const cid = () => `fwd-${Date.now().toString(36)}-${n++}-abcd`;

/** Me with a message to forward in a direct chat with a friend, and an announcement group run by its owner. */
async function setup() {
  const publish = recordingPublisher();
  const me = await createTestUser(db, { name: "Fwd Me", publish });
  const friend = await createTestUser(db, { name: "Fwd Friend" });
  const owner = await createTestUser(db, { name: "Fwd Owner" });
  const dm = await openDirect(me.ctx, { userId: friend.id });
  const news = await createPrivateGroup(owner.ctx, { name: "Fwd News", memberIds: [me.id] });
  await updateGroup(owner.ctx, { conversationId: news.id, onlyAdminsSend: true });
  const { message } = await sendMessage(me.ctx, { conversationId: dm.id, clientId: cid(), text: "look at this" });
  publish.events.length = 0;
  return { me, friend, owner, dm, news, source: message, publish };
}

const copiesOf = (sourceId: string) => db.message.count({ where: { forwardedFromId: sourceId } });

describe("forwarding to a chat I can't send to", () => {
  it("refuses the whole forward with the reason a send gets, storing and announcing nothing, however often retried", async () => {
    const { me, dm, news, source, publish } = await setup();
    for (let click = 0; click < 2; click++) {
      await expect(forwardMessages(me.ctx, { messageIds: [source.id], conversationIds: [dm.id, news.id], clientId: cid() })).rejects.toMatchObject({
        code: "FORBIDDEN",
        reason: "ONLY_ADMINS_SEND",
        message: "Only admins can send messages to this group",
      });
    }
    await expect(sendMessage(me.ctx, { conversationId: news.id, clientId: cid(), text: "hi" })).rejects.toMatchObject({ reason: "ONLY_ADMINS_SEND" });
    expect(await copiesOf(source.id)).toBe(0);
    expect(publish.events.filter((e) => e.event === "message:new")).toEqual([]);
  });

  it("forwards into an announcement group once I'm one of its admins", async () => {
    const { me, owner, dm, news, source } = await setup();
    await setMemberRole(owner.ctx, { conversationId: news.id, userId: me.id, role: "ADMIN" });
    const copies = await forwardMessages(me.ctx, { messageIds: [source.id], conversationIds: [dm.id, news.id], clientId: cid() });
    expect(copies.map((m) => [m.conversationId, m.text, m.forwarded])).toEqual([
      [dm.id, "look at this", true],
      [news.id, "look at this", true],
    ]);
  });

  it("refuses an archived group as GROUP_ARCHIVED, storing nothing", async () => {
    const { me, dm, source } = await setup();
    const admin = await createTestUser(db, { name: "Fwd Site Admin", role: "ADMIN" });
    const town = await createPublicGroup(admin.ctx, { name: `Fwd Town ${cid()}`, icon: "💬", iconBg: "#25a366" });
    await joinGroup(me.ctx, { conversationId: town.id });
    await setGroupArchived(admin.ctx, { conversationId: town.id, archived: true });
    await expect(forwardMessages(me.ctx, { messageIds: [source.id], conversationIds: [dm.id, town.id], clientId: cid() })).rejects.toMatchObject({
      code: "FORBIDDEN",
      reason: "GROUP_ARCHIVED",
    });
    expect(await copiesOf(source.id)).toBe(0);
  });

  it("refuses a direct chat with someone I blocked, even listed last, storing nothing", async () => {
    const { me, dm, source } = await setup();
    const other = await createTestUser(db, { name: "Fwd Blocked" });
    const blockedDm = await openDirect(me.ctx, { userId: other.id });
    await setBlocked(me.ctx, { userId: other.id, blocked: true });
    await expect(forwardMessages(me.ctx, { messageIds: [source.id], conversationIds: [dm.id, blockedDm.id], clientId: cid() })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You blocked this contact. Unblock them to send a message.",
    });
    expect(await copiesOf(source.id)).toBe(0);
  });
});

describe("forwarded many times", () => {
  /** Forwards `message` on, back and forth between two chats, `times` times: each copy is the next one's source. */
  async function chain(ctx: Parameters<typeof forwardMessages>[0], message: MessageDto, chats: [string, string], times: number) {
    const copies: MessageDto[] = [];
    for (let i = 0; i < times; i++) {
      const [copy] = await forwardMessages(ctx, { messageIds: [(copies.at(-1) ?? message).id], conversationIds: [chats[i % 2]!], clientId: cid() });
      copies.push(copy!);
    }
    return copies;
  }

  it("marks the fifth forward from the original, which then goes on to one chat at a time", async () => {
    const { me, friend, dm, source, publish } = await setup();
    const notes = await createPrivateGroup(me.ctx, { name: "Fwd Notes", memberIds: [friend.id] });
    const copies = await chain(me.ctx, source, [notes.id, dm.id], 5);
    expect(copies.map((m) => [m.text, m.forwarded, m.forwardedManyTimes])).toEqual([
      ["look at this", true, false],
      ["look at this", true, false],
      ["look at this", true, false],
      ["look at this", true, false],
      ["look at this", true, true],
    ]);
    // The friend is shown the label as I am.
    const fifth = copies[4]!;
    expect(publish.events.find((e) => e.event === "message:new" && (e.payload as MessageDto).id === fifth.id)?.payload).toMatchObject({ forwardedManyTimes: true });

    const toBoth = { messageIds: [fifth.id], conversationIds: [dm.id, notes.id] };
    await expect(forwardMessages(me.ctx, { ...toBoth, clientId: cid() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Messages forwarded many times can be sent to one chat at a time",
    });
    // Picked with an ordinary message, it still limits the whole forward; nothing is stored.
    await expect(forwardMessages(me.ctx, { messageIds: [source.id, fifth.id], conversationIds: [dm.id, notes.id], clientId: cid() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await copiesOf(fifth.id)).toBe(0);

    const [sixth] = await forwardMessages(me.ctx, { messageIds: [fifth.id], conversationIds: [notes.id], clientId: cid() });
    expect(sixth).toMatchObject({ conversationId: notes.id, forwarded: true, forwardedManyTimes: true });
    // The original and an early copy still go to several chats.
    expect(await forwardMessages(me.ctx, { messageIds: [copies[3]!.id], conversationIds: [dm.id, notes.id], clientId: cid() })).toHaveLength(2);
  });

  it("a copy stays forwarded after its disappearing original is deleted", async () => {
    const { me, friend, source, publish } = await setup();
    const notes = await createPrivateGroup(me.ctx, { name: "Fwd Notes 2", memberIds: [friend.id] });
    const [copy] = await forwardMessages(me.ctx, { messageIds: [source.id], conversationIds: [notes.id], clientId: cid() });
    await db.message.update({ where: { id: source.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await expireDueMessages(db, publish)).toBeGreaterThanOrEqual(1);
    expect(await db.message.count({ where: { id: source.id } })).toBe(0);

    const page = await listMessages(friend.ctx, { conversationId: notes.id });
    expect(page.messages.find((m) => m.id === copy!.id)).toMatchObject({ text: "look at this", forwarded: true, forwardedManyTimes: false });
  });
});

describe("the migration that recorded how far earlier copies were forwarded", () => {
  const sql = readFileSync(new URL("../../prisma/migrations/20261125120000_message_forwards/migration.sql", import.meta.url), "utf8");

  it("counts each copy's chain of originals, as forwarding now records it, and keeps the rest of its metadata", async () => {
    const { me, friend, dm, source } = await setup();
    const notes = await createPrivateGroup(me.ctx, { name: "Fwd Backfill", memberIds: [friend.id] });
    const [first] = await forwardMessages(me.ctx, { messageIds: [source.id], conversationIds: [notes.id], clientId: cid() });
    const [second] = await forwardMessages(me.ctx, { messageIds: [first!.id], conversationIds: [dm.id], clientId: cid() });
    const [third] = await forwardMessages(me.ctx, { messageIds: [second!.id], conversationIds: [notes.id], clientId: cid() });
    const ids = [source.id, first!.id, second!.id, third!.id];
    const recorded = await db.message.findMany({ where: { id: { in: ids } }, select: { id: true, metadata: true } });
    const metadataOf = (rows: { id: string; metadata: unknown }[]) => ids.map((id) => rows.find((r) => r.id === id)?.metadata ?? null);
    expect(metadataOf(recorded)).toEqual([null, { forwards: 1 }, { forwards: 2 }, { forwards: 3 }]);

    // As copies stored before this release were: without the count (one with other metadata).
    const after = await db
      .$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Message" SET metadata = NULL WHERE id IN (${first!.id}::uuid, ${third!.id}::uuid)`;
        await tx.$executeRaw`UPDATE "Message" SET metadata = '{"mentions":["x_y"]}'::jsonb WHERE id = ${second!.id}::uuid`;
        await tx.$executeRawUnsafe(sql);
        const rows = await tx.message.findMany({ where: { id: { in: ids } }, select: { id: true, metadata: true } });
        throw Object.assign(new Error("roll back"), { rows });
      })
      .catch((err: { rows?: { id: string; metadata: unknown }[] }) => err.rows);
    expect(metadataOf(after ?? [])).toEqual([null, { forwards: 1 }, { mentions: ["x_y"], forwards: 2 }, { forwards: 3 }]);
  });
});
