import { describe, expect, it } from "vitest";
import { clearChat } from "@/lib/conversations/clear-chat";
import { openDirect } from "@/lib/conversations/open-direct";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { joinGroup } from "@/lib/groups/join-group";
import { setMemberRole } from "@/lib/groups/manage-members";
import { deleteMessages } from "@/lib/messages/delete-message";
import { listMessages } from "@/lib/messages/list-messages";
import { listPins, pinMessage, unpinMessage } from "@/lib/messages/pin-message";
import { sendMessage } from "@/lib/messages/send-message";
import { setBlocked } from "@/lib/users/block-user";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher, type TestUser } from "@/lib/test-support/fixtures";

const db = testDb();
const DAY = 24 * 3600_000;

async function directChat() {
  const publish = recordingPublisher();
  const alice = await createTestUser(db, { name: "Pinning Alice", publish });
  const bob = await createTestUser(db, { name: "Pinned Bob" });
  const chat = await openDirect(alice.ctx, { userId: bob.id });
  let n = 0;
  const send = async (user: TestUser, text: string) =>
    (await sendMessage(user.ctx, { conversationId: chat.id, clientId: `pin-${++n}-${chat.id.slice(0, 8)}`, text })).message;
  return { publish, alice, bob, chat, send };
}

const pinnedTexts = async (user: TestUser, conversationId: string) => (await listPins(user.ctx, { conversationId })).pins.map((p) => p.message.text);

