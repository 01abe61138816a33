import { describe, expect, it } from "vitest";
import { openDirect } from "@/lib/conversations/open-direct";
import type { MessageDto } from "@/lib/realtime/contract";
import { HIGHLIGHT_END, HIGHLIGHT_START, searchMessages } from "@/lib/search/search-messages";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher, type RecordingPublisher } from "@/lib/test-support/fixtures";
import { setBlocked } from "@/lib/users/block-user";
import { editMessage } from "./edit-message";
import { listMessages } from "./list-messages";
import { pinMessage } from "./pin-message";
import { reactToMessage } from "./react-to-message";
import { sendMessage } from "./send-message";
import { syncMessages } from "./sync-messages";
import { votePoll } from "./vote-poll";

// As a message to someone who blocks you stays at one tick and never reaches them, so do your
// reactions and votes in that chat: they look done to you, the blocker never sees them, and a
// refusal would tell you that you are blocked.

const db = testDb();
let n = 0;
const cid = () => `withheld-rx-${Date.now().toString(36)}-${n++}-abcd`;

/** Ana's text and poll in a direct chat with Ben, then Ana blocks Ben. */
async function anaBlocksBen() {
  const anaPublish = recordingPublisher();
  const benPublish = recordingPublisher();
  const ana = await createTestUser(db, { name: "Withheld Rx Ana", publish: anaPublish });
  const ben = await createTestUser(db, { name: "Withheld Rx Ben", publish: benPublish });
  const dm = await openDirect(ana.ctx, { userId: ben.id });
  const send = (input: { text: string; poll?: { options: string[]; multiple: boolean } }) =>
    sendMessage(ana.ctx, { conversationId: dm.id, clientId: cid(), ...input }).then((r) => r.message);
  const text = await send({ text: "dinner at 8?" });
  const poll = await send({ text: "Where?", poll: { options: ["Pizza", "Sushi"], multiple: false } });
  await setBlocked(ana.ctx, { userId: ben.id, blocked: true });
  return { ana, ben, anaPublish, benPublish, dm, text, poll };
}

const updates = (publish: RecordingPublisher) =>
  publish.events.filter((e) => e.event === "message:updated").map((e) => ({ to: e.to, message: e.payload as MessageDto }));
const reactionsOf = (message: MessageDto | undefined) => message?.reactions.map((r) => [r.emoji, r.userIds.length]);
const votesOf = (message: MessageDto | undefined) => message?.poll?.options.map((o) => o.voterIds.length);
const seen = async (user: { ctx: Parameters<typeof listMessages>[0] }, conversationId: string, messageId: string) =>
  (await listMessages(user.ctx, { conversationId })).messages.find((m) => m.id === messageId);

