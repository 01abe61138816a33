import { describe, expect, it } from "vitest";
import { clearChat } from "@/lib/conversations/clear-chat";
import { deleteChat } from "@/lib/conversations/delete-chat";
import { listConversations } from "@/lib/conversations/list-conversations";
import { openDirect } from "@/lib/conversations/open-direct";
import { updateConversationSettings as updateSettings } from "@/lib/conversations/update-settings";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { listMessages } from "@/lib/messages/list-messages";
import { sendMessage } from "@/lib/messages/send-message";
import { syncMessages } from "@/lib/messages/sync-messages";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher } from "@/lib/test-support/fixtures";

const db = testDb();
let n = 0;
const cid = () => `delete-chat-${Date.now().toString(36)}-${n++}-abcd`;
const listed = async (user: { ctx: Parameters<typeof listConversations>[0] }) => (await listConversations(user.ctx)).map((c) => c.id);

describe("deleteChat", () => {
  it("takes the chat out of my list and its messages out of my view, on all my devices; the other person keeps it", async () => {
    const publish = recordingPublisher();
    const alice = await createTestUser(db, { name: "Deleting Alice", publish });
    const bob = await createTestUser(db, { name: "Keeping Bob" });
    const chat = await openDirect(alice.ctx, { userId: bob.id });
    await sendMessage(alice.ctx, { conversationId: chat.id, clientId: cid(), text: "old news" });
    await sendMessage(bob.ctx, { conversationId: chat.id, clientId: cid(), text: "older reply" });
    await updateSettings(alice.ctx, { conversationId: chat.id, isPinned: true, markedUnread: true });

    expect(await deleteChat(alice.ctx, { conversationId: chat.id })).toEqual({ conversationId: chat.id, clearedSeq: 2 });

    expect(publish.events).toContainEqual({ to: `user:${alice.id}`, event: "conversation:hidden", payload: { conversationId: chat.id } });
    expect(await listed(alice)).not.toContain(chat.id);
    expect((await syncMessages(alice.ctx, { cursors: {} })).conversations.map((c) => c.id)).not.toContain(chat.id);
    expect((await listMessages(alice.ctx, { conversationId: chat.id })).messages).toEqual([]);
    expect(await listed(bob)).toContain(chat.id);
    expect((await listMessages(bob.ctx, { conversationId: chat.id })).messages.map((m) => m.text)).toEqual(["old news", "older reply"]);
  });

  it("comes back with the next message, fresh: not pinned or marked unread, only what came after", async () => {
    const alice = await createTestUser(db, { name: "Returning Alice" });
    const bob = await createTestUser(db, { name: "Writing Bob" });
    const chat = await openDirect(alice.ctx, { userId: bob.id });
    await sendMessage(bob.ctx, { conversationId: chat.id, clientId: cid(), text: "first" });
    await updateSettings(alice.ctx, { conversationId: chat.id, isPinned: true, isArchived: true, markedUnread: true });
    await deleteChat(alice.ctx, { conversationId: chat.id });

    await sendMessage(bob.ctx, { conversationId: chat.id, clientId: cid(), text: "are you there?" });
    const row = (await listConversations(alice.ctx)).find((c) => c.id === chat.id);
    expect(row).toMatchObject({ lastMessage: { text: "are you there?" }, unreadCount: 1, isPinned: false, isArchived: false, markedUnread: false });
    expect((await listMessages(alice.ctx, { conversationId: chat.id })).messages.map((m) => m.text)).toEqual(["are you there?"]);

    // Cleared later, it stays listed as a cleared chat does.
    await clearChat(alice.ctx, { conversationId: chat.id });
    expect(await listed(alice)).toContain(chat.id);
  });

  it("comes back when I write in it again", async () => {
    const alice = await createTestUser(db, { name: "Rewriting Alice" });
    const bob = await createTestUser(db, { name: "Quiet Bob" });
    const chat = await openDirect(alice.ctx, { userId: bob.id });
    await sendMessage(alice.ctx, { conversationId: chat.id, clientId: cid(), text: "hello" });
    await deleteChat(alice.ctx, { conversationId: chat.id });
    // Opening it from "New chat" finds the same chat, still out of the list while empty.
    expect((await openDirect(alice.ctx, { userId: bob.id })).id).toBe(chat.id);
    expect(await listed(alice)).not.toContain(chat.id);
    await sendMessage(alice.ctx, { conversationId: chat.id, clientId: cid(), text: "hello again" });
    expect(await listed(alice)).toContain(chat.id);
  });

  it("tells a sync it is hidden, with when, until a message lists it again; a clear shows in the row", async () => {
    const alice = await createTestUser(db, { name: "Away Alice" });
    const bob = await createTestUser(db, { name: "Present Bob" });
    const chat = await openDirect(alice.ctx, { userId: bob.id });
    await sendMessage(bob.ctx, { conversationId: chat.id, clientId: cid(), text: "one" });
    await sendMessage(bob.ctx, { conversationId: chat.id, clientId: cid(), text: "two" });
    expect((await syncMessages(alice.ctx, { cursors: { [chat.id]: 0 } })).hidden).toEqual([]);

    await clearChat(alice.ctx, { conversationId: chat.id });
    const cleared = await syncMessages(alice.ctx, { cursors: { [chat.id]: 0 } });
    expect(cleared.conversations.find((c) => c.id === chat.id)).toMatchObject({ clearedSeq: 2, chatDeletedAt: null });
    expect(cleared.missed[chat.id]).toBeUndefined();

    await deleteChat(alice.ctx, { conversationId: chat.id });
    const { chatDeletedAt } = await db.participant.findUniqueOrThrow({ where: { conversationId_userId: { conversationId: chat.id, userId: alice.id } } });
    const away = await syncMessages(alice.ctx, { cursors: { [chat.id]: 2 } });
    expect(away.hidden).toEqual([{ conversationId: chat.id, chatDeletedAt: chatDeletedAt!.toISOString() }]);
    expect((await syncMessages(bob.ctx, { cursors: { [chat.id]: 0 } })).hidden).toEqual([]);

    await sendMessage(bob.ctx, { conversationId: chat.id, clientId: cid(), text: "three" });
    const back = await syncMessages(alice.ctx, { cursors: { [chat.id]: 2 } });
    expect(back.hidden).toEqual([]);
    expect(back.missed[chat.id]!.map((m) => m.text)).toEqual(["three"]);
    expect(back.conversations.find((c) => c.id === chat.id)).toMatchObject({ clearedSeq: 2, chatDeletedAt: chatDeletedAt!.toISOString() });
  });

  it("is refused in a group (exit it first) and to someone not in the chat", async () => {
    const [a, b, outsider] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db)]);
    const group = await createPrivateGroup(a.ctx, { name: "Not deletable", memberIds: [b.id] });
    await expect(deleteChat(a.ctx, { conversationId: group.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Exit the group before deleting it" });
    const chat = await openDirect(a.ctx, { userId: b.id });
    await expect(deleteChat(outsider.ctx, { conversationId: chat.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.participant.count({ where: { conversationId: { in: [group.id, chat.id] }, chatDeletedAt: { not: null } } })).toBe(0);
  });
});
