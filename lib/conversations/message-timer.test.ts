import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as messageTimerRoute from "@/app/api/v1/conversations/[id]/message-timer/route";
import * as uploadsRoute from "@/app/api/v1/uploads/route";
import { listConversations } from "@/lib/conversations/list-conversations";
import { resetEnvForTests } from "@/lib/env";
import { forwardMessages } from "@/lib/messages/forward-message";
import { openDirect } from "@/lib/conversations/open-direct";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { joinGroup } from "@/lib/groups/join-group";
import { DISAPPEARED_KEPT_DAYS } from "@/lib/messages/disappeared-messages";
import { expireDueMessages } from "@/lib/messages/expire-messages";
import { listMessages } from "@/lib/messages/list-messages";
import { pinMessage } from "@/lib/messages/pin-message";
import { reactToMessage } from "@/lib/messages/react-to-message";
import { sendMessage } from "@/lib/messages/send-message";
import { starMessages } from "@/lib/messages/star-message";
import { testDb } from "@/lib/test-support/database";
import { resetStorageDriverForTests } from "@/lib/storage/storage-driver";
import { createTestUser, recordingPublisher, type TestUser } from "@/lib/test-support/fixtures";
import { setBlocked } from "@/lib/users/block-user";
import { setMessageTimer } from "./set-message-timer";

const db = testDb();
const DAY = 24 * 3600;
let n = 0;
const say = (user: TestUser, conversationId: string, text: string, extra: { replyToId?: string } = {}) =>
  sendMessage(user.ctx, { conversationId, clientId: `timer-${++n}-${conversationId.slice(0, 8)}`, text, ...extra });
const texts = async (user: TestUser, conversationId: string) =>
  (await listMessages(user.ctx, { conversationId })).messages.filter((m) => !m.system).map((m) => m.text);
/** What the sweeper would find once the timer ran out: the message's time is now. */
const runOut = (messageId: string) => db.message.update({ where: { id: messageId }, data: { expiresAt: new Date(Date.now() - 1000) } });

// This is the only test file that sweeps (the sweep is database-wide), and it keeps its uploads
// in a DATA_DIR of its own.
let dataDir: string;
const savedDataDir = process.env.DATA_DIR;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "convo-timer-"));
  process.env.DATA_DIR = dataDir;
  resetEnvForTests();
  resetStorageDriverForTests();
});
afterAll(async () => {
  if (savedDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = savedDataDir;
  resetEnvForTests();
  resetStorageDriverForTests();
  await rm(dataDir, { recursive: true, force: true });
});

/** A photo uploaded through the API, as the browser does; its id. */
async function uploadPhoto(user: TestUser, color: string): Promise<string> {
  const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: color } }).png().toBuffer();
  const form = new FormData();
  form.append("file", new File([png as Uint8Array<ArrayBuffer>], "photo.png", { type: "image/png" }));
  const req = new Request("http://localhost:3000/api/v1/uploads", { method: "POST", headers: { host: "localhost:3000", cookie: user.cookie }, body: form });
  const res = await (uploadsRoute.POST as unknown as (r: Request, c: { params: Promise<object> }) => Promise<Response>)(req, { params: Promise.resolve({}) });
  expect(res.status).toBe(201);
  return (await res.json()).attachment.id;
}

/** The admin console's call: PUT /api/v1/conversations/<id>/message-timer. */
function putMessageTimer(user: TestUser, conversationId: string, seconds: number | null): Promise<Response> {
  const req = new Request(`http://localhost:3000/api/v1/conversations/${conversationId}/message-timer`, {
    method: "PUT",
    headers: { host: "localhost:3000", cookie: user.cookie, "content-type": "application/json" },
    body: JSON.stringify({ seconds }),
  });
  return (messageTimerRoute.PUT as unknown as (r: Request, c: { params: Promise<object> }) => Promise<Response>)(req, { params: Promise.resolve({ id: conversationId }) });
}

