import { describe, expect, it } from "vitest";
import { openDirect } from "@/lib/conversations/open-direct";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher, type RecordingPublisher } from "@/lib/test-support/fixtures";
import { setBlocked } from "@/lib/users/block-user";
import { setMessageTimer } from "@/lib/conversations/set-message-timer";
import { exportChat } from "@/lib/conversations/export-chat";
import { listConversations } from "@/lib/conversations/list-conversations";
import { editHistory, editMessage } from "./edit-message";
import { forwardMessages } from "./forward-message";
import { listMessages } from "./list-messages";
import { listPins, pinMessage, unpinMessage } from "./pin-message";
import { reactToMessage } from "./react-to-message";
import { sendMessage } from "./send-message";
import { votePoll } from "./vote-poll";

const db = testDb();
let n = 0;
const cid = () => `blocked-${Date.now().toString(36)}-${n++}-abcd`;

/** Ana and Ben, each with a message of their own and a poll of Ana's, in a direct chat or a group. */
async function chat(kind: "direct" | "group") {
  const ana = await createTestUser(db, { name: "Block Ana" });
  const benPublish = recordingPublisher();
  const ben = await createTestUser(db, { name: "Block Ben", publish: benPublish });
  const conversationId =
    kind === "direct" ? (await openDirect(ana.ctx, { userId: ben.id })).id : (await createPrivateGroup(ana.ctx, { name: "Block group", memberIds: [ben.id] })).id;
  const send = (user: typeof ana, input: { text: string; poll?: { options: string[]; multiple: boolean } }) =>
    sendMessage(user.ctx, { conversationId, clientId: cid(), ...input }).then((r) => r.message);
  const anaText = await send(ana, { text: "hi Ben" });
  const anaPoll = await send(ana, { text: "Lunch?", poll: { options: ["Yes", "No"], multiple: false } });
  const benText = await send(ben, { text: "hi Ana" });
  return { ana, ben, benPublish, anaText, anaPoll, benText };
}

const updates = (publish: RecordingPublisher) => publish.events.filter((e) => e.event === "message:updated");

