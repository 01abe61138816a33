import { describe, expect, it } from "vitest";
import { createPublicGroup, setGroupArchived } from "@/lib/admin/manage-groups";
import { listConversations } from "@/lib/conversations/list-conversations";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { joinGroup } from "@/lib/groups/join-group";
import { updateGroup } from "@/lib/groups/update-group";
import { deleteMessages } from "@/lib/messages/delete-message";
import { editMessage } from "@/lib/messages/edit-message";
import { markRead } from "@/lib/messages/receipts";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, type TestUser } from "@/lib/test-support/fixtures";

const db = testDb();

describe("listConversations", () => {
  it("tells a member that an admin archived a group, so a reloaded app shows it read-only", async () => {
    const admin = await createTestUser(db, { name: "Archiving Admin", role: "ADMIN" });
    const member = await createTestUser(db, { name: "Archive Member" });
    const group = await createPublicGroup(admin.ctx, { name: `Archive list ${Date.now()}`, icon: "💬", iconBg: "#25a366", about: "", autoJoin: false });
    await joinGroup(member.ctx, { conversationId: group.id });
    const row = async () => (await listConversations(member.ctx)).find((c) => c.id === group.id);

    expect(await row()).toMatchObject({ groupArchived: false, isArchived: false });
    await setGroupArchived(admin.ctx, { conversationId: group.id, archived: true });
    // Still in my list (its history stays readable), marked archived by the admin; my own
    // archive folder setting is a different thing.
    expect(await row()).toMatchObject({ groupArchived: true, isArchived: false });
    await setGroupArchived(admin.ctx, { conversationId: group.id, archived: false });
    expect(await row()).toMatchObject({ groupArchived: false });
  });

  it("says which unread message @mentions me in a group, by the mentions rule, until I read past it", async () => {
    const owner = await createTestUser(db, { name: "Mention Owner" });
    const reader = await createTestUser(db, { name: "Mention Reader" });
    const group = await createPrivateGroup(owner.ctx, { name: "Mention group", memberIds: [reader.id] });
    const { username } = await db.user.findUniqueOrThrow({ where: { id: reader.id }, select: { username: true } });
    let n = 0;
    const say = async (text: string) => (await sendMessage(owner.ctx, { conversationId: group.id, clientId: `mention-${++n}-${group.id.slice(0, 8)}`, text })).message;
    const row = async () => (await listConversations(reader.ctx)).find((c) => c.id === group.id)!;

    for (const text of [`mail x@${username}`, `@${username}x is someone else`, "no mention"]) await say(text);
    expect((await row()).mentionSeq).toBe(0);
    const mention = await say(`(@${username.toUpperCase()}) can you come?`);
    await say("anyone else?");
    expect(await row()).toMatchObject({ mentionSeq: mention.seq, unreadCount: 5 });
    // Deleted for everyone, it mentions no one any more.
    const deleted = await say(`@${username} oops`);
    await deleteMessages(owner.ctx, { messageIds: [deleted.id], for: "everyone" });
    expect((await row()).mentionSeq).toBe(mention.seq);
    await markRead(reader.ctx, { conversationId: group.id, seq: deleted.seq });
    expect((await row()).mentionSeq).toBe(0);
  });

  it("follows an edit: one that adds a mention of me raises the badge, one that takes it out lowers it", async () => {
    const owner = await createTestUser(db, { name: "Edit Mention Owner" });
    const reader = await createTestUser(db, { name: "Edit Mention Reader" });
    const group = await createPrivateGroup(owner.ctx, { name: "Edit mention group", memberIds: [reader.id] });
    const { username } = await db.user.findUniqueOrThrow({ where: { id: reader.id }, select: { username: true } });
    const row = async () => (await listConversations(reader.ctx)).find((c) => c.id === group.id)!;
    const { message } = await sendMessage(owner.ctx, { conversationId: group.id, clientId: `edit-mention-${group.id}`, text: "who can come?" });
    expect((await row()).mentionSeq).toBe(0);

    await editMessage(owner.ctx, { messageId: message.id, text: `who can come? @${username}?` });
    expect((await row()).mentionSeq).toBe(message.seq);
    await editMessage(owner.ctx, { messageId: message.id, text: "who can come? anyone?" });
    expect((await row()).mentionSeq).toBe(0);
  });

  it("counts as unread what the chat's divider shows: others' messages after my read mark, not notices or what I deleted for me", async () => {
    const owner = await createTestUser(db, { name: "Badge Owner" });
    const reader = await createTestUser(db, { name: "Badge Reader" });
    const group = await createPrivateGroup(owner.ctx, { name: "Badge group", memberIds: [reader.id] });
    let n = 0;
    const say = async (user: TestUser, text: string) =>
      (await sendMessage(user.ctx, { conversationId: group.id, clientId: `badge-${++n}-${group.id.slice(0, 8)}`, text })).message;
    const badge = async (user: TestUser) => (await listConversations(user.ctx)).find((c) => c.id === group.id)?.unreadCount;

    await say(owner, "one");
    const two = await say(owner, "two");
    expect(await badge(reader)).toBe(2);
    // A notice ("Badge Owner changed the group name") moves the chat's last seq but is not a message to read.
    await updateGroup(owner.ctx, { conversationId: group.id, name: "Badge group renamed" });
    expect(await badge(reader)).toBe(2);
    await deleteMessages(reader.ctx, { messageIds: [two.id], for: "me" });
    expect(await badge(reader)).toBe(1);
    // Nothing of mine is ever unread to me, and my reply reads what came before it.
    expect(await badge(owner)).toBe(0);
    const three = await say(owner, "three");
    expect(await badge(reader)).toBe(2);
    await markRead(reader.ctx, { conversationId: group.id, seq: three.seq - 1 });
    expect(await badge(reader)).toBe(1);
    await say(reader, "read them all");
    expect(await badge(reader)).toBe(0);
  });
});
