import { describe, expect, it } from "vitest";
import { listConversations } from "@/lib/conversations/list-conversations";
import { openDirect } from "@/lib/conversations/open-direct";
import { searchMessages } from "@/lib/search/search-messages";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher, type RecordingPublisher } from "@/lib/test-support/fixtures";
import { setBlocked } from "@/lib/users/block-user";
import { deleteMessages } from "./delete-message";
import { editMessage } from "./edit-message";
import { expireDueMessages } from "./expire-messages";
import { forwardMessages } from "./forward-message";
import { listMessages } from "./list-messages";
import { messageReceipts } from "./message-receipts";
import { markRead } from "./receipts";
import { sendMessage } from "./send-message";
import { syncMessages } from "./sync-messages";

// WhatsApp: a message to someone who blocked you stays at one grey tick; they never get it, and
// you are not told that you are blocked.

const db = testDb();
let n = 0;
const cid = () => `withheld-${Date.now().toString(36)}-${n++}-abcd`;

/** Ana blocks Ben after a first message of his: a direct chat, each with a recording publisher. */
async function anaBlocksBen() {
  const anaPublish = recordingPublisher();
  const benPublish = recordingPublisher();
  const ana = await createTestUser(db, { name: "Withheld Ana", publish: anaPublish });
  const ben = await createTestUser(db, { name: "Withheld Ben", publish: benPublish });
  const dm = await openDirect(ben.ctx, { userId: ana.id });
  const before = (await sendMessage(ben.ctx, { conversationId: dm.id, clientId: cid(), text: "before the block" })).message;
  await setBlocked(ana.ctx, { userId: ben.id, blocked: true });
  benPublish.events.length = 0;
  return { ana, ben, anaPublish, benPublish, dm, before };
}

const newMessageEvents = (publish: RecordingPublisher) => publish.events.filter((e) => e.event === "message:new").map((e) => e.to);
const texts = (messages: { text: string | null }[]) => messages.map((m) => m.text);

