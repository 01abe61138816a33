import { describe, expect, it } from "vitest";
import { clearChat } from "@/lib/conversations/clear-chat";
import { listConversations } from "@/lib/conversations/list-conversations";
import { openDirect } from "@/lib/conversations/open-direct";
import { editHistory } from "@/lib/messages/edit-message";
import { forwardMessages } from "@/lib/messages/forward-message";
import { listMedia } from "@/lib/messages/list-media";
import { listMessages } from "@/lib/messages/list-messages";
import { pinMessage } from "@/lib/messages/pin-message";
import { reactToMessage } from "@/lib/messages/react-to-message";
import { sendMessage } from "@/lib/messages/send-message";
import { listStarred, starMessages } from "@/lib/messages/star-message";
import { syncMessages } from "@/lib/messages/sync-messages";
import { searchMessages } from "@/lib/search/search-messages";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher } from "@/lib/test-support/fixtures";

const db = testDb();

const texts = (page: { messages: { text: string | null }[] }) => page.messages.map((m) => m.text);

describe("clearChat", () => {
  it("empties my view of the chat everywhere, leaves the other person's, and shows what comes after", async () => {
    const publish = recordingPublisher();
    const alice = await createTestUser(db, { name: "Clearing Alice", publish });
    const bob = await createTestUser(db, { name: "Keeping Bob" });
    const chat = await openDirect(alice.ctx, { userId: bob.id });
    const send = (user: typeof alice, clientId: string, text: string) =>
      sendMessage(user.ctx, { conversationId: chat.id, clientId: `${clientId}-${chat.id.slice(0, 8)}`, text });
    const mine = await send(alice, "clear-1", "pineapple plans at https://example.test/plan");
    const theirs = await send(bob, "clear-2", "pineapple reply");
    await starMessages(alice.ctx, { messageIds: [mine.message.id], starred: true });
    await starMessages(alice.ctx, { messageIds: [theirs.message.id], starred: true });
    await starMessages(bob.ctx, { messageIds: [mine.message.id], starred: true });
    const readSeqBefore = (await db.participant.findUniqueOrThrow({ where: { conversationId_userId: { conversationId: chat.id, userId: alice.id } } })).readSeq;

    const cleared = await clearChat(alice.ctx, { conversationId: chat.id });

    expect(cleared).toMatchObject({ clearedSeq: 2, conversation: { id: chat.id, lastMessage: null, unreadCount: 0 } });
    expect(publish.events).toContainEqual({ to: `user:${alice.id}`, event: "conversation:cleared", payload: { conversationId: chat.id, clearedSeq: 2 } });
    // Gone for me: history, sync, search (all chats and this one), the links tab, my stars.
    expect(texts(await listMessages(alice.ctx, { conversationId: chat.id }))).toEqual([]);
    const synced = await syncMessages(alice.ctx, { cursors: { [chat.id]: 0 } });
    expect(synced.missed[chat.id] ?? []).toEqual([]);
    expect(await searchMessages(alice.ctx, { q: "pineapple" })).toEqual([]);
    expect(await searchMessages(alice.ctx, { q: "pineapple", conversationId: chat.id })).toEqual([]);
    expect((await listMedia(alice.ctx, { conversationId: chat.id, kind: "links" })).messages).toEqual([]);
    expect((await listStarred(alice.ctx)).messageIds).toEqual([]);
    // Unread is gone without telling Bob it was read.
    const me = await db.participant.findUniqueOrThrow({ where: { conversationId_userId: { conversationId: chat.id, userId: alice.id } } });
    expect(me.readSeq).toBe(readSeqBefore);
    expect(me.clearedSeq).toBe(2n);
    // Bob sees no change.
    expect(texts(await listMessages(bob.ctx, { conversationId: chat.id }))).toEqual(["pineapple plans at https://example.test/plan", "pineapple reply"]);
    expect(await searchMessages(bob.ctx, { q: "pineapple", conversationId: chat.id })).toHaveLength(2);
    expect((await listStarred(bob.ctx)).messageIds).toEqual([mine.message.id]);

    // What comes after shows as usual, in the list row too.
    await send(bob, "clear-3", "pineapple again");
    const again = await listMessages(alice.ctx, { conversationId: chat.id });
    expect(texts(again)).toEqual(["pineapple again"]);
    expect((await searchMessages(alice.ctx, { q: "pineapple" })).map((h) => h.messageId)).toEqual([again.messages[0]!.id]);
    expect(texts({ messages: (await syncMessages(alice.ctx, { cursors: { [chat.id]: 0 } })).missed[chat.id] ?? [] })).toEqual(["pineapple again"]);
    const row = (await listConversations(alice.ctx)).find((c) => c.id === chat.id);
    expect(row).toMatchObject({ lastMessage: { text: "pineapple again" }, unreadCount: 1 });
  });

  it("leaves the cleared messages out of reach by their ids too, for me only", async () => {
    const [alice, bob] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const chat = await openDirect(alice.ctx, { userId: bob.id });
    const elsewhere = await openDirect(alice.ctx, { userId: (await createTestUser(db)).id });
    const old = (await sendMessage(bob.ctx, { conversationId: chat.id, clientId: `cleared-by-id-${chat.id.slice(0, 8)}`, text: "before the clear" })).message;

    await clearChat(alice.ctx, { conversationId: chat.id });

    const notFound = { code: "NOT_FOUND" };
    await expect(reactToMessage(alice.ctx, { messageId: old.id, emoji: "👍" })).rejects.toMatchObject(notFound);
    await expect(starMessages(alice.ctx, { messageIds: [old.id], starred: true })).rejects.toMatchObject(notFound);
    await expect(pinMessage(alice.ctx, { messageId: old.id })).rejects.toMatchObject(notFound);
    await expect(editHistory(alice.ctx, { messageId: old.id })).rejects.toMatchObject(notFound);
    await expect(forwardMessages(alice.ctx, { messageIds: [old.id], conversationIds: [elsewhere.id], clientId: `cleared-fwd-${chat.id.slice(0, 8)}` })).rejects.toMatchObject(notFound);
    await expect(sendMessage(alice.ctx, { conversationId: chat.id, clientId: `cleared-reply-${chat.id.slice(0, 8)}`, text: "re", replyToId: old.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Nothing reached the chat, and Bob, who cleared nothing, still can.
    expect((await listMessages(bob.ctx, { conversationId: chat.id })).messages.map((m) => [m.text, m.reactions.length])).toEqual([["before the clear", 0]]);
    await expect(reactToMessage(bob.ctx, { messageId: old.id, emoji: "👍" })).resolves.toMatchObject({ id: old.id });
  });

  it("is refused to someone not in the chat", async () => {
    const [a, b, outsider] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db)]);
    const chat = await openDirect(a.ctx, { userId: b.id });
    await expect(clearChat(outsider.ctx, { conversationId: chat.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(clearChat(a.ctx, { conversationId: "not-a-uuid" })).rejects.toThrow();
  });
});
