// Someone Ana blocks (Bo) sees her name but neither her profile photo nor her about, wherever
// she shows; someone she doesn't block (Cy) sees both.
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { getConversation } from "@/lib/conversations/get-conversation";
import { listConversations } from "@/lib/conversations/list-conversations";
import { openDirect } from "@/lib/conversations/open-direct";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { listBans } from "@/lib/groups/list-bans";
import { addMembers, removeMember, setMemberRole } from "@/lib/groups/manage-members";
import { messageReceipts } from "@/lib/messages/message-receipts";
import { markRead } from "@/lib/messages/receipts";
import { sendMessage } from "@/lib/messages/send-message";
import type { UserSummary } from "@/lib/realtime/contract";
import { ioPublisher } from "@/lib/realtime/publisher";
import { attachmentUrl } from "@/lib/storage/attachment-dto";
import { fetchAttachment, uploadOk, withTempDataDir } from "@/lib/storage/test-support/upload-requests";
import { testDb } from "@/lib/test-support/database";
import { liveRealtime } from "@/lib/test-support/live-realtime";
import { connectSynced, createTestUser, nextEvent, recordingPublisher, type TestSocket, type TestUser } from "@/lib/test-support/fixtures";
import { listBlocked, setBlocked } from "./block-user";
import { getUserProfile, updateProfile } from "./profile";
import { searchUsers } from "./search-users";

const db = testDb();
const { server, sockets } = liveRealtime(db);
withTempDataDir("convo-profile-privacy-", 1024 * 1024);

/** Ana, with a photo and an about, who blocked Bo; Cy, whom she didn't. */
async function people() {
  const t = randomUUID().slice(0, 6);
  const [ana, bo, cy] = await Promise.all(["Ana", "Bo", "Cy"].map((n) => createTestUser(db, { name: `${n} ${t}` })));
  const avatarUrl = attachmentUrl(randomUUID());
  await db.user.update({ where: { id: ana!.id }, data: { avatarUrl, bio: "Ana's about" } });
  await setBlocked(ana!.ctx, { userId: bo!.id, blocked: true });
  return { ana: ana!, bo: bo!, cy: cy!, avatarUrl };
}

/** Ana's picture in a list of people, as one viewer got it. */
const photoIn = (list: UserSummary[], userId: string) => list.find((u) => u.id === userId)?.avatarUrl;
/** The user whose changes reach the live server's sockets. */
const live = (user: TestUser) => ({ ...user, ctx: { ...user.ctx, publish: ioPublisher(server.io) } });

