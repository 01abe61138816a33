import { describe, expect, it } from "vitest";
import { openDirect } from "@/lib/conversations/open-direct";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { MAX_SELECTED_MESSAGES } from "@/lib/limits";
import { listMessages } from "@/lib/messages/list-messages";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher } from "@/lib/test-support/fixtures";
import { deleteMessages } from "./delete-message";
import { forwardMessages } from "./forward-message";
import { sendMessage } from "./send-message";
import { listStarred, starMessages } from "./star-message";

// "Select messages": forward, star and delete act on several messages at once, all or none.

const db = testDb();
let n = 0;
const cid = () => `sel-${Date.now().toString(36)}-${n++}-abcd`;

async function setup() {
  const publish = recordingPublisher();
  const me = await createTestUser(db, { name: "Sel Me", publish });
  const friend = await createTestUser(db, { name: "Sel Friend" });
  const other = await createTestUser(db, { name: "Sel Other" });
  const dm = await openDirect(me.ctx, { userId: friend.id });
  const group = await createPrivateGroup(me.ctx, { name: "Sel Group", memberIds: [friend.id, other.id] });
  const say = async (who: typeof me, text: string) => (await sendMessage(who.ctx, { conversationId: dm.id, clientId: cid(), text })).message;
  const first = await say(me, "first");
  const second = await say(friend, "second");
  const third = await say(me, "third");
  publish.events.length = 0;
  return { me, friend, other, dm, group, first, second, third, publish };
}

const texts = async (user: Parameters<typeof listMessages>[0], conversationId: string) =>
  (await listMessages(user, { conversationId })).messages.map((m) => m.text);

describe("forwarding several messages", () => {
  it("copies them into each chat in the order they were sent, once however often retried", async () => {
    const { me, dm, group, first, second, third } = await setup();
    const input = { messageIds: [third.id, first.id, second.id], conversationIds: [group.id, dm.id], clientId: cid() };
    const copies = await forwardMessages(me.ctx, input);
    expect(copies.map((m) => [m.conversationId === group.id ? "group" : "dm", m.text, m.forwarded])).toEqual([
      ["group", "first", true],
      ["group", "second", true],
      ["group", "third", true],
      ["dm", "first", true],
      ["dm", "second", true],
      ["dm", "third", true],
    ]);
    const again = await forwardMessages(me.ctx, input);
    expect(again.map((m) => m.id)).toEqual(copies.map((m) => m.id));
    expect(await texts(me.ctx, group.id)).toEqual(expect.arrayContaining(["first", "second", "third"]));
    expect((await texts(me.ctx, group.id)).filter((t) => t === "first")).toHaveLength(1);
  });

  it("refuses them all when one can't go (deleted) or isn't mine to see, storing nothing", async () => {
    const { me, other, group, first, second } = await setup();
    await deleteMessages(me.ctx, { messageIds: [first.id], for: "everyone" });
    await expect(forwardMessages(me.ctx, { messageIds: [second.id, first.id], conversationIds: [group.id], clientId: cid() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Deleted messages and notices can't be forwarded",
    });
    // Someone not in the direct chat can't forward its messages, one of theirs alongside or not.
    const { message: theirs } = await sendMessage(other.ctx, { conversationId: group.id, clientId: cid(), text: "theirs" });
    await expect(forwardMessages(other.ctx, { messageIds: [theirs.id, second.id], conversationIds: [group.id], clientId: cid() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.message.count({ where: { forwardedFromId: { in: [first.id, second.id, theirs.id] } } })).toBe(0);
  });

  it("refuses more than the limit, or a message listed twice", async () => {
    const { me, group, first } = await setup();
    const tooMany = Array.from({ length: MAX_SELECTED_MESSAGES + 1 }, () => crypto.randomUUID());
    await expect(forwardMessages(me.ctx, { messageIds: tooMany, conversationIds: [group.id], clientId: cid() })).rejects.toThrow(
      `You can select at most ${MAX_SELECTED_MESSAGES} messages`,
    );
    await expect(forwardMessages(me.ctx, { messageIds: [first.id, first.id], conversationIds: [group.id], clientId: cid() })).rejects.toThrow(
      "A message is listed twice",
    );
  });
});

describe("deleting several messages", () => {
  it("for me: all leave my view and my devices hear of each; the other person keeps them", async () => {
    const { me, friend, dm, first, second, publish } = await setup();
    expect(await deleteMessages(me.ctx, { messageIds: [first.id, second.id], for: "me" })).toEqual({
      deleted: [
        { messageId: first.id, byAdmin: false },
        { messageId: second.id, byAdmin: false },
      ],
    });
    expect(await texts(me.ctx, dm.id)).toEqual(["third"]);
    expect(await texts(friend.ctx, dm.id)).toEqual(["first", "second", "third"]);
    expect(publish.events.filter((e) => e.event === "message:deleted").map((e) => [e.to, (e.payload as { messageId: string }).messageId])).toEqual([
      [`user:${me.id}`, first.id],
      [`user:${me.id}`, second.id],
    ]);
  });

  it("for everyone: refused as a whole when one is someone else's; my own go for all", async () => {
    const { me, friend, dm, first, second, third, publish } = await setup();
    await expect(deleteMessages(me.ctx, { messageIds: [first.id, second.id], for: "everyone" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await texts(friend.ctx, dm.id)).toEqual(["first", "second", "third"]);
    expect(publish.events).toEqual([]);

    await deleteMessages(me.ctx, { messageIds: [third.id, first.id], for: "everyone" });
    expect(await texts(friend.ctx, dm.id)).toEqual([null, "second", null]);
    expect(publish.events.filter((e) => e.event === "message:deleted").map((e) => e.to)).toEqual([`conv:${dm.id}`, `conv:${dm.id}`]);
  });

  it("refuses an outsider, deleting nothing", async () => {
    const { other, friend, dm, first } = await setup();
    await expect(deleteMessages(other.ctx, { messageIds: [first.id], for: "me" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteMessages(other.ctx, { messageIds: [first.id], for: "everyone" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await texts(friend.ctx, dm.id)).toEqual(["first", "second", "third"]);
    expect(await db.messageHide.count({ where: { messageId: first.id } })).toBe(0);
  });
});

describe("starring several messages", () => {
  it("stars and unstars them together, and tells my devices once", async () => {
    const { me, first, second, third, publish } = await setup();
    await starMessages(me.ctx, { messageIds: [first.id, third.id], starred: true });
    expect((await listStarred(me.ctx)).messageIds.sort()).toEqual([first.id, third.id].sort());
    await starMessages(me.ctx, { messageIds: [first.id, second.id], starred: false });
    expect((await listStarred(me.ctx)).messageIds).toEqual([third.id]);
    expect(publish.events.filter((e) => e.event === "star:updated").map((e) => e.payload)).toEqual([
      { messageIds: [first.id, third.id], starred: true },
      { messageIds: [first.id, second.id], starred: false },
    ]);
  });

  it("stars none when one isn't mine to see", async () => {
    const { other, group, first } = await setup();
    const { message: theirs } = await sendMessage(other.ctx, { conversationId: group.id, clientId: cid(), text: "group talk" });
    await expect(starMessages(other.ctx, { messageIds: [theirs.id, first.id], starred: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.star.count({ where: { userId: other.id } })).toBe(0);
  });
});
