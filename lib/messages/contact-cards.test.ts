import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { exportChat } from "@/lib/conversations/export-chat";
import { openDirect } from "@/lib/conversations/open-direct";
import { deleteMessages } from "@/lib/messages/delete-message";
import { editMessage } from "@/lib/messages/edit-message";
import { forwardMessages } from "@/lib/messages/forward-message";
import { listMessages } from "@/lib/messages/list-messages";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { createTestUser } from "@/lib/test-support/fixtures";
import { updateProfile } from "@/lib/users/profile";

const db = testDb();

describe("contact cards", () => {
  it("shares someone's name and @username as they were, with no photo; a rename later leaves the card as sent", async () => {
    const ana = await createTestUser(db, { name: "Card Sharer" });
    const ben = await createTestUser(db, { name: "Card Reader" });
    const cleo = await createTestUser(db, { name: "Card Subject" });
    const chat = await openDirect(ana.ctx, { userId: ben.id });
    const stored = await db.user.findUniqueOrThrow({ where: { id: cleo.id }, select: { username: true, initials: true, avatarColor: true } });

    const { message } = await sendMessage(ana.ctx, { conversationId: chat.id, clientId: randomUUID(), contact: { userId: cleo.id } });
    const card = { id: cleo.id, name: "Card Subject", username: stored.username, initials: stored.initials, avatarColor: stored.avatarColor };
    expect(message).toMatchObject({ type: "CONTACT", text: null, contact: card });

    await updateProfile(cleo.ctx, { name: "Renamed Subject" });
    const seen = (await listMessages(ben.ctx, { conversationId: chat.id })).messages.find((m) => m.id === message.id);
    expect(seen?.contact).toEqual(card);
    let exported = "";
    for await (const chunk of (await exportChat(ana.ctx, { conversationId: chat.id })).lines) exported += chunk;
    expect(exported).toContain(`Card Sharer: 👤 Card Subject (@${stored.username})`);
  });

  it("is sent on its own, of someone who exists, and can't be edited; forwarded it stays a card, deleted it is gone", async () => {
    const ana = await createTestUser(db, { name: "Card Rules Ana" });
    const ben = await createTestUser(db, { name: "Card Rules Ben" });
    const cleo = await createTestUser(db, { name: "Card Rules Cleo" });
    const chat = await openDirect(ana.ctx, { userId: ben.id });
    const other = await openDirect(ana.ctx, { userId: cleo.id });
    const send = (input: Record<string, unknown>) => sendMessage(ana.ctx, { conversationId: chat.id, clientId: randomUUID(), ...input });

    await expect(send({ contact: { userId: randomUUID() } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(send({ contact: { userId: cleo.id }, text: "and a caption" })).rejects.toThrow("A contact is sent on its own");
    await expect(send({ contact: { userId: cleo.id }, location: { lat: 1, lng: 2 } })).rejects.toThrow("A contact is sent on its own");

    const { message } = await send({ contact: { userId: cleo.id } });
    await expect(editMessage(ana.ctx, { messageId: message.id, text: "now with text" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const [copy] = await forwardMessages(ana.ctx, { messageIds: [message.id], conversationIds: [other.id], clientId: randomUUID() });
    expect(copy).toMatchObject({ type: "CONTACT", forwarded: true, contact: { id: cleo.id, name: "Card Rules Cleo" } });

    await deleteMessages(ana.ctx, { messageIds: [message.id], for: "everyone" });
    const gone = (await listMessages(ben.ctx, { conversationId: chat.id })).messages.find((m) => m.id === message.id);
    expect(gone).toMatchObject({ type: "CONTACT", contact: null });
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id }, select: { metadata: true } })).metadata).toBeNull();
  });
});