describe("someone I block doesn't see my photo or about", () => {
  it("in their chat list", async () => {
    const { ana, bo, cy, avatarUrl } = await people();
    await openDirect(bo.ctx, { userId: ana.id });
    await openDirect(cy.ctx, { userId: ana.id });
    const peerSeenBy = async (viewer: TestUser) => (await listConversations(viewer.ctx)).find((c) => c.peer?.id === ana.id)?.peer;

    expect(await peerSeenBy(bo)).toMatchObject({ name: ana.name, initials: ana.initials, avatarUrl: null });
    expect((await peerSeenBy(cy))?.avatarUrl).toBe(avatarUrl);
  });

  it("in a group's members", async () => {
    const { ana, bo, cy, avatarUrl } = await people();
    const group = await createPrivateGroup(ana.ctx, { name: "Members", memberIds: [bo.id, cy.id] });
    const members = async (viewer: TestUser) => (await getConversation(viewer.ctx, { conversationId: group.id })).members;

    expect((await members(bo)).find((m) => m.id === ana.id)).toMatchObject({ name: ana.name, avatarUrl: null });
    expect(photoIn(await members(cy), ana.id)).toBe(avatarUrl);
  });

  it("when I join a group they are in (member:joined)", async () => {
    const { ana, bo, cy, avatarUrl } = await people();
    const group = await createPrivateGroup(cy.ctx, { name: "Joined", memberIds: [bo.id] });
    const [boTab, cyTab] = await Promise.all([connectSynced(server.url, bo.cookie, sockets), connectSynced(server.url, cy.cookie, sockets)]);
    const joined = (tab: TestSocket) => nextEvent(tab, "member:joined", (e) => e.member.id === ana.id);
    const [seenByBo, seenByCy] = [joined(boTab), joined(cyTab)];

    await addMembers(live(cy).ctx, { conversationId: group.id, userIds: [ana.id] });

    expect((await seenByBo).member).toMatchObject({ name: ana.name, avatarUrl: null });
    expect((await seenByCy).member.avatarUrl).toBe(avatarUrl);
  });

  it("in people search", async () => {
    const { ana, bo, cy, avatarUrl } = await people();
    expect(photoIn(await searchUsers(bo.ctx, { q: ana.username }), ana.id)).toBeNull();
    expect(photoIn(await searchUsers(cy.ctx, { q: ana.username }), ana.id)).toBe(avatarUrl);
  });

  it("in my profile panel: no photo and no about, my name still", async () => {
    const { ana, bo, cy, avatarUrl } = await people();
    expect(await getUserProfile(bo.ctx, { userId: ana.id })).toMatchObject({ name: ana.name, avatarUrl: null, bio: "" });
    expect(await getUserProfile(cy.ctx, { userId: ana.id })).toMatchObject({ avatarUrl, bio: "Ana's about" });
  });

  it("in the message info of what they sent to a group I read", async () => {
    const { ana, bo, cy, avatarUrl } = await people();
    const group = await createPrivateGroup(bo.ctx, { name: "Receipts", memberIds: [ana.id, cy.id] });
    const sent = async (sender: TestUser) => (await sendMessage(sender.ctx, { conversationId: group.id, clientId: randomUUID(), text: "read me" })).message;
    const [byBo, byCy] = [await sent(bo), await sent(cy)];
    await markRead(ana.ctx, { conversationId: group.id, seq: byCy.seq });

    expect(photoIn((await messageReceipts(bo.ctx, { messageId: byBo.id })).readBy, ana.id)).toBeNull();
    expect(photoIn((await messageReceipts(cy.ctx, { messageId: byCy.id })).readBy, ana.id)).toBe(avatarUrl);
  });

  it("in a group's banned list they manage", async () => {
    const { ana, bo, cy, avatarUrl } = await people();
    const group = await createPrivateGroup(bo.ctx, { name: "Bans", memberIds: [ana.id, cy.id] });
    await setMemberRole(bo.ctx, { conversationId: group.id, userId: cy.id, role: "ADMIN" });
    await removeMember(bo.ctx, { conversationId: group.id, userId: ana.id, ban: true });

    expect(photoIn(await listBans(bo.ctx, { conversationId: group.id }), ana.id)).toBeNull();
    expect(photoIn(await listBans(cy.ctx, { conversationId: group.id }), ana.id)).toBe(avatarUrl);
  });

  it("in their blocked list, when they block me too", async () => {
    const { ana, bo, cy, avatarUrl } = await people();
    const blockEvents = recordingPublisher();
    await setBlocked({ ...bo.ctx, publish: blockEvents }, { userId: ana.id, blocked: true });
    await setBlocked(cy.ctx, { userId: ana.id, blocked: true });

    expect(photoIn(await listBlocked(bo.ctx), ana.id)).toBeNull();
    expect(blockEvents.events.find((e) => e.event === "block:changed")?.payload).toMatchObject({ user: { id: ana.id, avatarUrl: null } });
    expect(photoIn(await listBlocked(cy.ctx), ana.id)).toBe(avatarUrl);
  });

  it("when I change my name or photo (user:updated): they get the name alone", async () => {
    const { ana, bo, cy, avatarUrl } = await people();
    const [boTab, cyTab] = await Promise.all([connectSynced(server.url, bo.cookie, sockets), connectSynced(server.url, cy.cookie, sockets)]);
    const updated = (tab: TestSocket) => nextEvent(tab, "user:updated", (u) => u.id === ana.id);
    const [seenByBo, seenByCy] = [updated(boTab), updated(cyTab)];

    await updateProfile(live(ana).ctx, { name: "Ana Renamed" });

    expect(await seenByBo).toMatchObject({ name: "Ana Renamed", avatarUrl: null });
    expect(await seenByCy).toMatchObject({ name: "Ana Renamed", avatarUrl });
  });

  it("from the moment I block them, on their open tabs, and again once I unblock them", async () => {
    const { ana, cy, avatarUrl } = await people();
    const publish = recordingPublisher();
    const toCy = () => publish.events.filter((e) => e.event === "user:updated" && e.to === `user:${cy.id}`).map((e) => (e.payload as UserSummary).avatarUrl);

    await setBlocked({ ...ana.ctx, publish }, { userId: cy.id, blocked: true });
    expect(toCy()).toEqual([null]);
    await setBlocked({ ...ana.ctx, publish }, { userId: cy.id, blocked: false });
    expect(toCy()).toEqual([null, avatarUrl]);
  });

  it("even by fetching my photo's file, whose address they may have kept", async () => {
    const { ana, bo, cy } = await people();
    const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#4a4" } }).png().toBuffer();
    const picture = await uploadOk(ana, { bytes: png, name: "me.png", type: "image/png" }, "?purpose=avatar");
    await updateProfile(ana.ctx, { avatarAttachmentId: picture.id });

    expect((await fetchAttachment(bo, picture.id)).status).toBe(404);
    const seenByCy = await fetchAttachment(cy, picture.id);
    await seenByCy.body?.cancel();
    expect(seenByCy.status).toBe(200);
  });
});