/** Files under DATA_DIR/uploads. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(path.join(dataDir, "uploads"), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name).sort();
}

describe("disappearing messages", () => {
  it("either person of a direct chat turns it on; new messages get the timer, older ones and notices keep none", async () => {
    const publish = recordingPublisher();
    const ana = await createTestUser(db, { name: "Timer Ana", publish });
    const ben = await createTestUser(db, { name: "Timer Ben" });
    const chat = await openDirect(ana.ctx, { userId: ben.id });
    const { message: before } = await say(ana, chat.id, "said before");

    const patch = await setMessageTimer(ben.ctx, { conversationId: chat.id, seconds: 7 * DAY });
    expect(patch).toEqual({ conversationId: chat.id, messageTimerSec: 7 * DAY });
    expect((await listConversations(ana.ctx)).find((c) => c.id === chat.id)).toMatchObject({ messageTimerSec: 7 * DAY });
    const notice = (await listMessages(ana.ctx, { conversationId: chat.id })).messages.at(-1)!;
    expect(notice.system).toEqual({ kind: "messageTimer", actorName: "Timer Ben", seconds: 7 * DAY });

    const { message: after } = await say(ana, chat.id, "said after");
    const stored = await db.message.findMany({ where: { id: { in: [before.id, after.id, notice.id] } }, select: { id: true, createdAt: true, expiresAt: true } });
    const byId = new Map(stored.map((m) => [m.id, m]));
    expect(byId.get(before.id)!.expiresAt).toBeNull();
    expect(byId.get(notice.id)!.expiresAt).toBeNull();
    const lasts = byId.get(after.id)!.expiresAt!.getTime() - byId.get(after.id)!.createdAt.getTime();
    expect(lasts).toBe(7 * DAY * 1000);

    // Choosing it again says nothing; turning it off is announced, and later messages stay.
    const events = publish.events.length;
    await setMessageTimer(ana.ctx, { conversationId: chat.id, seconds: 7 * DAY });
    expect(publish.events.length).toBe(events);
    await setMessageTimer(ana.ctx, { conversationId: chat.id, seconds: null });
    expect(publish.events).toContainEqual({ to: `conv:${chat.id}`, event: "conversation:patched", payload: { conversationId: chat.id, messageTimerSec: null } });
    const { message: offAgain } = await say(ben, chat.id, "kept");
    expect((await db.message.findUniqueOrThrow({ where: { id: offAgain.id } })).expiresAt).toBeNull();
  });

  it("refuses other durations, outsiders, group members who don't manage it, and whoever blocks", async () => {
    const owner = await createTestUser(db, { name: "Timer Owner" });
    const member = await createTestUser(db);
    const outsider = await createTestUser(db);
    const group = await createPrivateGroup(owner.ctx, { name: "Vanishing", memberIds: [member.id] });

    await expect(setMessageTimer(owner.ctx, { conversationId: group.id, seconds: 60 })).rejects.toThrow(/24 hours, 7 days or 90 days/);
    await expect(setMessageTimer(outsider.ctx, { conversationId: group.id, seconds: DAY })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setMessageTimer(member.ctx, { conversationId: group.id, seconds: DAY })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: group.id } })).messageTimerSec).toBeNull();
    await expect(setMessageTimer(owner.ctx, { conversationId: group.id, seconds: 90 * DAY })).resolves.toMatchObject({ messageTimerSec: 90 * DAY });

    const chat = await openDirect(member.ctx, { userId: outsider.id });
    // Whoever blocks the other person changes the timer once they unblock.
    await setBlocked(member.ctx, { userId: outsider.id, blocked: true });
    await expect(setMessageTimer(member.ctx, { conversationId: chat.id, seconds: DAY })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: chat.id } })).messageTimerSec).toBeNull();
  });

  it("a site admin's change in a public group is audited, with the timer before and after; a private group's is not", async () => {
    const admin = await createTestUser(db, { name: "Timer Site Admin", role: "ADMIN" });
    const group = await db.conversation.create({ data: { type: "GROUP", visibility: "PUBLIC", name: "Timed public" } });
    await joinGroup(admin.ctx, { conversationId: group.id });
    await setMessageTimer(admin.ctx, { conversationId: group.id, seconds: DAY });
    await setMessageTimer(admin.ctx, { conversationId: group.id, seconds: DAY }); // no change: no entry
    const entries = await db.auditLog.findMany({ where: { targetId: group.id }, select: { actorId: true, action: true, before: true, after: true } });
    expect(entries).toEqual([{ actorId: admin.id, action: "group.messageTimer", before: { messageTimerSec: null }, after: { messageTimerSec: DAY } }]);

    const owner = await createTestUser(db);
    const own = await createPrivateGroup(owner.ctx, { name: "Timed private" });
    await setMessageTimer(owner.ctx, { conversationId: own.id, seconds: DAY });
    expect(await db.auditLog.count({ where: { targetId: own.id } })).toBe(0);
  });

  it("a site admin sets a public group's timer from the console without joining it; outsiders and plain members still can't", async () => {
    const admin = await createTestUser(db, { name: "Console Admin", role: "ADMIN" });
    const member = await createTestUser(db);
    const outsider = await createTestUser(db);
    const group = await db.conversation.create({ data: { type: "GROUP", visibility: "PUBLIC", name: "Console timed" } });
    await joinGroup(member.ctx, { conversationId: group.id });
    const timer = async (conversationId: string) => (await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).messageTimerSec;

    // Neither an outsider, who learns nothing, nor a member who isn't a site admin.
    await expect(setMessageTimer(outsider.ctx, { conversationId: group.id, seconds: DAY })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setMessageTimer(member.ctx, { conversationId: group.id, seconds: DAY })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await timer(group.id)).toBeNull();

    const res = await putMessageTimer(admin, group.id, 7 * DAY);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ conversation: { conversationId: group.id, messageTimerSec: 7 * DAY } });
    expect(await timer(group.id)).toBe(7 * DAY);
    expect(await db.participant.count({ where: { conversationId: group.id, userId: admin.id } })).toBe(0);
    // Members are told, and what they send now disappears.
    expect((await listMessages(member.ctx, { conversationId: group.id })).messages.at(-1)?.system).toEqual({ kind: "messageTimer", actorName: "Console Admin", seconds: 7 * DAY });
    const { message } = await say(member, group.id, "gone in a week");
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).expiresAt).not.toBeNull();
    expect(await db.auditLog.findMany({ where: { targetId: group.id }, select: { actorId: true, action: true, before: true, after: true } })).toEqual([
      { actorId: admin.id, action: "group.messageTimer", before: { messageTimerSec: null }, after: { messageTimerSec: 7 * DAY } },
    ]);

    // A private group stays its owner's and admins': a site admin outside it learns nothing of it.
    const owner = await createTestUser(db);
    const own = await createPrivateGroup(owner.ctx, { name: "Not the console's" });
    expect((await putMessageTimer(admin, own.id, DAY)).status).toBe(404);
    expect(await timer(own.id)).toBeNull();
  });

  it("the sweeper deletes what ran out, with its reactions, stars and pin, and tells the chat", async () => {
    const publish = recordingPublisher();
    const ana = await createTestUser(db, { name: "Sweep Ana" });
    const ben = await createTestUser(db, { name: "Sweep Ben" });
    const chat = await openDirect(ana.ctx, { userId: ben.id });
    await setMessageTimer(ana.ctx, { conversationId: chat.id, seconds: DAY });
    const { message: gone } = await say(ana, chat.id, "self-destructs");
    const { message: reply } = await say(ben, chat.id, "noted", { replyToId: gone.id });
    await reactToMessage(ben.ctx, { messageId: gone.id, emoji: "🔥" });
    await starMessages(ben.ctx, { messageIds: [gone.id], starred: true });
    await pinMessage(ana.ctx, { messageId: gone.id, duration: "24h" });
    const { message: stays } = await say(ana, chat.id, "not yet");
    await runOut(gone.id);
    await runOut(reply.id);

    expect(await expireDueMessages(db, publish)).toBe(2);
    expect(publish.events).toContainEqual({
      to: `conv:${chat.id}`,
      event: "messages:expired",
      payload: { conversationId: chat.id, messageIds: expect.arrayContaining([gone.id, reply.id]) },
    });
    expect(await texts(ben, chat.id)).toEqual(["not yet"]);
    expect(await db.reaction.count({ where: { messageId: gone.id } })).toBe(0);
    expect(await db.star.count({ where: { messageId: gone.id } })).toBe(0);
    expect(await db.pinnedMessage.count({ where: { conversationId: chat.id } })).toBe(0);
    expect((await listConversations(ben.ctx)).find((c) => c.id === chat.id)?.lastMessage?.id).toBe(stays.id);
    // Nothing else was due: a second sweep finds nothing.
    expect(await expireDueMessages(db, publish)).toBe(0);
  });

  it("a retry of a send that disappeared before its ack came back is answered GONE, not stored again", async () => {
    const ana = await createTestUser(db, { name: "Retry Ana" });
    const ben = await createTestUser(db, { name: "Retry Ben" });
    const chat = await openDirect(ana.ctx, { userId: ben.id });
    await setMessageTimer(ana.ctx, { conversationId: chat.id, seconds: DAY });
    const clientId = `lost-ack-${chat.id.slice(0, 8)}`;
    const { message } = await sendMessage(ana.ctx, { conversationId: chat.id, clientId, text: "seen once" });
    // Still there: a retry is answered with the stored message, as always.
    await expect(sendMessage(ana.ctx, { conversationId: chat.id, clientId, text: "seen once", retry: true })).resolves.toMatchObject({ duplicate: true, message: { id: message.id } });
    await runOut(message.id);
    expect(await expireDueMessages(db, recordingPublisher())).toBe(1);

    await expect(sendMessage(ana.ctx, { conversationId: chat.id, clientId, text: "seen once", retry: true })).rejects.toMatchObject({ code: "GONE" });
    expect(await texts(ben, chat.id)).toEqual([]);
    // Someone else's client id is their own; and a retry whose first attempt never arrived is stored.
    await expect(sendMessage(ben.ctx, { conversationId: chat.id, clientId, text: "mine", retry: true })).resolves.toMatchObject({ duplicate: false });
    await expect(sendMessage(ana.ctx, { conversationId: chat.id, clientId: `${clientId}-2`, text: "late", retry: true })).resolves.toMatchObject({ duplicate: false });
    expect(await texts(ben, chat.id)).toEqual(["mine", "late"]);

    // Remembered for DISAPPEARED_KEPT_DAYS, then forgotten by a later sweep.
    const longAgo = new Date(Date.now() - (DISAPPEARED_KEPT_DAYS * DAY + 60) * 1000);
    await db.disappearedMessage.update({ where: { senderId_clientId: { senderId: ana.id, clientId } }, data: { disappearedAt: longAgo } });
    await expireDueMessages(db, recordingPublisher());
    expect(await db.disappearedMessage.count({ where: { senderId: ana.id } })).toBe(0);
  });

  it("a message that disappears unread no longer counts in the chat list's unread badge", async () => {
    const ana = await createTestUser(db, { name: "Unread Ana" });
    const ben = await createTestUser(db, { name: "Unread Ben" });
    const chat = await openDirect(ana.ctx, { userId: ben.id });
    await setMessageTimer(ana.ctx, { conversationId: chat.id, seconds: DAY });
    const { message: gone } = await say(ana, chat.id, "gone before Ben looks");
    await say(ana, chat.id, "still here");
    const badge = async () => (await listConversations(ben.ctx)).find((c) => c.id === chat.id)?.unreadCount;
    expect(await badge()).toBe(2);

    await runOut(gone.id);
    expect(await expireDueMessages(db, recordingPublisher())).toBe(1);
    expect(await badge()).toBe(1);
  });

  it("a disappearing photo's file goes with it, unless a forwarded copy elsewhere still shows it", async () => {
    const ana = await createTestUser(db, { name: "Photo Ana" });
    const ben = await createTestUser(db, { name: "Photo Ben" });
    const chat = await openDirect(ana.ctx, { userId: ben.id });
    const elsewhere = await openDirect(ben.ctx, { userId: (await createTestUser(db)).id });
    await setMessageTimer(ana.ctx, { conversationId: chat.id, seconds: DAY });
    const send = async (attachmentId: string) =>
      (await sendMessage(ana.ctx, { conversationId: chat.id, clientId: `photo-${attachmentId.slice(0, 8)}`, attachmentIds: [attachmentId] })).message;
    const onlyHere = await send(await uploadPhoto(ana, "#c33"));
    const forwarded = await send(await uploadPhoto(ana, "#3c3"));
    await forwardMessages(ben.ctx, { messageIds: [forwarded.id], conversationIds: [elsewhere.id], clientId: "photo-forward" });
    const keys = async (messageId: string) => {
      const a = await db.attachment.findFirstOrThrow({ where: { messageId } });
      return [a.storageKey, a.thumbnailKey!].map((k) => path.basename(k)).sort();
    };
    const gone = await keys(onlyHere.id);
    const kept = await keys(forwarded.id);
    expect(await storedFiles()).toEqual([...gone, ...kept].sort());

    await runOut(onlyHere.id);
    await runOut(forwarded.id);
    expect(await expireDueMessages(db, recordingPublisher())).toBe(2);
    expect(await storedFiles()).toEqual(kept);
    expect(await db.attachment.count({ where: { messageId: { in: [onlyHere.id, forwarded.id] } } })).toBe(0);
  });
});
