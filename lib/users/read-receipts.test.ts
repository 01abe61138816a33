import { describe, expect, it } from "vitest";
import { getConversation } from "@/lib/conversations/get-conversation";
import { listConversations } from "@/lib/conversations/list-conversations";
import { openDirect } from "@/lib/conversations/open-direct";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { messageReceipts } from "@/lib/messages/message-receipts";
import { markDelivered, markRead } from "@/lib/messages/receipts";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher, type TestUser } from "@/lib/test-support/fixtures";
import { getMyProfile, updateProfile } from "./profile";

const db = testDb();
let n = 0;
const say = async (user: TestUser, conversationId: string, text: string) =>
  (await sendMessage(user.ctx, { conversationId, clientId: `rr-${++n}-${conversationId.slice(0, 8)}`, text })).message;
const summaryOf = async (user: TestUser, conversationId: string) => (await listConversations(user.ctx)).find((c) => c.id === conversationId)!;
const setReadReceipts = (user: TestUser, on: boolean) => updateProfile(user.ctx, { settings: { readReceipts: on } });

describe("read receipts setting", () => {
  it("is on by default; a direct chat shows how far the other person read", async () => {
    const ana = await createTestUser(db, { name: "Receipts Ana" });
    const ben = await createTestUser(db, { name: "Receipts Ben" });
    expect((await getMyProfile(ana.ctx)).settings.readReceipts).toBe(true);
    const chat = await openDirect(ana.ctx, { userId: ben.id });
    const hi = await say(ana, chat.id, "hi");
    await markRead(ben.ctx, { conversationId: chat.id, seq: hi.seq });
    expect(await summaryOf(ana, chat.id)).toMatchObject({ readReceipts: true, minReadSeq: hi.seq });
    expect((await messageReceipts(ana.ctx, { messageId: hi.id })).readBy.map((u) => u.id)).toEqual([ben.id]);
  });

  it("turned off: reading what was delivered earlier tells the other person nothing, not even when I read it", async () => {
    const benPublish = recordingPublisher();
    const ana = await createTestUser(db, { name: "Timing Ana" });
    const ben = await createTestUser(db, { name: "Timing Ben", publish: benPublish });
    const chat = await openDirect(ana.ctx, { userId: ben.id });
    await setReadReceipts(ben, false);
    const hi = await say(ana, chat.id, "hi");
    await markDelivered(ben.ctx, { conversationId: chat.id, seq: hi.seq });
    expect(benPublish.events.filter((e) => e.to === `conv:${chat.id}` && e.event === "receipt:update")).toHaveLength(1);
    benPublish.events.length = 0;

    // Hours later Ben opens the chat: his delivery doesn't move, so the chat hears nothing.
    await markRead(ben.ctx, { conversationId: chat.id, seq: hi.seq });
    expect(benPublish.events.map((e) => [e.to, e.event])).toEqual([[`user:${ben.id}`, "receipt:update"]]);
  });

  it("turned off by one person: neither learns how far the other read in direct chats; their own unread count still works", async () => {
    const publish = recordingPublisher();
    const ana = await createTestUser(db, { name: "Private Ana" });
    const ben = await createTestUser(db, { name: "Private Ben", publish });
    const chat = await openDirect(ana.ctx, { userId: ben.id });
    const group = await createPrivateGroup(ana.ctx, { name: "Receipts group", memberIds: [ben.id] });
    await say(ana, chat.id, "before");

    await setReadReceipts(ben, false);
    // Both people of the direct chat hear it; the group is not told (groups always share them).
    expect(publish.events).toContainEqual({ to: `conv:${chat.id}`, event: "conversation:patched", payload: { conversationId: chat.id, readReceipts: false } });
    expect(publish.events.some((e) => e.to === `conv:${group.id}`)).toBe(false);

    const again = await say(ana, chat.id, "again");
    publish.events.length = 0;
    const event = await markRead(ben.ctx, { conversationId: chat.id, seq: again.seq });
    // Ana's browser hears of the delivery only; Ben's other tabs get his read mark.
    expect(publish.events).toContainEqual({
      to: `conv:${chat.id}`,
      event: "receipt:update",
      payload: expect.objectContaining({ userId: ben.id, deliveredSeq: again.seq, readSeq: 0, minReadSeq: 0 }),
    });
    expect(publish.events).toContainEqual({ to: `user:${ben.id}`, event: "receipt:update", payload: expect.objectContaining({ readSeq: again.seq, minReadSeq: 0 }) });
    expect(event).toMatchObject({ readSeq: again.seq, minReadSeq: 0 });

    expect(await summaryOf(ana, chat.id)).toMatchObject({ readReceipts: false, minReadSeq: 0, minDeliveredSeq: again.seq });
    expect(await messageReceipts(ana.ctx, { messageId: again.id })).toMatchObject({ readBy: [], deliveredTo: [expect.objectContaining({ id: ben.id })] });
    const members = (await getConversation(ana.ctx, { conversationId: chat.id })).members;
    expect(members.find((m) => m.id === ben.id)).toMatchObject({ readSeq: 0, deliveredSeq: again.seq });
    expect(members.find((m) => m.id === ana.id)?.readSeq).toBe(again.seq);
    // Ben reads on as before, and doesn't see Ana's reads either.
    expect(await summaryOf(ben, chat.id)).toMatchObject({ unreadCount: 0, readSeq: again.seq, readReceipts: false });
    const reply = await say(ben, chat.id, "reply");
    await markRead(ana.ctx, { conversationId: chat.id, seq: reply.seq });
    expect(await summaryOf(ben, chat.id)).toMatchObject({ minReadSeq: 0, minDeliveredSeq: reply.seq });

    // In a group, reads are shared whatever the setting.
    const inGroup = await say(ana, group.id, "group message");
    await markRead(ben.ctx, { conversationId: group.id, seq: inGroup.seq });
    expect(await summaryOf(ana, group.id)).toMatchObject({ readReceipts: true, minReadSeq: inGroup.seq });
    expect((await messageReceipts(ana.ctx, { messageId: inGroup.id })).readBy.map((u) => u.id)).toEqual([ben.id]);

    // Back on: the chat shares reads again, including what was read meanwhile.
    publish.events.length = 0;
    await setReadReceipts(ben, true);
    expect(publish.events).toContainEqual({ to: `conv:${chat.id}`, event: "conversation:patched", payload: { conversationId: chat.id, readReceipts: true } });
    expect(await summaryOf(ana, chat.id)).toMatchObject({ readReceipts: true, minReadSeq: reply.seq });
    // Saving the same value again announces nothing.
    publish.events.length = 0;
    await setReadReceipts(ben, true);
    expect(publish.events.filter((e) => e.event === "conversation:patched")).toEqual([]);
  });
});
