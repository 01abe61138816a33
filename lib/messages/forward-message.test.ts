import { describe, expect, it } from "vitest";
import { createPublicGroup, setGroupArchived } from "@/lib/admin/manage-groups";
import { openDirect } from "@/lib/conversations/open-direct";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { joinGroup } from "@/lib/groups/join-group";
import { setMemberRole } from "@/lib/groups/manage-members";
import { updateGroup } from "@/lib/groups/update-group";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher } from "@/lib/test-support/fixtures";
import { setBlocked } from "@/lib/users/block-user";
import { forwardMessages } from "./forward-message";
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
