import { describe, expect, it } from "vitest";
import { createPublicGroup } from "@/lib/admin/manage-groups";
import { openDirect } from "@/lib/conversations/open-direct";
import { joinGroup } from "@/lib/groups/join-group";
import { testDb } from "@/lib/test-support/database";
import { createTestUser } from "@/lib/test-support/fixtures";
import { DELETE_FOR_EVERYONE_WINDOW_MS, EDIT_WINDOW_MS, mayStillDeleteForEveryone, mayStillEdit } from "./change-windows";
import { deleteMessages } from "./delete-message";
import { editMessage } from "./edit-message";
import { listMessages } from "./list-messages";
import { sendMessage } from "./send-message";

const db = testDb();
let n = 0;
const cid = () => `window-${Date.now().toString(36)}-${n++}-abcd`;
const MINUTE = 60_000;

/** As if sent `ms` ago. */
const sentAgo = (messageId: string, ms: number) => db.message.update({ where: { id: messageId }, data: { createdAt: new Date(Date.now() - ms) } });

async function chat() {
  const ana = await createTestUser(db, { name: "Window Ana" });
  const ben = await createTestUser(db, { name: "Window Ben" });
  const dm = await openDirect(ana.ctx, { userId: ben.id });
  const say = async (text: string) => (await sendMessage(ana.ctx, { conversationId: dm.id, clientId: cid(), text })).message;
  const shownToBen = async (id: string) => (await listMessages(ben.ctx, { conversationId: dm.id })).messages.find((m) => m.id === id);
  return { ana, ben, dm, say, shownToBen };
}

describe("the windows, as the menu asks them", () => {
  it("close 15 minutes (edit) and 60 hours (delete for everyone) after sending", () => {
    const sent = new Date("2026-11-25T10:00:00Z");
    expect(mayStillEdit(sent, sent.getTime() + EDIT_WINDOW_MS)).toBe(true);
    expect(mayStillEdit(sent.toISOString(), sent.getTime() + EDIT_WINDOW_MS + 1)).toBe(false);
    expect(mayStillDeleteForEveryone(sent, sent.getTime() + 59 * 3_600_000)).toBe(true);
    expect(mayStillDeleteForEveryone(sent, sent.getTime() + DELETE_FOR_EVERYONE_WINDOW_MS + 1)).toBe(false);
  });
});

describe("editing a message once its 15 minutes have passed", () => {
  it("is refused with the reason, and the other person keeps the text", async () => {
    const { ana, say, shownToBen } = await chat();
    const recent = await say("see you at 8");
    await sentAgo(recent.id, 14 * MINUTE);
    expect((await editMessage(ana.ctx, { messageId: recent.id, text: "see you at 9" })).text).toBe("see you at 9");
    // The retry of that edit, arriving after the window closed, is answered as done.
    await sentAgo(recent.id, 16 * MINUTE);
    expect((await editMessage(ana.ctx, { messageId: recent.id, text: "see you at 9" })).text).toBe("see you at 9");

    const old = await say("the code is 1234");
    await sentAgo(old.id, 16 * MINUTE);
    await expect(editMessage(ana.ctx, { messageId: old.id, text: "the code is 9999" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A message can only be edited within 15 minutes of sending it",
    });
    expect(await shownToBen(old.id)).toMatchObject({ text: "the code is 1234", editedAt: null });
  });
});

describe("deleting a message for everyone once its 60 hours have passed", () => {
  it("is refused with the reason; deleting it for me still works, and a repeat of an earlier delete still answers", async () => {
    const { ana, say, shownToBen } = await chat();
    const old = await say("from three days ago");
    await sentAgo(old.id, 61 * 3_600_000);
    await expect(deleteMessages(ana.ctx, { messageIds: [old.id], for: "everyone" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A message can only be deleted for everyone within 60 hours of sending it",
    });
    expect(await shownToBen(old.id)).toMatchObject({ text: "from three days ago", deletedAt: null });
    expect(await deleteMessages(ana.ctx, { messageIds: [old.id], for: "me" })).toEqual({ deleted: [{ messageId: old.id, byAdmin: false }] });

    const recent = await say("oops, wrong chat");
    await sentAgo(recent.id, 59 * 3_600_000);
    await deleteMessages(ana.ctx, { messageIds: [recent.id], for: "everyone" });
    expect(await shownToBen(recent.id)).toMatchObject({ text: null, deletedAt: expect.any(String) });
    // The retry of that delete, arriving after the window closed.
    await sentAgo(recent.id, 61 * 3_600_000);
    expect(await deleteMessages(ana.ctx, { messageIds: [recent.id], for: "everyone" })).toEqual({ deleted: [{ messageId: recent.id, byAdmin: false }] });
  });

  it("does not limit a site admin moderating a public group", async () => {
    const admin = await createTestUser(db, { name: "Window Admin", role: "ADMIN" });
    const member = await createTestUser(db, { name: "Window Member" });
    const town = await createPublicGroup(admin.ctx, { name: `Window Town ${cid()}`, icon: "💬", iconBg: "#25a366" });
    await joinGroup(member.ctx, { conversationId: town.id });
    const { message } = await sendMessage(member.ctx, { conversationId: town.id, clientId: cid(), text: "spam from last week" });
    await sentAgo(message.id, 7 * 24 * 3_600_000);
    expect(await deleteMessages(admin.ctx, { messageIds: [message.id], for: "everyone" })).toEqual({ deleted: [{ messageId: message.id, byAdmin: true }] });
  });
});