describe("a reaction or vote of someone blocked, in the direct chat", () => {
  it("looks done to them and reaches only their devices; the blocker never sees it", async () => {
    const { ana, ben, benPublish, dm, text, poll } = await anaBlocksBen();

    const reacted = await reactToMessage(ben.ctx, { messageId: text.id, emoji: "👍" });
    expect(reactionsOf(reacted)).toEqual([["👍", 1]]);
    const voted = await votePoll(ben.ctx, { messageId: poll.id, options: [1] });
    expect(votesOf(voted)).toEqual([0, 1]);

    // Ben's devices get his view; the rest of the chat (Ana) a view without them.
    expect(updates(benPublish).map((u) => [u.to, reactionsOf(u.message), votesOf(u.message)])).toEqual([
      [`conv:${dm.id} except user:${ben.id}`, [], undefined],
      [`user:${ben.id}`, [["👍", 1]], undefined],
      [`conv:${dm.id} except user:${ben.id}`, [], [0, 0]],
      [`user:${ben.id}`, [], [0, 1]],
    ]);

    expect(reactionsOf(await seen(ana, dm.id, text.id))).toEqual([]);
    expect(votesOf(await seen(ana, dm.id, poll.id))).toEqual([0, 0]);
    const anaSync = await syncMessages(ana.ctx, { cursors: { [dm.id]: 0 } });
    expect(anaSync.missed[dm.id]!.map((m) => [reactionsOf(m), votesOf(m)])).toEqual([
      [[], undefined],
      [[], [0, 0]],
    ]);
    // Ben sees them wherever he looks, after a reload too.
    expect(reactionsOf(await seen(ben, dm.id, text.id))).toEqual([["👍", 1]]);
    expect(votesOf(await seen(ben, dm.id, poll.id))).toEqual([0, 1]);
  });

  it("stays his alone after the unblock, while what both do from then on is shared", async () => {
    const { ana, ben, anaPublish, dm, text, poll } = await anaBlocksBen();
    await reactToMessage(ben.ctx, { messageId: text.id, emoji: "👍" });
    await votePoll(ben.ctx, { messageId: poll.id, options: [1] });
    await setBlocked(ana.ctx, { userId: ben.id, blocked: false });

    // Ana reacts: the chat hears of it, and Ben's devices get his view, which keeps his 👍.
    await reactToMessage(ana.ctx, { messageId: text.id, emoji: "❤️" });
    expect(updates(anaPublish).map((u) => [u.to, reactionsOf(u.message)])).toEqual([
      [`conv:${dm.id} except user:${ben.id}`, [["❤️", 1]]],
      [`user:${ben.id}`, [["👍", 1], ["❤️", 1]]],
    ]);
    await votePoll(ana.ctx, { messageId: poll.id, options: [0] });
    expect(votesOf(await seen(ana, dm.id, poll.id))).toEqual([1, 0]);
    expect(votesOf(await seen(ben, dm.id, poll.id))).toEqual([1, 1]);

    // Ben's new reaction reaches Ana; his withheld one still doesn't.
    await reactToMessage(ben.ctx, { messageId: text.id, emoji: "😂" });
    expect(reactionsOf(await seen(ana, dm.id, text.id))).toEqual([["❤️", 1], ["😂", 1]]);
    // Taking the withheld one back leaves nothing of it; his vote, cast again, is shared.
    await reactToMessage(ben.ctx, { messageId: text.id, emoji: "👍" });
    expect(reactionsOf(await seen(ben, dm.id, text.id))).toEqual([["❤️", 1], ["😂", 1]]);
    await votePoll(ben.ctx, { messageId: poll.id, options: [0] });
    expect(votesOf(await seen(ana, dm.id, poll.id))).toEqual([2, 0]);
  });

  it("takes back one the blocker already sees for them alone: the blocker keeps seeing it", async () => {
    const { ana, ben, dm, text, poll } = await anaBlocksBen();
    await setBlocked(ana.ctx, { userId: ben.id, blocked: false });
    await reactToMessage(ben.ctx, { messageId: text.id, emoji: "👍" });
    await votePoll(ben.ctx, { messageId: poll.id, options: [0] });
    await setBlocked(ana.ctx, { userId: ben.id, blocked: true });
    const views = async () => ({
      ben: [reactionsOf(await seen(ben, dm.id, text.id)), votesOf(await seen(ben, dm.id, poll.id))],
      ana: [reactionsOf(await seen(ana, dm.id, text.id)), votesOf(await seen(ana, dm.id, poll.id))],
    });

    // Ben takes his 👍 back and changes his vote: done for him; Ana sees what she saw.
    await expect(reactToMessage(ben.ctx, { messageId: text.id, emoji: "👍" }).then(reactionsOf)).resolves.toEqual([]);
    await expect(votePoll(ben.ctx, { messageId: poll.id, options: [1] }).then(votesOf)).resolves.toEqual([0, 1]);
    expect(await views()).toEqual({ ben: [[], [0, 1]], ana: [[["👍", 1]], [1, 0]] });
    // Back again: his once more, and Ana never saw a change.
    await reactToMessage(ben.ctx, { messageId: text.id, emoji: "👍" });
    await votePoll(ben.ctx, { messageId: poll.id, options: [0] });
    expect(await views()).toEqual({ ben: [[["👍", 1]], [1, 0]], ana: [[["👍", 1]], [1, 0]] });

    // Taken back during the block and the vote changed once unblocked: from then on both see the same.
    await reactToMessage(ben.ctx, { messageId: text.id, emoji: "👍" });
    await setBlocked(ana.ctx, { userId: ben.id, blocked: false });
    await votePoll(ben.ctx, { messageId: poll.id, options: [] });
    await reactToMessage(ben.ctx, { messageId: text.id, emoji: "👍" });
    expect(await views()).toEqual({ ben: [[["👍", 1]], [0, 0]], ana: [[["👍", 1]], [0, 0]] });
  });

  it("lets them edit a message of theirs the blocker never got, for them alone", async () => {
    const { ana, ben, benPublish, dm } = await anaBlocksBen();
    const withheld = (await sendMessage(ben.ctx, { conversationId: dm.id, clientId: cid(), text: "hello?" })).message;
    await expect(editMessage(ben.ctx, { messageId: withheld.id, text: "hello??" })).resolves.toMatchObject({ text: "hello??", withheld: true });
    expect(updates(benPublish).map((u) => u.to)).toEqual([`user:${ben.id}`]);
    expect(await seen(ana, dm.id, withheld.id)).toBeUndefined();
  });
});

describe("an edit of someone blocked, quoted or pinned", () => {
  it("shows them their edited text in every quote of it, the pin bar and search; the blocker keeps the old", async () => {
    const { ana, ben, dm } = await anaBlocksBen();
    await setBlocked(ana.ctx, { userId: ben.id, blocked: false });
    const original = (await sendMessage(ben.ctx, { conversationId: dm.id, clientId: cid(), text: "meet at noon" })).message;
    const reply = (await sendMessage(ana.ctx, { conversationId: dm.id, clientId: cid(), text: "sure", replyToId: original.id })).message;
    await setBlocked(ana.ctx, { userId: ben.id, blocked: true });
    await editMessage(ben.ctx, { messageId: original.id, text: "meet at midnight" });

    // Ana's reply quotes it: to her with the old text, to Ben with his own.
    expect((await seen(ana, dm.id, reply.id))?.replyTo?.text).toBe("meet at noon");
    expect((await seen(ben, dm.id, reply.id))?.replyTo?.text).toBe("meet at midnight");
    // Ben quotes it himself (withheld, as all he writes there now): his edit, as unblocked.
    const own = (await sendMessage(ben.ctx, { conversationId: dm.id, clientId: cid(), text: "ok?", replyToId: original.id })).message;
    expect(own.replyTo?.text).toBe("meet at midnight");

    const { pins } = await pinMessage(ben.ctx, { messageId: original.id, duration: "24h" });
    expect(pins.map((p) => p.message.text)).toEqual(["meet at midnight"]);

    // Search finds it by the words each of them sees, in the chat and across chats.
    const found = async (user: typeof ana, q: string) =>
      [...(await searchMessages(user.ctx, { q, conversationId: dm.id })), ...(await searchMessages(user.ctx, { q }))]
        .filter((h) => h.messageId === original.id)
        .map((h) => h.snippet);
    const hit = (word: string) => `meet at ${HIGHLIGHT_START}${word}${HIGHLIGHT_END}`;
    expect(await found(ben, "midnight")).toEqual([hit("midnight"), hit("midnight")]);
    expect(await found(ben, "noon")).toEqual([]);
    expect(await found(ana, "noon")).toEqual([hit("noon"), hit("noon")]);
    expect(await found(ana, "midnight")).toEqual([]);
  });
});
