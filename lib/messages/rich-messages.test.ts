import { describe, expect, it } from "vitest";
import { openDirect } from "@/lib/conversations/open-direct";
import { updateConversationSettings } from "@/lib/conversations/update-settings";
import { listConversations } from "@/lib/conversations/list-conversations";
import { RECENT_WINDOW } from "@/lib/search/newest-matches";
import { searchMessages, HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/search/search-messages";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher } from "@/lib/test-support/fixtures";
import { setBlocked } from "@/lib/users/block-user";
import { deleteMessages } from "./delete-message";
import { editHistory, editMessage } from "./edit-message";
import { forwardMessages } from "./forward-message";
import { listMessages } from "./list-messages";
import { reactToMessage } from "./react-to-message";
import { sendMessage } from "./send-message";
import { votePoll } from "./vote-poll";
import { listStarred, starMessages } from "./star-message";

const db = testDb();
let n = 0;
const cid = () => `rich-${Date.now().toString(36)}-${n++}-abcd`;

async function pair() {
  const a = await createTestUser(db, { name: "Rich Ana" });
  const b = await createTestUser(db, { name: "Rich Ben" });
  const dm = await openDirect(a.ctx, { userId: b.id });
  return { a, b, dm };
}

describe("replies, edits and reactions", () => {
  it("quotes the original in a reply and refuses a reply to another chat's message", async () => {
    const { a, b, dm } = await pair();
    const { message: original } = await sendMessage(a.ctx, { conversationId: dm.id, clientId: cid(), text: "lunch at 1?" });
    const { message: reply } = await sendMessage(b.ctx, { conversationId: dm.id, clientId: cid(), text: "yes!", replyToId: original.id });
    expect(reply.replyTo).toMatchObject({ id: original.id, text: "lunch at 1?", senderName: "Rich Ana", deleted: false });

    const other = await pair();
    const { message: elsewhere } = await sendMessage(other.a.ctx, { conversationId: other.dm.id, clientId: cid(), text: "private" });
    await expect(sendMessage(b.ctx, { conversationId: dm.id, clientId: cid(), text: "x", replyToId: elsewhere.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lets only the sender edit, keeps the history visible to members, and publishes the update", async () => {
    const { a, b, dm } = await pair();
    const { message } = await sendMessage(a.ctx, { conversationId: dm.id, clientId: cid(), text: "teh plan" });
    await expect(editMessage(b.ctx, { messageId: message.id, text: "hijack" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const edited = await editMessage(a.ctx, { messageId: message.id, text: "the plan" });
    expect(edited.text).toBe("the plan");
    expect(edited.editedAt).not.toBeNull();
    await editMessage(a.ctx, { messageId: message.id, text: "the final plan" });
    const history = await editHistory(b.ctx, { messageId: message.id });
    expect(history.versions.map((v) => v.text)).toEqual(["teh plan", "the plan", "the final plan"]);
    const outsider = await createTestUser(db);
    await expect(editHistory(outsider.ctx, { messageId: message.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await deleteMessages(a.ctx, { messageIds: [message.id], for: "everyone" });
    await expect(editMessage(a.ctx, { messageId: message.id, text: "back" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("toggles one reaction per user per emoji and counts who reacted", async () => {
    const { a, b, dm } = await pair();
    const { message } = await sendMessage(a.ctx, { conversationId: dm.id, clientId: cid(), text: "🎉 shipped" });
    await reactToMessage(a.ctx, { messageId: message.id, emoji: "👍" });
    const both = await reactToMessage(b.ctx, { messageId: message.id, emoji: "👍" });
    expect(both.reactions).toEqual([{ emoji: "👍", userIds: [a.id, b.id] }]);
    const undone = await reactToMessage(b.ctx, { messageId: message.id, emoji: "👍" });
    expect(undone.reactions).toEqual([{ emoji: "👍", userIds: [a.id] }]);
    await expect(reactToMessage(b.ctx, { messageId: message.id, emoji: "not-an-emoji" })).rejects.toThrow();
  });

  it("raises a message's version with every change it publishes, so a copy read before one is known as older", async () => {
    const publish = recordingPublisher();
    const a = await createTestUser(db, { name: "Version Ana", publish });
    const b = await createTestUser(db, { name: "Version Ben", publish });
    const dm = await openDirect(a.ctx, { userId: b.id });
    const { message } = await sendMessage(a.ctx, { conversationId: dm.id, clientId: cid(), text: "v0" });
    const { message: poll } = await sendMessage(a.ctx, { conversationId: dm.id, clientId: cid(), text: "Tea?", poll: { options: ["Yes", "No"], multiple: false } });
    const before = await listMessages(b.ctx, { conversationId: dm.id });
    expect(before.messages.map((m) => m.version)).toEqual([0, 0]);

    const reacted = await reactToMessage(b.ctx, { messageId: message.id, emoji: "👍" });
    const edited = await editMessage(a.ctx, { messageId: message.id, text: "v2" });
    const voted = await votePoll(b.ctx, { messageId: poll.id, options: [0] });
    expect([reacted.version, edited.version, voted.version]).toEqual([1, 2, 1]);
    // What the chat was told carries the same versions as the answers.
    const updates = publish.events.filter((e) => e.event === "message:updated").map((e) => e.payload as { id: string; version: number });
    expect(updates.map((u) => [u.id, u.version])).toEqual([[message.id, 1], [message.id, 2], [poll.id, 1]]);
    // A page read now has both changes at those versions; the one read before has neither.
    const after = await listMessages(b.ctx, { conversationId: dm.id });
    expect(after.messages.map((m) => [m.text, m.reactions.length, m.version])).toEqual([["v2", 1, 2], ["Tea?", 0, 1]]);

    // An edit the other person never sees (they block me) is still newer for me.
    await setBlocked(b.ctx, { userId: a.id, blocked: true });
    const hidden = await editMessage(a.ctx, { messageId: message.id, text: "v3, mine alone" });
    expect([hidden.text, hidden.version]).toEqual(["v3, mine alone", 3]);
  });
});

describe("forwarding, stars and blocking", () => {
  it("forwards to up to five of my chats, marked Forwarded, and never into a chat I'm not in", async () => {
    const { a, b, dm } = await pair();
    const c = await createTestUser(db, { name: "Rich Cat" });
    const dm2 = await openDirect(a.ctx, { userId: c.id });
    const { message } = await sendMessage(b.ctx, { conversationId: dm.id, clientId: cid(), text: "pass it on" });
    const clientId = cid();
    const copies = await forwardMessages(a.ctx, { messageIds: [message.id], conversationIds: [dm2.id, dm.id], clientId });
    expect(copies.map((m) => [m.conversationId, m.text, m.forwarded])).toEqual([
      [dm2.id, "pass it on", true],
      [dm.id, "pass it on", true],
    ]);
    const again = await forwardMessages(a.ctx, { messageIds: [message.id], conversationIds: [dm2.id, dm.id], clientId });
    expect(again.map((m) => m.id)).toEqual(copies.map((m) => m.id));

    const stranger = await pair();
    await expect(forwardMessages(a.ctx, { messageIds: [message.id], conversationIds: [stranger.dm.id], clientId: cid() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(forwardMessages(a.ctx, { messageIds: [message.id], conversationIds: Array(6).fill(dm.id), clientId: cid() })).rejects.toThrow();
  });

  it("stars a message for me only and lists it", async () => {
    const { a, b, dm } = await pair();
    const { message } = await sendMessage(b.ctx, { conversationId: dm.id, clientId: cid(), text: "address: 1 Main St" });
    await starMessages(a.ctx, { messageIds: [message.id], starred: true });
    expect((await listStarred(a.ctx)).items.map((i) => [i.message.id, i.conversationTitle])).toEqual([[message.id, "Rich Ben"]]);
    expect((await listStarred(b.ctx)).items).toEqual([]);
    await starMessages(a.ctx, { messageIds: [message.id], starred: false });
    expect((await listStarred(a.ctx)).items).toEqual([]);
  });

  it("a blocked user's DMs are withheld, the blocker's refused, the chat stays readable, unblocking restores it", async () => {
    const { a, b, dm } = await pair();
    await sendMessage(b.ctx, { conversationId: dm.id, clientId: cid(), text: "before the block" });
    await setBlocked(a.ctx, { userId: b.id, blocked: true });
    await expect(sendMessage(b.ctx, { conversationId: dm.id, clientId: cid(), text: "hello?" })).resolves.toMatchObject({ message: { withheld: true } });
    await expect(sendMessage(a.ctx, { conversationId: dm.id, clientId: cid(), text: "nope" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listMessages(b.ctx, { conversationId: dm.id })).messages.map((m) => m.text)).toContain("before the block");
    await setBlocked(a.ctx, { userId: b.id, blocked: false });
    await expect(sendMessage(b.ctx, { conversationId: dm.id, clientId: cid(), text: "back" })).resolves.toBeTruthy();
  });
});

describe("chat settings", () => {
  it("pins at most three chats and keeps them on top", async () => {
    const me = await createTestUser(db, { name: "Pinner" });
    const chats = [];
    for (let i = 0; i < 4; i++) chats.push(await openDirect(me.ctx, { userId: (await createTestUser(db)).id }));
    for (const chat of chats.slice(0, 3)) await updateConversationSettings(me.ctx, { conversationId: chat.id, isPinned: true });
    await expect(updateConversationSettings(me.ctx, { conversationId: chats[3]!.id, isPinned: true })).rejects.toMatchObject({ code: "CONFLICT" });
    const list = await listConversations(me.ctx);
    expect(list.slice(0, 3).every((c) => c.isPinned)).toBe(true);
    const archived = await updateConversationSettings(me.ctx, { conversationId: chats[0]!.id, isArchived: true });
    expect(archived).toMatchObject({ isArchived: true, isPinned: false });
  });

  it("mutes for 8 hours, a week or always; a timed mute ends by itself", async () => {
    const { a, dm } = await pair();
    const mine = async () => (await listConversations(a.ctx)).find((c) => c.id === dm.id)!;
    const muted = await updateConversationSettings(a.ctx, { conversationId: dm.id, isMuted: true, muteFor: "8h" });
    expect(muted.isMuted).toBe(true);
    expect(Date.parse(muted.mutedUntil!) - Date.now()).toBeGreaterThan(8 * 3600_000 - 60_000);
    expect(Date.parse(muted.mutedUntil!) - Date.now()).toBeLessThanOrEqual(8 * 3600_000);
    // Eight hours later (the row's end moved into the past): no longer muted.
    await db.participant.update({ where: { conversationId_userId: { conversationId: dm.id, userId: a.id } }, data: { mutedUntil: new Date(Date.now() - 1000) } });
    expect(await mine()).toMatchObject({ isMuted: false, mutedUntil: null });

    const week = await updateConversationSettings(a.ctx, { conversationId: dm.id, isMuted: true, muteFor: "1w" });
    expect(Date.parse(week.mutedUntil!) - Date.now()).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
    expect(await updateConversationSettings(a.ctx, { conversationId: dm.id, isMuted: true, muteFor: "always" })).toMatchObject({ isMuted: true, mutedUntil: null });
    expect(await updateConversationSettings(a.ctx, { conversationId: dm.id, isMuted: false })).toMatchObject({ isMuted: false, mutedUntil: null });
    await expect(updateConversationSettings(a.ctx, { conversationId: dm.id, isPinned: true, muteFor: "8h" })).rejects.toThrow("How long to mute goes with muting");
    await expect(updateConversationSettings(a.ctx, { conversationId: dm.id, isMuted: true, muteFor: "3d" as "8h" })).rejects.toThrow("A mute lasts 8h, 1w or always");
  });

  it("mark as unread is mine alone, and taken back explicitly", async () => {
    const { a, b, dm } = await pair();
    await sendMessage(b.ctx, { conversationId: dm.id, clientId: cid(), text: "read later" });
    const marked = await updateConversationSettings(a.ctx, { conversationId: dm.id, markedUnread: true });
    expect(marked).toMatchObject({ markedUnread: true, unreadCount: 1 });
    expect((await listConversations(b.ctx)).find((c) => c.id === dm.id)?.markedUnread).toBe(false);
    expect((await listConversations(a.ctx)).find((c) => c.id === dm.id)?.markedUnread).toBe(true);
    expect(await updateConversationSettings(a.ctx, { conversationId: dm.id, markedUnread: false })).toMatchObject({ markedUnread: false });
    await expect(updateConversationSettings(a.ctx, { conversationId: dm.id })).rejects.toThrow("Nothing to change");
    const outsider = await createTestUser(db);
    await expect(updateConversationSettings(outsider.ctx, { conversationId: dm.id, markedUnread: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("search", () => {
  it("finds highlighted messages only in my chats, never deleted or hidden ones", async () => {
    const { a, b, dm } = await pair();
    const word = `zebra${Date.now().toString(36)}`;
    const { message: hit } = await sendMessage(a.ctx, { conversationId: dm.id, clientId: cid(), text: `the ${word} crossed the road` });
    const { message: gone } = await sendMessage(a.ctx, { conversationId: dm.id, clientId: cid(), text: `${word} number two` });
    const { message: hidden } = await sendMessage(b.ctx, { conversationId: dm.id, clientId: cid(), text: `${word} hidden for Ana` });
    await deleteMessages(a.ctx, { messageIds: [gone.id], for: "everyone" });
    await deleteMessages(a.ctx, { messageIds: [hidden.id], for: "me" });

    const hits = await searchMessages(a.ctx, { q: word.slice(0, -2) });
    expect(hits.map((h) => h.messageId)).toEqual([hit.id]);
    expect(hits[0]!.snippet).toContain(`${HIGHLIGHT_START}${word}${HIGHLIGHT_END}`);
    expect(hits[0]!.conversationTitle).toBe("Rich Ben");
    expect((await searchMessages(b.ctx, { q: word })).map((h) => h.messageId).sort()).toEqual([hit.id, hidden.id].sort());

    const outsider = await createTestUser(db);
    expect(await searchMessages(outsider.ctx, { q: word })).toEqual([]);
    expect(await searchMessages(outsider.ctx, { q: word, conversationId: dm.id })).toEqual([]);
    // Operators in the query are plain text, not tsquery syntax.
    expect(await searchMessages(a.ctx, { q: "!&|:*()" })).toEqual([]);
  });

  it("highlights only what matched: the highlight marks typed into a message are not taken for it", async () => {
    const { a, dm } = await pair();
    const word = `quokka${Date.now().toString(36)}`;
    await sendMessage(a.ctx, { conversationId: dm.id, clientId: cid(), text: `${HIGHLIGHT_START}fake${HIGHLIGHT_END} ${word}` });
    const [hit] = await searchMessages(a.ctx, { q: word });
    expect(hit!.snippet).toBe(`fake ${HIGHLIGHT_START}${word}${HIGHLIGHT_END}`);
  });

  it("lists hits newest first, in one chat and across chats, and finds an edit by its new words", async () => {
    const { a, b, dm } = await pair();
    const other = await openDirect(a.ctx, { userId: (await createTestUser(db)).id });
    const word = `otter${Date.now().toString(36)}`;
    const sent = [];
    for (const [chat, text] of [[dm, `${word} one ${word} ${word}`], [other, `${word} two`], [dm, `three ${word}`], [other, `four ${word}s`]] as const) {
      sent.push((await sendMessage(a.ctx, { conversationId: chat.id, clientId: cid(), text })).message);
      // Times are stored to the millisecond: two chats' messages of one millisecond have no order.
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    // The oldest repeats the word: a relevance rank would list it first.
    const newestFirst = [...sent].reverse().map((m) => m.id);
    expect((await searchMessages(a.ctx, { q: word })).map((h) => h.messageId)).toEqual(newestFirst);
    expect((await searchMessages(a.ctx, { q: word, conversationId: dm.id })).map((h) => h.messageId)).toEqual([sent[2]!.id, sent[0]!.id]);
    expect((await searchMessages(b.ctx, { q: word })).map((h) => h.messageId)).toEqual([sent[2]!.id, sent[0]!.id]);

    await editMessage(a.ctx, { messageId: sent[0]!.id, text: `renamed${word}` });
    expect((await searchMessages(a.ctx, { q: `renamed${word}` })).map((h) => h.messageId)).toEqual([sent[0]!.id]);
    expect((await searchMessages(a.ctx, { q: word, conversationId: dm.id })).map((h) => h.messageId)).toEqual([sent[2]!.id]);
  });

  it("in a long chat, hits older than the recent window follow the recent ones, newest first", async () => {
    const { a, dm } = await pair();
    const word = `heron${Date.now().toString(36)}`;
    const oldWord = `egret${Date.now().toString(36)}`;
    const total = RECENT_WINDOW + 20;
    const hitSeqs = [3, 10, total - 2];
    await db.$executeRaw`
      INSERT INTO "Message" (id, "conversationId", seq, "senderId", "clientId", type, text, "createdAt")
      SELECT gen_random_uuid(), ${dm.id}::uuid, s, ${a.id}::uuid, ${word} || '-' || s, 'TEXT',
             CASE WHEN s = ANY(${hitSeqs}::int[]) THEN ${word} || ' at ' || s
                  WHEN s = 5 THEN 'only old ' || ${oldWord} ELSE 'filler ' || s END,
             now() - make_interval(secs => ${total} - s)
      FROM generate_series(1, ${total}) AS s`;
    await db.conversation.update({ where: { id: dm.id }, data: { lastSeq: total } });

    const seqs = async (q: string, limit?: number) =>
      (await searchMessages(a.ctx, { q, conversationId: dm.id, limit })).map((h) => h.seq);
    // One hit in the recent window, two more found by walking on.
    expect(await seqs(word)).toEqual([total - 2, 10, 3]);
    // None in the window: the older part comes from the word index.
    expect(await seqs(oldWord)).toEqual([5]);
    expect(await seqs(word, 2)).toEqual([total - 2, 10]);
    expect(await seqs("filler", 3)).toEqual([total, total - 1, total - 3]);
    expect(await seqs(`nowhere${word}`)).toEqual([]);
  });

  it("across chats, a long chat's old match still takes its place in time among the others", async () => {
    const { a, b, dm: long } = await pair();
    const short = await openDirect(a.ctx, { userId: (await createTestUser(db)).id });
    const word = `ibis${Date.now().toString(36)}`;
    const total = RECENT_WINDOW + 20;
    // The long chat: one message a minute, matches at seq 3 (old) and total - 2 (recent).
    await db.$executeRaw`
      INSERT INTO "Message" (id, "conversationId", seq, "senderId", "clientId", type, text, "createdAt")
      SELECT gen_random_uuid(), ${long.id}::uuid, s, ${b.id}::uuid, ${word} || '-' || s, 'TEXT',
             CASE WHEN s IN (3, ${total - 2}) THEN ${word} || ' in the long chat' ELSE 'filler ' || s END,
             now() - make_interval(mins => ${total} - s)
      FROM generate_series(1, ${total}) AS s`;
    await db.conversation.update({ where: { id: long.id }, data: { lastSeq: total } });
    // The short chat's match falls between the two: older than the long chat's window, newer than seq 3.
    const between = (await sendMessage(a.ctx, { conversationId: short.id, clientId: cid(), text: `${word} in the short chat` })).message;
    await db.message.update({ where: { id: between.id }, data: { createdAt: new Date(Date.now() - (total - 10) * 60_000) } });

    const hits = async (limit?: number) => (await searchMessages(a.ctx, { q: word, limit })).map((h) => [h.conversationId, h.seq]);
    expect(await hits()).toEqual([[long.id, total - 2], [short.id, between.seq], [long.id, 3]]);
    expect(await hits(2)).toEqual([[long.id, total - 2], [short.id, between.seq]]);
    expect(await hits(1)).toEqual([[long.id, total - 2]]);
  });

  it("opens a message in context with `around`, and `after` fills the gap to the latest", async () => {
    const { a, dm } = await pair();
    const sent = [];
    for (let i = 1; i <= 80; i++) sent.push((await sendMessage(a.ctx, { conversationId: dm.id, clientId: cid(), text: `m${i}` })).message);
    const around = await listMessages(a.ctx, { conversationId: dm.id, around: sent[9]!.seq });
    expect(around.messages.map((m) => m.seq)).toContain(sent[9]!.seq);
    const last = around.messages.at(-1)!.seq;
    const newer = await listMessages(a.ctx, { conversationId: dm.id, after: last });
    expect(newer.messages[0]!.seq).toBe(last + 1);
  });
});