describe("a block in a direct chat", () => {
  it("refuses the blocker's edits, reactions and votes, and tells the chat nothing", async () => {
    const { ana, ben, benPublish, anaText, anaPoll, benText } = await chat("direct");
    await setBlocked(ben.ctx, { userId: ana.id, blocked: true });
    const refused = { code: "FORBIDDEN", message: "You blocked this contact. Unblock them to send a message." };

    await expect(editMessage(ben.ctx, { messageId: benText.id, text: "rewritten after the block" })).rejects.toMatchObject(refused);
    await expect(reactToMessage(ben.ctx, { messageId: anaText.id, emoji: "👎" })).rejects.toMatchObject(refused);
    await expect(votePoll(ben.ctx, { messageId: anaPoll.id, options: [1] })).rejects.toMatchObject(refused);

    expect(updates(benPublish)).toEqual([]);
    const stored = await db.message.findUniqueOrThrow({ where: { id: benText.id }, select: { text: true, editedAt: true } });
    expect(stored).toEqual({ text: "hi Ana", editedAt: null });
    expect(await db.reaction.count({ where: { userId: ben.id } })).toBe(0);
    expect(await db.pollVote.count({ where: { userId: ben.id } })).toBe(0);
  });

  it("keeps the blocked person's edit of a message the blocker has for them alone, as it keeps their messages", async () => {
    const { ana, ben, benPublish, benText } = await chat("direct");
    await setBlocked(ana.ctx, { userId: ben.id, blocked: true });
    const edited = await editMessage(ben.ctx, { messageId: benText.id, text: "rewritten after the block" });
    expect(edited).toMatchObject({ text: "rewritten after the block", editedAt: expect.any(String) });
    expect(updates(benPublish).map((e) => e.to)).toEqual([`user:${ben.id}`]);

    const seenBy = async (user: typeof ana) => {
      const shown = (await listMessages(user.ctx, { conversationId: benText.conversationId })).messages.find((m) => m.id === benText.id)!;
      const row = (await listConversations(user.ctx)).find((c) => c.id === benText.conversationId)!;
      const history = (await editHistory(user.ctx, { messageId: benText.id })).versions.map((v) => v.text);
      let exported = "";
      for await (const lines of (await exportChat(user.ctx, { conversationId: benText.conversationId, tz: "UTC" })).lines) exported += lines;
      return { text: shown.text, edited: shown.editedAt !== null, preview: row.lastMessage?.text, history, exported: exported.trim().split("\n").at(-1)!.slice(17) };
    };
    expect(await seenBy(ben)).toEqual({
      text: "rewritten after the block", edited: true, preview: "rewritten after the block", history: ["hi Ana", "rewritten after the block"],
      exported: "Block Ben: rewritten after the block <edited>",
    });
    expect(await seenBy(ana)).toEqual({ text: "hi Ana", edited: false, preview: "hi Ana", history: ["hi Ana"], exported: "Block Ben: hi Ana" });

    // Forwarded by Ben, it is the text he sees.
    const cy = await createTestUser(db, { name: "Block Cy" });
    const withCy = await openDirect(ben.ctx, { userId: cy.id });
    const [copy] = await forwardMessages(ben.ctx, { messageIds: [benText.id], conversationIds: [withCy.id], clientId: cid() });
    expect(copy!.text).toBe("rewritten after the block");

    // An edit once unblocked reaches Ana again, and is the newest version for both.
    await setBlocked(ana.ctx, { userId: ben.id, blocked: false });
    await editMessage(ben.ctx, { messageId: benText.id, text: "hello again" });
    expect(await seenBy(ana)).toMatchObject({ text: "hello again", edited: true, preview: "hello again", history: ["hi Ana", "hello again"] });
    expect((await seenBy(ben)).text).toBe("hello again");
  });

  it("keeps the blocked person's pins and unpins for them alone, never changing the blocker's", async () => {
    const { ana, ben, benPublish, anaText, anaPoll, benText } = await chat("direct");
    const conversationId = anaText.conversationId;
    const more = [];
    for (const text of ["two", "three", "four"]) more.push((await sendMessage(ben.ctx, { conversationId, clientId: cid(), text })).message);
    await pinMessage(ana.ctx, { messageId: anaText.id, duration: "24h" });
    await setBlocked(ana.ctx, { userId: ben.id, blocked: true });
    benPublish.events.length = 0;
    const pinned = (user: typeof ana) => listPins(user.ctx, { conversationId }).then((r) => r.pins.map((p) => p.message.text));
    const anaPin = () => db.pinnedMessage.findUniqueOrThrow({ where: { messageId: anaText.id }, select: { pinnedById: true, pinnedAt: true, expiresAt: true, withheld: true } });
    const before = await anaPin();

    // Ben's pin shows for him, with its notice; Ana hears of neither.
    await expect(pinMessage(ben.ctx, { messageId: benText.id })).resolves.toMatchObject({ pins: [{ message: { id: benText.id } }, { message: { id: anaText.id } }] });
    expect(benPublish.events.map((e) => [e.event, e.to])).toEqual([["message:new", `user:${ben.id}`], ["pins:changed", `user:${ben.id}`]]);
    expect(await pinned(ana)).toEqual(["hi Ben"]);
    const notices = (user: typeof ana) => listMessages(user.ctx, { conversationId }).then((r) => r.messages.filter((m) => m.type === "SYSTEM").map((m) => m.senderId));
    expect(await notices(ana)).toEqual([ana.id]);
    expect(await notices(ben)).toEqual([ana.id, ben.id]);
    // Pinning hers again (another duration) changes nothing she sees.
    await pinMessage(ben.ctx, { messageId: anaText.id, duration: "30d" });
    expect(await anaPin()).toEqual(before);
    // More of his own push out only his own: he sees three, she keeps hers.
    for (const m of [anaPoll, ...more]) await pinMessage(ben.ctx, { messageId: m.id });
    expect(await pinned(ben)).toEqual(["four", "three", "two"]);
    expect(await pinned(ana)).toEqual(["hi Ben"]);
    expect(await anaPin()).toEqual(before);
    // Unpinning his own tells only him.
    benPublish.events.length = 0;
    await unpinMessage(ben.ctx, { messageId: more[2]!.id });
    expect(benPublish.events.map((e) => e.to)).toEqual([`user:${ben.id}`]);
    expect(await pinned(ben)).toEqual(["three", "two", "hi Ben"]);
    // Taking hers off is his alone too; pinning it again brings it back for him.
    benPublish.events.length = 0;
    await expect(unpinMessage(ben.ctx, { messageId: anaText.id }).then((r) => r.pins.length)).resolves.toBe(2);
    expect(benPublish.events.map((e) => e.to)).toEqual([`user:${ben.id}`]);
    expect([await pinned(ben), await pinned(ana)]).toEqual([["three", "two"], ["hi Ben"]]);
    await pinMessage(ben.ctx, { messageId: anaText.id });
    expect([await pinned(ben), await pinned(ana)]).toEqual([["three", "two", "hi Ben"], ["hi Ben"]]);
    expect(await anaPin()).toEqual(before);
  });

  it("keeps the blocked person's timer for them alone, with their messages, until the unblock", async () => {
    const anaPublish = recordingPublisher();
    const { ana, ben, benPublish, anaText } = await chat("direct");
    const conversationId = anaText.conversationId;
    await setBlocked({ ...ana.ctx, publish: anaPublish }, { userId: ben.id, blocked: true });
    benPublish.events.length = 0;
    const timerOf = async (user: typeof ana) => (await listConversations(user.ctx)).find((c) => c.id === conversationId)!.messageTimerSec;
    const expiresAt = (messageId: string) => db.message.findUniqueOrThrow({ where: { id: messageId }, select: { createdAt: true, expiresAt: true } });

    await expect(setMessageTimer(ben.ctx, { conversationId, seconds: 86400 })).resolves.toEqual({ conversationId, messageTimerSec: 86400 });
    expect(benPublish.events.map((e) => [e.event, e.to])).toEqual([["message:new", `user:${ben.id}`], ["conversation:patched", `user:${ben.id}`]]);
    expect([await timerOf(ben), await timerOf(ana)]).toEqual([86400, null]);
    expect((await listMessages(ana.ctx, { conversationId })).messages.filter((m) => m.type === "SYSTEM")).toEqual([]);
    // His messages meanwhile (his alone) last as long as he chose.
    const { message: mine } = await sendMessage(ben.ctx, { conversationId, clientId: cid(), text: "gone tomorrow" });
    const stored = await expiresAt(mine.id);
    expect(stored.expiresAt!.getTime() - stored.createdAt.getTime()).toBe(86400_000);
    // Choosing it again is no news; turning it off is, for him.
    benPublish.events.length = 0;
    await setMessageTimer(ben.ctx, { conversationId, seconds: 86400 });
    expect(benPublish.events).toEqual([]);
    await setMessageTimer(ben.ctx, { conversationId, seconds: 7 * 86400 });
    expect(await timerOf(ben)).toBe(7 * 86400);

    // Unblocked, he shares the chat's timer again, and is told so.
    await setBlocked({ ...ana.ctx, publish: anaPublish }, { userId: ben.id, blocked: false });
    expect(anaPublish.events.filter((e) => e.event === "conversation:patched")).toEqual([
      { event: "conversation:patched", to: `user:${ben.id}`, payload: { conversationId, messageTimerSec: null } },
    ]);
    expect([await timerOf(ben), await timerOf(ana)]).toEqual([null, null]);
    const { message: shared } = await sendMessage(ben.ctx, { conversationId, clientId: cid(), text: "here to stay" });
    expect((await expiresAt(shared.id)).expiresAt).toBeNull();
  });

  it("lets both edit, react and vote again once unblocked", async () => {
    const { ana, ben, anaText, anaPoll, benText } = await chat("direct");
    await setBlocked(ana.ctx, { userId: ben.id, blocked: true });
    await setBlocked(ana.ctx, { userId: ben.id, blocked: false });
    await expect(editMessage(ben.ctx, { messageId: benText.id, text: "edited" })).resolves.toMatchObject({ text: "edited" });
    await expect(reactToMessage(ben.ctx, { messageId: anaText.id, emoji: "👍" })).resolves.toBeTruthy();
    await expect(votePoll(ben.ctx, { messageId: anaPoll.id, options: [0] })).resolves.toBeTruthy();
  });
});