describe("a message to someone who blocks me", () => {
  it("is acknowledged and kept for me, marked withheld, and reaches only my own devices", async () => {
    const { ben, benPublish, dm } = await anaBlocksBen();
    const sent = await sendMessage(ben.ctx, { conversationId: dm.id, clientId: cid(), text: "can you hear me?" });
    expect(sent).toMatchObject({ duplicate: false, message: { text: "can you hear me?", withheld: true } });
    expect(newMessageEvents(benPublish)).toEqual([`user:${ben.id}`]);

    const mine = await listMessages(ben.ctx, { conversationId: dm.id });
    expect(mine.messages.map((m) => [m.text, m.withheld])).toEqual([
      ["before the block", false],
      ["can you hear me?", true],
    ]);
    const myRow = (await listConversations(ben.ctx)).find((c) => c.id === dm.id)!;
    expect(myRow.lastMessage).toMatchObject({ text: "can you hear me?", withheld: true });
    expect(myRow.lastMessageAt).toBe(sent.message.createdAt);

    // A retry answers with the same message, again to me alone.
    const retry = await sendMessage(ben.ctx, { conversationId: dm.id, clientId: sent.message.clientId, text: "can you hear me?" });
    expect(retry).toMatchObject({ duplicate: true, message: { id: sent.message.id, withheld: true } });
    expect(newMessageEvents(benPublish)).toEqual([`user:${ben.id}`, `user:${ben.id}`]);
  });

  it("going, deleted for everyone or disappeared, is told to my own devices only", async () => {
    const { ben, benPublish, dm, before } = await anaBlocksBen();
    const deleted = (await sendMessage(ben.ctx, { conversationId: dm.id, clientId: cid(), text: "never mind" })).message;
    await deleteMessages(ben.ctx, { messageIds: [deleted.id], for: "everyone" });
    expect(benPublish.events.filter((e) => e.event === "message:deleted").map((e) => e.to)).toEqual([`user:${ben.id}`]);

    const timed = (await sendMessage(ben.ctx, { conversationId: dm.id, clientId: cid(), text: "gone soon" })).message;
    await db.message.updateMany({ where: { id: { in: [timed.id, before.id] } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const sweep = recordingPublisher();
    await expireDueMessages(db, sweep);
    const expired = sweep.events.filter((e) => e.event === "messages:expired" && (e.payload as { conversationId: string }).conversationId === dm.id);
    // The message Ana had goes for both; the one she never had, for Ben alone.
    expect(expired.map((e) => [e.to, (e.payload as { messageIds: string[] }).messageIds])).toEqual([
      [`conv:${dm.id}`, [before.id]],
      [`user:${ben.id}`, [timed.id]],
    ]);
  });

  it("never shows for the blocker: not in the history, a sync, search, the list's preview, order or unread count", async () => {
    const { ana, ben, dm, before } = await anaBlocksBen();
    const otherChat = await openDirect(ana.ctx, { userId: (await createTestUser(db, { name: "Withheld Other" })).id });
    await sendMessage(ana.ctx, { conversationId: otherChat.id, clientId: cid(), text: "a later chat" });
    const listBefore = await listConversations(ana.ctx);

    await sendMessage(ben.ctx, { conversationId: dm.id, clientId: cid(), text: "zanzibar calling" });

    expect(texts((await listMessages(ana.ctx, { conversationId: dm.id })).messages)).toEqual(["before the block"]);
    const sync = await syncMessages(ana.ctx, { cursors: { [dm.id]: before.seq } });
    expect(sync.missed[dm.id] ?? []).toEqual([]);
    expect(await searchMessages(ana.ctx, { q: "zanzibar" })).toEqual([]);
    expect((await searchMessages(ben.ctx, { q: "zanzibar" })).map((h) => h.conversationId)).toEqual([dm.id]);

    const listAfter = await listConversations(ana.ctx);
    expect(listAfter.map((c) => c.id)).toEqual(listBefore.map((c) => c.id));
    const row = listAfter.find((c) => c.id === dm.id)!;
    const rowBefore = listBefore.find((c) => c.id === dm.id)!;
    expect(row).toMatchObject({ lastMessage: { text: "before the block" }, lastMessageAt: rowBefore.lastMessageAt, unreadCount: 1 });
  });

  it("stays at one tick after the blocker reads the chat and unblocks, also when edited; later messages go through", async () => {
    const { ana, ben, anaPublish, benPublish, dm } = await anaBlocksBen();
    const withheld = (await sendMessage(ben.ctx, { conversationId: dm.id, clientId: cid(), text: "are you there?" })).message;
    // Ana's browser marks the chat read up to its newest seq, which is past Ben's withheld message.
    await markRead(ana.ctx, { conversationId: dm.id, seq: withheld.seq });
    expect(await messageReceipts(ben.ctx, { messageId: withheld.id })).toEqual({ readBy: [], deliveredTo: [] });

    // Ana can't write to Ben while she blocks him.
    await expect(sendMessage(ana.ctx, { conversationId: dm.id, clientId: cid(), text: "no" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You blocked this contact. Unblock them to send a message.",
    });

    await setBlocked(ana.ctx, { userId: ben.id, blocked: false });
    // Nor does it reach Ana as the quote of a reply.
    await expect(sendMessage(ben.ctx, { conversationId: dm.id, clientId: cid(), text: "did you see this?", replyToId: withheld.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That message was not delivered, so it can't be quoted",
    });
    // Changing it later tells only Ben's devices too.
    await editMessage(ben.ctx, { messageId: withheld.id, text: "are you still there?" });
    expect(benPublish.events.filter((e) => e.event === "message:updated").map((e) => e.to)).toEqual([`user:${ben.id}`]);
    const back = (await sendMessage(ben.ctx, { conversationId: dm.id, clientId: cid(), text: "back again" })).message;
    expect(back.withheld).toBe(false);
    expect(benPublish.events.filter((e) => e.event === "message:new").at(-1)?.to).toBe(`conv:${dm.id}`);
    expect(texts((await listMessages(ana.ctx, { conversationId: dm.id })).messages)).toEqual(["before the block", "back again"]);
    await expect(sendMessage(ana.ctx, { conversationId: dm.id, clientId: cid(), text: "welcome back" })).resolves.toBeTruthy();
    expect(newMessageEvents(anaPublish)).toEqual([`conv:${dm.id}`]);
    expect((await listMessages(ben.ctx, { conversationId: dm.id })).messages.find((m) => m.id === withheld.id)?.withheld).toBe(true);
  });

  it("starts no chat in the blocker's list when it is the first message", async () => {
    const ana = await createTestUser(db, { name: "Withheld First Ana" });
    const ben = await createTestUser(db, { name: "Withheld First Ben" });
    await setBlocked(ana.ctx, { userId: ben.id, blocked: true });
    const dm = await openDirect(ben.ctx, { userId: ana.id });
    await sendMessage(ben.ctx, { conversationId: dm.id, clientId: cid(), text: "hi, it's Ben" });
    expect((await listConversations(ana.ctx)).map((c) => c.id)).not.toContain(dm.id);
    expect((await listConversations(ben.ctx)).map((c) => c.id)).toContain(dm.id);
  });

  it("is withheld when forwarded too, while the forward's other copies are delivered", async () => {
    const { ana, ben, benPublish, dm, before } = await anaBlocksBen();
    const friend = await createTestUser(db, { name: "Withheld Friend" });
    const friendChat = await openDirect(ben.ctx, { userId: friend.id });
    const copies = await forwardMessages(ben.ctx, { messageIds: [before.id], conversationIds: [dm.id, friendChat.id], clientId: cid() });
    expect(copies.map((m) => [m.conversationId, m.withheld])).toEqual([
      [dm.id, true],
      [friendChat.id, false],
    ]);
    expect(newMessageEvents(benPublish)).toEqual([`user:${ben.id}`, `conv:${friendChat.id}`]);
    expect(texts((await listMessages(ana.ctx, { conversationId: dm.id })).messages)).toEqual(["before the block"]);
  });
});