describe("pinned messages", () => {
  it("pins a message for both people, announces it once, and lasts as long as chosen", async () => {
    const { publish, alice, bob, chat, send } = await directChat();
    const hello = await send(bob, "meet at the station at 9");

    const before = Date.now();
    const { pins } = await pinMessage(alice.ctx, { messageId: hello.id, duration: "24h" });

    expect(pins).toHaveLength(1);
    expect(pins[0]).toMatchObject({ message: { id: hello.id, text: "meet at the station at 9", senderName: "Pinned Bob" }, pinnedByName: "Pinning Alice" });
    expect(Date.parse(pins[0]!.expiresAt) - before).toBeGreaterThanOrEqual(DAY - 1000);
    expect(Date.parse(pins[0]!.expiresAt) - before).toBeLessThan(DAY + 60_000);
    expect(await pinnedTexts(bob, chat.id)).toEqual(["meet at the station at 9"]);
    expect(publish.events).toContainEqual({ to: `conv:${chat.id}`, event: "pins:changed", payload: { conversationId: chat.id } });
    const system = () => listMessages(bob.ctx, { conversationId: chat.id }).then((p) => p.messages.filter((m) => m.type === "SYSTEM").map((m) => m.system));
    expect(await system()).toEqual([{ kind: "pinned", actorName: "Pinning Alice" }]);

    // Pinning it again only changes how long it lasts: no second notice.
    const longer = await pinMessage(bob.ctx, { messageId: hello.id, duration: "30d" });
    expect(Date.parse(longer.pins[0]!.expiresAt) - Date.now()).toBeGreaterThan(29 * DAY);
    expect(longer.pins[0]!.pinnedByName).toBe("Pinned Bob");
    expect(await system()).toHaveLength(1);

    await unpinMessage(bob.ctx, { messageId: hello.id });
    expect(await pinnedTexts(alice, chat.id)).toEqual([]);
  });

  it("keeps the newest three pins, and drops expired and deleted ones", async () => {
    const { alice, bob, chat, send } = await directChat();
    const messages = [];
    for (const text of ["one", "two", "three", "four"]) messages.push(await send(alice, text));
    for (const m of messages) await pinMessage(alice.ctx, { messageId: m.id });

    expect(await pinnedTexts(bob, chat.id)).toEqual(["four", "three", "two"]);
    expect(await db.pinnedMessage.count({ where: { conversationId: chat.id } })).toBe(3);

    await db.pinnedMessage.update({ where: { messageId: messages[3]!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await deleteMessages(alice.ctx, { messageIds: [messages[2]!.id], for: "everyone" });
    expect(await pinnedTexts(bob, chat.id)).toEqual(["two"]);

    await expect(pinMessage(alice.ctx, { messageId: messages[2]!.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // The expired and deleted pins made room: "one" comes back beside "two".
    await pinMessage(alice.ctx, { messageId: messages[0]!.id });
    expect(await pinnedTexts(bob, chat.id)).toEqual(["one", "two"]);
  });

  it("hides pins of what I cleared or deleted for me, for me only", async () => {
    const { alice, bob, chat, send } = await directChat();
    const first = await send(bob, "old plan");
    const second = await send(bob, "other plan");
    await pinMessage(bob.ctx, { messageId: first.id });
    await pinMessage(bob.ctx, { messageId: second.id });

    await deleteMessages(alice.ctx, { messageIds: [second.id], for: "me" });
    expect(await pinnedTexts(alice, chat.id)).toEqual(["old plan"]);
    await clearChat(alice.ctx, { conversationId: chat.id });
    expect(await pinnedTexts(alice, chat.id)).toEqual([]);
    expect(await pinnedTexts(bob, chat.id)).toEqual(["other plan", "old plan"]);
  });

  it("refuses bad input, system messages, a blocked chat and outsiders", async () => {
    const { alice, bob, chat, send } = await directChat();
    const outsider = await createTestUser(db);
    const message = await send(alice, "private");
    await expect(pinMessage(alice.ctx, { messageId: message.id, duration: "1y" as "7d" })).rejects.toThrow("A pin lasts 24h, 7d or 30d");

    await expect(pinMessage(outsider.ctx, { messageId: message.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listPins(outsider.ctx, { conversationId: chat.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await pinMessage(alice.ctx, { messageId: message.id });
    await expect(unpinMessage(outsider.ctx, { messageId: message.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await pinnedTexts(bob, chat.id)).toEqual(["private"]);

    const notice = (await listMessages(bob.ctx, { conversationId: chat.id })).messages.find((m) => m.type === "SYSTEM")!;
    await expect(pinMessage(bob.ctx, { messageId: notice.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // Whoever blocks the other person changes the chat's pins once they unblock.
    await setBlocked(bob.ctx, { userId: alice.id, blocked: true });
    await expect(unpinMessage(bob.ctx, { messageId: message.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: "You blocked this contact. Unblock them to send a message." });
    expect(await pinnedTexts(alice, chat.id)).toEqual(["private"]);
  });

  it("lets a group's admins pin, not its other members; a public group's only site admins", async () => {
    const owner = await createTestUser(db, { name: "Group Owner" });
    const member = await createTestUser(db, { name: "Group Member" });
    const group = await createPrivateGroup(owner.ctx, { name: "Pins group", memberIds: [member.id] });
    const { message } = await sendMessage(member.ctx, { conversationId: group.id, clientId: `pin-g-${group.id}`, text: "agenda" });

    await expect(pinMessage(member.ctx, { messageId: message.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await pinMessage(owner.ctx, { messageId: message.id });
    await expect(unpinMessage(member.ctx, { messageId: message.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setMemberRole(owner.ctx, { conversationId: group.id, userId: member.id, role: "ADMIN" });
    await unpinMessage(member.ctx, { messageId: message.id });
    expect(await pinnedTexts(owner, group.id)).toEqual([]);

    const site = await createTestUser(db, { name: "Site Admin", role: "ADMIN" });
    const user = await createTestUser(db);
    const lounge = await db.conversation.create({ data: { type: "GROUP", name: "Pins lounge", visibility: "PUBLIC" } });
    await joinGroup(user.ctx, { conversationId: lounge.id });
    await joinGroup(site.ctx, { conversationId: lounge.id });
    const post = (await sendMessage(user.ctx, { conversationId: lounge.id, clientId: `pin-l-${lounge.id}`, text: "rules" })).message;
    await expect(pinMessage(user.ctx, { messageId: post.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await pinMessage(site.ctx, { messageId: post.id });
    expect(await pinnedTexts(user, lounge.id)).toEqual(["rules"]);

    await db.conversation.update({ where: { id: lounge.id }, data: { archivedAt: new Date() } });
    await expect(unpinMessage(site.ctx, { messageId: post.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
