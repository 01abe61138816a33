// Where files go when what showed them goes, who may fetch them, and which uploads are refused.
import { randomUUID } from "node:crypto";
import { crc32 } from "node:zlib";
import { access } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { createPublicGroup, deletePublicGroup } from "@/lib/admin/manage-groups";
import { openDirect } from "@/lib/conversations/open-direct";
import { joinGroup } from "@/lib/groups/join-group";
import { deleteMessages } from "@/lib/messages/delete-message";
import { forwardMessages } from "@/lib/messages/forward-message";
import { expireDueMessages } from "@/lib/messages/expire-messages";
import { listMessages } from "@/lib/messages/list-messages";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher } from "@/lib/test-support/fixtures";
import { updateProfile } from "@/lib/users/profile";
import { removeUnsentUploads } from "./remove-unsent-uploads";
import { mp4Box } from "./test-support/mp4-boxes";
import { fetchAttachment, upload, uploadOk, withTempDataDir } from "./test-support/upload-requests";

const db = testDb();
const dataDir = withTempDataDir("convo-file-lifecycle-", 2 * 1024 * 1024);

const png = (w = 80, h = 60) => sharp({ create: { width: w, height: h, channels: 3, background: "#4a4" } }).png().toBuffer();

/** The stored files (original and thumbnail) of an attachment, by the keys its row had. */
async function storedKeys(attachmentId: string): Promise<string[]> {
  const row = await db.attachment.findUniqueOrThrow({ where: { id: attachmentId }, select: { storageKey: true, thumbnailKey: true } });
  return [row.storageKey, row.thumbnailKey].filter((k): k is string => k !== null);
}
const onDisk = (key: string) => access(path.join(dataDir(), "uploads", ...key.split("/"))).then(() => true, () => false);

/** Every cleanup the server runs on its own, as eagerly as it ever would. */
async function runAllSweeps() {
  await removeUnsentUploads(db, 0);
  await expireDueMessages(db, recordingPublisher());
}

describe("files of messages that are gone", () => {
  it("a photo deleted for everyone leaves the disk, once no forwarded copy shows it", async () => {
    const [alice, bob, carol] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db)]);
    const chatId = (await openDirect(alice.ctx, { userId: bob.id })).id;
    const otherId = (await openDirect(bob.ctx, { userId: carol.id })).id;
    const photo = await uploadOk(alice, { bytes: await png(), name: "private.png", type: "image/png" });
    const keys = await storedKeys(photo.id);
    const { message } = await sendMessage(alice.ctx, { conversationId: chatId, clientId: randomUUID(), attachmentIds: [photo.id] });
    const [copy] = await forwardMessages(bob.ctx, { messageIds: [message.id], conversationIds: [otherId], clientId: randomUUID() });

    await deleteMessages(alice.ctx, { messageIds: [message.id], for: "everyone" });
    expect((await fetchAttachment(bob, photo.id)).status).toBe(404);
    // Bob's forward to Carol still shows it.
    for (const key of keys) expect(await onDisk(key), key).toBe(true);

    await deleteMessages(bob.ctx, { messageIds: [copy!.id], for: "everyone" });
    await runAllSweeps();
    for (const key of keys) expect(await onDisk(key), key).toBe(false);
  });

  it("a public group deleted by an admin takes its members' files with it", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const member = await createTestUser(db);
    const group = await createPublicGroup(admin.ctx, { name: `Files ${randomUUID().slice(0, 6)}`, icon: "💬", iconBg: "#25a366" });
    await joinGroup(member.ctx, { conversationId: group.id });
    const file = await uploadOk(member, { bytes: await png(), name: "shared.png", type: "image/png" });
    const keys = await storedKeys(file.id);
    await sendMessage(member.ctx, { conversationId: group.id, clientId: randomUUID(), attachmentIds: [file.id] });

    await deletePublicGroup(admin.ctx, { conversationId: group.id, confirmName: group.name! });
    expect(await db.attachment.count({ where: { id: file.id } })).toBe(0);
    await runAllSweeps();
    for (const key of keys) expect(await onDisk(key), key).toBe(false);
  });
});