describe("a block between two members of a group", () => {
  it("does not stop their edits, reactions and votes there, as it does not stop their messages", async () => {
    const { ana, ben, benPublish, anaText, anaPoll, benText } = await chat("group");
    await setBlocked(ana.ctx, { userId: ben.id, blocked: true });
    await expect(editMessage(ben.ctx, { messageId: benText.id, text: "edited in the group" })).resolves.toMatchObject({ text: "edited in the group" });
    await expect(reactToMessage(ben.ctx, { messageId: anaText.id, emoji: "👍" })).resolves.toBeTruthy();
    await expect(votePoll(ben.ctx, { messageId: anaPoll.id, options: [0] })).resolves.toBeTruthy();
    expect(updates(benPublish)).toHaveLength(3);
  });
});

describe("an archived group", () => {
  it("refuses edits, reactions and votes as it refuses messages, and tells the chat nothing", async () => {
    const { ben, benPublish, anaText, anaPoll, benText } = await chat("group");
    const group = await db.message.findUniqueOrThrow({ where: { id: anaText.id }, select: { conversationId: true } });
    await db.conversation.update({ where: { id: group.conversationId }, data: { archivedAt: new Date() } });
    const refused = { code: "FORBIDDEN", reason: "GROUP_ARCHIVED" };

    await expect(sendMessage(ben.ctx, { conversationId: group.conversationId, clientId: cid(), text: "still here?" })).rejects.toMatchObject(refused);
    await expect(editMessage(ben.ctx, { messageId: benText.id, text: "rewritten in the archive" })).rejects.toMatchObject(refused);
    await expect(reactToMessage(ben.ctx, { messageId: anaText.id, emoji: "👍" })).rejects.toMatchObject(refused);
    await expect(votePoll(ben.ctx, { messageId: anaPoll.id, options: [0] })).rejects.toMatchObject(refused);
    expect(updates(benPublish)).toEqual([]);
    expect(await db.reaction.count({ where: { userId: ben.id } })).toBe(0);
  });
});
