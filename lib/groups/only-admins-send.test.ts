import { describe, expect, it } from "vitest";
import { listConversations } from "@/lib/conversations/list-conversations";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { joinGroup } from "@/lib/groups/join-group";
import { setMemberRole } from "@/lib/groups/manage-members";
import { updateGroup } from "@/lib/groups/update-group";
import { listMessages } from "@/lib/messages/list-messages";
import { reactToMessage } from "@/lib/messages/react-to-message";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher, type TestUser } from "@/lib/test-support/fixtures";

const db = testDb();
let n = 0;
const say = (user: TestUser, conversationId: string, text: string) =>
  sendMessage(user.ctx, { conversationId, clientId: `announce-${++n}-${conversationId.slice(0, 8)}`, text });

describe("only admins send (announcement groups)", () => {
  it("a private group's owner turns it on: members read and react, admins write, and it is announced", async () => {
    const publish = recordingPublisher();
    const owner = await createTestUser(db, { name: "Announcing Owner", publish });
    const member = await createTestUser(db, { name: "Reading Member" });
    const group = await createPrivateGroup(owner.ctx, { name: "News", memberIds: [member.id] });

    await expect(updateGroup(member.ctx, { conversationId: group.id, onlyAdminsSend: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const patch = await updateGroup(owner.ctx, { conversationId: group.id, onlyAdminsSend: true });
    expect(patch).toMatchObject({ conversationId: group.id, onlyAdminsSend: true });
    expect(publish.events).toContainEqual({ to: `conv:${group.id}`, event: "conversation:patched", payload: patch });
    expect((await listConversations(member.ctx)).find((c) => c.id === group.id)).toMatchObject({ onlyAdminsSend: true });
    const latest = (await listMessages(member.ctx, { conversationId: group.id })).messages.at(-1);
    expect(latest?.system).toEqual({ kind: "sendPolicy", actorName: "Announcing Owner", onlyAdmins: true });

    await expect(say(member, group.id, "can I?")).rejects.toMatchObject({ code: "FORBIDDEN", reason: "ONLY_ADMINS_SEND" });
    expect(await db.message.count({ where: { conversationId: group.id, senderId: member.id } })).toBe(0);
    const { message: news } = await say(owner, group.id, "Big news");
    await expect(reactToMessage(member.ctx, { messageId: news.id, emoji: "🎉" })).resolves.toMatchObject({ reactions: [{ emoji: "🎉" }] });

    await setMemberRole(owner.ctx, { conversationId: group.id, userId: member.id, role: "ADMIN" });
    await expect(say(member, group.id, "now I can")).resolves.toBeTruthy();
    await setMemberRole(owner.ctx, { conversationId: group.id, userId: member.id, role: "MEMBER" });
    await updateGroup(owner.ctx, { conversationId: group.id, onlyAdminsSend: false });
    await expect(say(member, group.id, "everyone again")).resolves.toBeTruthy();
  });

  it("in a public group only site admins send once it is on", async () => {
    const site = await createTestUser(db, { name: "Site Announcer", role: "ADMIN" });
    const user = await createTestUser(db);
    const lounge = await db.conversation.create({ data: { type: "GROUP", name: "Announcements", visibility: "PUBLIC" } });
    await joinGroup(user.ctx, { conversationId: lounge.id });
    await joinGroup(site.ctx, { conversationId: lounge.id });
    await expect(updateGroup(user.ctx, { conversationId: lounge.id, onlyAdminsSend: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateGroup(site.ctx, { conversationId: lounge.id, onlyAdminsSend: true });
    await expect(say(user, lounge.id, "hello?")).rejects.toMatchObject({ code: "FORBIDDEN", reason: "ONLY_ADMINS_SEND" });
    await expect(say(site, lounge.id, "Welcome, read the rules")).resolves.toBeTruthy();
    const audit = await db.auditLog.findFirst({ where: { targetId: lounge.id, action: "group.update" }, orderBy: { createdAt: "desc" } });
    expect(audit?.after).toMatchObject({ onlyAdminsSend: true });
  });
});