describe("site admins moderating a public group", () => {
  it("see the group's photos, not only the messages that carry them", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const member = await createTestUser(db);
    const group = await createPublicGroup(admin.ctx, { name: `Moderated ${randomUUID().slice(0, 6)}`, icon: "💬", iconBg: "#25a366" });
    await joinGroup(member.ctx, { conversationId: group.id });
    const photo = await uploadOk(member, { bytes: await png(), name: "report-me.png", type: "image/png" });
    await sendMessage(member.ctx, { conversationId: group.id, clientId: randomUUID(), attachmentIds: [photo.id] });

    // The admin (not a member) reads the history to moderate it, photo included.
    const page = await listMessages(admin.ctx, { conversationId: group.id });
    expect(page.messages.some((m) => m.attachments.some((a) => a.id === photo.id))).toBe(true);
    const res = await fetchAttachment(admin, photo.id);
    await res.body?.cancel();
    expect(res.status).toBe(200);
  });
});

describe("profile pictures", () => {
  it("can't be sent as a message's file (it would go with the message), and only an avatar upload becomes one", async () => {
    const [alice, bob, carol] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db)]);
    const chatId = (await openDirect(alice.ctx, { userId: bob.id })).id;
    const picture = await uploadOk(alice, { bytes: await png(300, 300), name: "me.png", type: "image/png" }, "?purpose=avatar");
    await updateProfile(alice.ctx, { avatarAttachmentId: picture.id });

    // Its id is public (avatarUrl), so a send can name it: refused.
    await expect(sendMessage(alice.ctx, { conversationId: chatId, clientId: randomUUID(), attachmentIds: [picture.id] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Your profile picture can't be sent as a file",
    });
    const seenByCarol = await fetchAttachment(carol, picture.id);
    await seenByCarol.body?.cancel();
    expect(seenByCarol.status).toBe(200);

    // A photo uploaded for a message (full size) is not a profile picture.
    const photo = await uploadOk(alice, { bytes: await png(300, 300), name: "holiday.png", type: "image/png" });
    await expect(updateProfile(alice.ctx, { avatarAttachmentId: photo.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.user.findUniqueOrThrow({ where: { id: alice.id } })).avatarUrl).toContain(picture.id);
  });
});

const box = mp4Box;

describe("voice messages", () => {
  it("an audio-only MP4 (Safari records voice notes so) is a voice message, not a video", async () => {
    const alice = await createTestUser(db);
    // ftyp with a generic major brand (file-type calls it video/mp4), one 'soun' track.
    const ftyp = box("ftyp", Buffer.from("mp42"), Buffer.alloc(4), Buffer.from("isommp41mp42"));
    const hdlr = box("hdlr", Buffer.alloc(8), Buffer.from("soun"), Buffer.alloc(12), Buffer.from("SoundHandler\0"));
    const file = Buffer.concat([ftyp, box("moov", box("trak", box("mdia", hdlr))), box("mdat", Buffer.alloc(2000, 0x21))]);
    const voice = await uploadOk(alice, { bytes: file, name: "Voice message 2026-11-22 at 21.07.05.m4a", type: "audio/mp4" });
    expect(voice).toMatchObject({ kind: "AUDIO", mime: "audio/mp4", name: "Voice message 2026-11-22 at 21.07.05.m4a" });
  });
});

/** A PNG that says it is `width` × `height` pixels (its header only has to be right to be refused). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const bytes = Buffer.from(await png(8, 8));
  // IHDR follows the 8-byte signature: length (4), type (4), width (4), height (4), ... CRC (4).
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
  return bytes;
}

describe("photos that can't be re-encoded", () => {
  it("are refused with a reason instead of reaching the other person with their EXIF location", async () => {
    const alice = await createTestUser(db);
    const withGps = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#2a6" } })
      .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" } })
      .jpeg()
      .toBuffer();
    // Damaged: cut in the middle of its image data.
    const damaged = await upload(alice, { bytes: withGps.subarray(0, Math.floor(withGps.length * 0.6)), name: "IMG_2041.jpg", type: "image/jpeg" });
    expect({ status: damaged.status, body: await damaged.json() }).toEqual({
      status: 415,
      body: { error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "This photo could not be read: it may be damaged" } },
    });
    // More pixels than we decode (a 200 MP camera mode).
    const huge = await upload(alice, { bytes: await pngClaiming(16_384, 12_288), name: "IMG_2042.png", type: "image/png" });
    expect({ status: huge.status, body: await huge.json() }).toEqual({
      status: 413,
      body: { error: { code: "PAYLOAD_TOO_LARGE", message: "Photos can be at most 100 megapixels" } },
    });
    expect(await db.attachment.count({ where: { ownerId: alice.id } })).toBe(0);
  });
});
