import { randomBytes } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearChat } from "@/lib/conversations/clear-chat";
import { openDirect } from "@/lib/conversations/open-direct";
import { deleteMessages } from "@/lib/messages/delete-message";
import { forwardMessages } from "@/lib/messages/forward-message";
import { listMessages } from "@/lib/messages/list-messages";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, type TestUser } from "@/lib/test-support/fixtures";
import { setBlocked } from "@/lib/users/block-user";
import { updateProfile } from "@/lib/users/profile";
import { removeUnsentUploads, UNSENT_UPLOAD_TTL_HOURS } from "./remove-unsent-uploads";
import { startUploadThingStandIn } from "./test-support/uploadthing-stand-in";
import { BASE, fetchAttachment, setEnv, upload, uploadOk, uploadPost, withTempDataDir } from "./test-support/upload-requests";

const db = testDb();
const MAX_BYTES = 256 * 1024;
const dataDir = withTempDataDir("convo-uploads-", MAX_BYTES);

let alice: TestUser;
let bob: TestUser;
let outsider: TestUser;
let directId: string;

beforeAll(async () => {
  alice = await createTestUser(db, { name: "Alice Upload" });
  bob = await createTestUser(db, { name: "Bob Upload" });
  outsider = await createTestUser(db, { name: "Olga Outsider" });
  directId = (await openDirect(alice.ctx, { userId: bob.id })).id;
});

// --- helpers ---------------------------------------------------------------------------------

const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

/** Every regular file below DATA_DIR's uploads/ and tmp/. */
async function storedFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const sub of ["uploads", "tmp"]) {
    const dir = path.join(dataDir(), sub);
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    out.push(...entries.filter((e) => e.isFile()).map((e) => path.relative(dataDir(), path.join(e.parentPath, e.name))));
  }
  return out.sort();
}

/** A multipart body produced lazily in chunks, so a test sees how much of it the server pulled. */
function streamingUpload(user: TestUser, opts: { totalBytes: number; chunk: number; failAfter?: number; contentLength?: number }) {
  const boundary = "----convo-test-boundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  // pulled: every byte handed out; fileBytes: bytes of the file part (the head is pulled by the
  // stream itself as soon as the Request exists).
  const state = { pulled: 0, fileBytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (state.pulled === 0) {
        controller.enqueue(head);
        state.pulled += head.length;
        return;
      }
      if (opts.failAfter !== undefined && state.fileBytes >= opts.failAfter) {
        await new Promise((r) => setTimeout(r, 20));
        controller.error(new Error("client went away"));
        return;
      }
      if (state.fileBytes >= opts.totalBytes) {
        controller.enqueue(tail);
        controller.close();
        return;
      }
      const n = Math.min(opts.chunk, opts.totalBytes - state.fileBytes);
      controller.enqueue(randomBytes(n));
      state.fileBytes += n;
      state.pulled += n;
    },
  });
  const headers: Record<string, string> = { host: "localhost:3000", cookie: user.cookie, "content-type": `multipart/form-data; boundary=${boundary}` };
  if (opts.contentLength !== undefined) headers["content-length"] = String(opts.contentLength);
  const req = new Request(`${BASE}/api/v1/uploads`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
  return { response: uploadPost(req, { params: Promise.resolve({}) }), state };
}

async function pngWithExif(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 60 } } })
    .withExif({
      IFD0: { Copyright: "Alice's camera", ImageDescription: "home" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" },
    })
    .png()
    .toBuffer();
}

function wav(dataBytes: number): Buffer {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(dataBytes, 40);
  return Buffer.concat([header, randomBytes(dataBytes)]);
}

beforeEach(async () => {
  // Each case starts from a clean store, so "nothing left behind" checks are exact.
  await rm(path.join(dataDir(), "uploads"), { recursive: true, force: true });
  await rm(path.join(dataDir(), "tmp"), { recursive: true, force: true });
});

// --- tests -----------------------------------------------------------------------------------

describe("POST /api/v1/uploads", () => {
  it("refuses an unauthenticated upload (401) and a cross-origin one (403)", async () => {
    const file = { bytes: Buffer.from("hello"), name: "a.txt", type: "text/plain" };
    const anonymous = await upload(null, file);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("UNAUTHENTICATED");
    const crossSite = await upload(alice, file, { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(await storedFiles()).toEqual([]);
  });

  it("cuts off an over-size body mid-stream with 413 and leaves no file behind", async () => {
    const before = await db.attachment.count({ where: { ownerId: alice.id } });
    const total = 8 * 1024 * 1024;
    const { response, state } = streamingUpload(alice, { totalBytes: total, chunk: 16 * 1024 });
    const res = await response;
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    // The server stopped reading soon after the limit instead of swallowing 8 MB.
    expect(state.fileBytes).toBeLessThan(MAX_BYTES + 512 * 1024);
    expect(await storedFiles()).toEqual([]);
    expect(await db.attachment.count({ where: { ownerId: alice.id } })).toBe(before);
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    const { response, state } = streamingUpload(alice, { totalBytes: 4 * 1024 * 1024, chunk: 16 * 1024, contentLength: 4 * 1024 * 1024 + 300 });
    const res = await response;
    expect(res.status).toBe(413);
    expect(state.fileBytes).toBeLessThanOrEqual(16 * 1024);
  });

  it("removes the partial file when the client aborts mid-upload", async () => {
    const { response, state } = streamingUpload(alice, { totalBytes: 200 * 1024, chunk: 16 * 1024, failAfter: 64 * 1024 });
    const res = await response;
    expect(res.status).toBe(400);
    expect(state.fileBytes).toBeGreaterThanOrEqual(64 * 1024);
    expect(await storedFiles()).toEqual([]);
  });

  it("sniffs the bytes: HTML named evil.png sent as image/png is a FILE served only as a download", async () => {
    const html = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
    const attachment = await uploadOk(alice, { bytes: html, name: "evil.png", type: "image/png" });
    expect(attachment).toMatchObject({ kind: "FILE", mime: "application/octet-stream", name: "evil.png", width: null, height: null, hasThumbnail: false, size: html.length });

    const res = await fetchAttachment(alice, attachment.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="evil.png"; filename*=UTF-8''evil.png`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    // Not on a message yet: asked again on each load (see the cache test below).
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect((await bytesOf(res)).equals(html)).toBe(true);
    expect((await fetchAttachment(alice, attachment.id, { thumb: true })).status).toBe(404);
  });

  it("re-encodes a PNG with EXIF/GPS: right size, thumbnail, no metadata left", async () => {
    const png = await pngWithExif(640, 480);
    expect((await sharp(png).metadata()).exif).toBeDefined(); // the input really carries EXIF
    const attachment = await uploadOk(alice, { bytes: png, name: "../../holiday\u202Egnp.exe.png", type: "application/octet-stream" });
    expect(attachment).toMatchObject({ kind: "IMAGE", mime: "image/png", width: 640, height: 480, hasThumbnail: true, name: "holidaygnp.exe.png" });

    const res = await fetchAttachment(alice, attachment.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toMatch(/^inline; /);
    const served = await bytesOf(res);
    expect(served.length).toBe(attachment.size);
    const meta = await sharp(served).metadata();
    expect(meta).toMatchObject({ format: "png", width: 640, height: 480 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();

    const thumbRes = await fetchAttachment(alice, attachment.id, { thumb: true });
    expect(thumbRes.status).toBe(200);
    expect(thumbRes.headers.get("content-type")).toBe("image/webp");
    const thumbMeta = await sharp(await bytesOf(thumbRes)).metadata();
    expect(thumbMeta).toMatchObject({ format: "webp", width: 320, height: 240 });
    expect(thumbMeta.exif).toBeUndefined();

    // Original and thumbnail are stored under their own keys; the temp dir is empty again.
    const row = await db.attachment.findUniqueOrThrow({ where: { id: attachment.id } });
    expect(row).toMatchObject({ ownerId: alice.id, messageId: null, driver: "local" });
    expect(await storedFiles()).toEqual([`uploads/${row.storageKey}`, `uploads/${row.thumbnailKey}`].sort());
  });

  it("turns a JPEG upright by its EXIF orientation and drops the orientation tag", async () => {
    const jpeg = await sharp({ create: { width: 120, height: 60, channels: 3, background: "#2a6" } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const attachment = await uploadOk(alice, { bytes: jpeg, name: "IMG_0001.JPG", type: "image/jpeg" });
    expect(attachment).toMatchObject({ kind: "IMAGE", mime: "image/jpeg", width: 60, height: 120 });
    const meta = await sharp(await bytesOf(await fetchAttachment(alice, attachment.id))).metadata();
    expect(meta).toMatchObject({ width: 60, height: 120 });
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
  });

  it("avatar uploads: images only, cropped to a 256×256 WebP", async () => {
    const jpeg = await sharp({ create: { width: 600, height: 300, channels: 3, background: "#39f" } }).jpeg().toBuffer();
    const avatar = await uploadOk(alice, { bytes: jpeg, name: "me.jpg", type: "image/jpeg" }, "?purpose=avatar");
    expect(avatar).toMatchObject({ kind: "IMAGE", mime: "image/webp", width: 256, height: 256, hasThumbnail: false, name: "me.webp" });
    const meta = await sharp(await bytesOf(await fetchAttachment(alice, avatar.id))).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 256, height: 256 });

    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const refused = await upload(alice, { bytes: pdf, name: "me.pdf", type: "application/pdf" }, { query: "?purpose=avatar" });
    expect(refused.status).toBe(415);
    const bad = await upload(alice, { bytes: jpeg, name: "me.jpg", type: "image/jpeg" }, { query: "?purpose=banner" });
    expect(bad.status).toBe(400);
    expect(await storedFiles()).toHaveLength(1); // only the accepted avatar
  });

  it("classifies audio and video by their bytes; PDFs are files shown inline", async () => {
    const audio = await uploadOk(alice, { bytes: wav(1000), name: "note", type: "text/html" });
    expect(audio).toMatchObject({ kind: "AUDIO", mime: "audio/wav", name: "note.wav" });
    const pdf = await uploadOk(alice, { bytes: Buffer.from("%PDF-1.4\n%%EOF\n"), name: "Résumé «final».pdf", type: "text/html" });
    expect(pdf).toMatchObject({ kind: "FILE", mime: "application/pdf" });
    const res = await fetchAttachment(alice, pdf.id);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      `inline; filename="R_sum_ _final_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%C2%ABfinal%C2%BB.pdf`,
    );
    await res.body?.cancel();
  });

  it("rejects a body that is not multipart, or has no file field", async () => {
    const json = await uploadPost(
      new Request(`${BASE}/api/v1/uploads`, { method: "POST", headers: { host: "localhost:3000", cookie: alice.cookie, "content-type": "application/json" }, body: "{}" }),
      { params: Promise.resolve({}) },
    );
    expect(json.status).toBe(415);
    const form = new FormData();
    form.append("other", "value");
    const noFile = await uploadPost(
      new Request(`${BASE}/api/v1/uploads`, { method: "POST", headers: { host: "localhost:3000", cookie: alice.cookie }, body: form }),
      { params: Promise.resolve({}) },
    );
    expect(noFile.status).toBe(400);
    const empty = await upload(alice, { bytes: new Uint8Array(0), name: "empty.txt", type: "text/plain" });
    expect(empty.status).toBe(400);
    expect(await storedFiles()).toEqual([]);
  });
});

describe("GET /api/v1/attachments/:id", () => {
  it("serves the owner before it is sent, then the chat's members only; others get 404", async () => {
    const png = await pngWithExif(400, 400);
    const attachment = await uploadOk(bob, { bytes: png, name: "plan.png", type: "image/png" });

    // Not sent yet: only its owner can read it.
    for (const thumb of [false, true]) {
      const own = await fetchAttachment(bob, attachment.id, { thumb });
      expect(own.status).toBe(200);
      await own.body?.cancel();
    }
    expect((await fetchAttachment(alice, attachment.id)).status).toBe(404);

    await sendMessage(bob.ctx, { conversationId: directId, clientId: `att-${attachment.id.slice(0, 8)}`, attachmentIds: [attachment.id] });

    for (const thumb of [false, true]) {
      const member = await fetchAttachment(alice, attachment.id, { thumb });
      expect(member.status).toBe(200);
      await member.body?.cancel();

      const denied = await fetchAttachment(outsider, attachment.id, { thumb });
      expect(denied.status).toBe(404);
      const text = await denied.text();
      expect(JSON.parse(text).error.code).toBe("NOT_FOUND");
      expect(text).not.toContain("plan.png");
      expect(denied.headers.get("content-disposition")).toBeNull();

      expect((await fetchAttachment(null, attachment.id, { thumb })).status).toBe(401);
    }
    // Ids that do not exist or are not ids: the same 404.
    expect((await fetchAttachment(alice, "6f1c7a4e-5b7d-4c59-9a51-0d2c1b7e9f10")).status).toBe(404);
    expect((await fetchAttachment(alice, "../../etc/passwd")).status).toBe(404);

    // Leaving the chat ends access.
    await db.participant.update({ where: { conversationId_userId: { conversationId: directId, userId: alice.id } }, data: { leftAt: new Date() } });
    try {
      expect((await fetchAttachment(alice, attachment.id)).status).toBe(404);
    } finally {
      await db.participant.update({ where: { conversationId_userId: { conversationId: directId, userId: alice.id } }, data: { leftAt: null } });
    }
  });

  it("is 404 to me once its message is deleted for me, cleared by me, or withheld from me; the sender keeps it", async () => {
    const [sender, reader] = await Promise.all([createTestUser(db, { name: "Sara Sender" }), createTestUser(db, { name: "Reza Reader" })]);
    const chatId = (await openDirect(sender.ctx, { userId: reader.id })).id;
    const png = await pngWithExif(60, 60);
    let n = 0;
    const sendFile = async () => {
      const attachment = await uploadOk(sender, { bytes: png, name: `photo-${++n}.png`, type: "image/png" });
      const { message } = await sendMessage(sender.ctx, { conversationId: chatId, clientId: `gone-for-me-${n}-${chatId.slice(0, 8)}`, attachmentIds: [attachment.id] });
      return { attachmentId: attachment.id, messageId: message.id };
    };
    const status = async (user: TestUser, id: string) => {
      const res = await fetchAttachment(user, id);
      await res.body?.cancel();
      return res.status;
    };

    const deletedForMe = await sendFile();
    expect(await status(reader, deletedForMe.attachmentId)).toBe(200);
    await deleteMessages(reader.ctx, { messageIds: [deletedForMe.messageId], for: "me" });

    const cleared = await sendFile();
    await clearChat(reader.ctx, { conversationId: chatId });

    await setBlocked(reader.ctx, { userId: sender.id, blocked: true });
    const withheld = await sendFile();

    for (const file of [deletedForMe, cleared, withheld]) {
      expect(await status(reader, file.attachmentId)).toBe(404);
      expect(await status(sender, file.attachmentId)).toBe(200);
    }
  });

  it("a profile picture is revalidated on every load, so its owner's block reaches a cached copy; a message's file is cached for a year", async () => {
    const [owner, viewer] = await Promise.all([createTestUser(db, { name: "Pia Picture" }), createTestUser(db, { name: "Cai Cached" })]);
    const png = await pngWithExif(80, 80);
    const picture = await uploadOk(owner, { bytes: png, name: "me.png", type: "image/png" }, "?purpose=avatar");
    await updateProfile(owner.ctx, { avatarAttachmentId: picture.id });
    const chatId = (await openDirect(owner.ctx, { userId: viewer.id })).id;
    const file = await uploadOk(owner, { bytes: png, name: "photo.png", type: "image/png" });
    await sendMessage(owner.ctx, { conversationId: chatId, clientId: `cached-${file.id.slice(0, 8)}`, attachmentIds: [file.id] });

    const seen = await fetchAttachment(viewer, picture.id);
    expect(seen.status).toBe(200);
    expect(seen.headers.get("cache-control")).toBe("private, no-cache");
    const etag = seen.headers.get("etag")!;
    expect(etag).toBe(`"${picture.id}"`);
    expect(seen.headers.get("last-modified")).toBeTruthy();
    await seen.body?.cancel();
    // The browser's revalidation is cheap while nothing changed...
    const revalidated = await fetchAttachment(viewer, picture.id, { headers: { "if-none-match": etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("cache-control")).toBe("private, no-cache");

    // ...and a block answers it 404 (the access check comes before the ETag's), not 304.
    await setBlocked(owner.ctx, { userId: viewer.id, blocked: true });
    expect((await fetchAttachment(viewer, picture.id, { headers: { "if-none-match": etag } })).status).toBe(404);
    expect((await fetchAttachment(viewer, picture.id)).status).toBe(404);
    expect((await fetchAttachment(owner, picture.id, { headers: { "if-none-match": etag } })).status).toBe(304);

    // A message's file (and its thumbnail) keeps the year-long immutable policy.
    for (const thumb of [false, true]) {
      const res = await fetchAttachment(viewer, file.id, { thumb });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
      await res.body?.cancel();
    }
  });

  it("answers Range requests with 206 and the exact bytes, 416 when unsatisfiable", async () => {
    const audioBytes = wav(50_000);
    const audio = await uploadOk(alice, { bytes: audioBytes, name: "voice.wav", type: "audio/wav" });
    const size = audioBytes.length;

    const whole = await fetchAttachment(alice, audio.id);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("content-length")).toBe(String(size));
    expect((await bytesOf(whole)).equals(audioBytes)).toBe(true);

    const part = await fetchAttachment(alice, audio.id, { headers: { range: "bytes=1000-1999" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${size}`);
    expect(part.headers.get("content-length")).toBe("1000");
    expect(part.headers.get("content-type")).toBe("audio/wav");
    expect((await bytesOf(part)).equals(audioBytes.subarray(1000, 2000))).toBe(true);

    const open = await fetchAttachment(alice, audio.id, { headers: { range: `bytes=${size - 10}-` } });
    expect(open.status).toBe(206);
    expect((await bytesOf(open)).equals(audioBytes.subarray(size - 10))).toBe(true);

    const suffix = await fetchAttachment(alice, audio.id, { headers: { range: "bytes=-100" } });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get("content-range")).toBe(`bytes ${size - 100}-${size - 1}/${size}`);
    expect((await bytesOf(suffix)).equals(audioBytes.subarray(size - 100))).toBe(true);

    const clamped = await fetchAttachment(alice, audio.id, { headers: { range: `bytes=${size - 5}-${size + 100}` } });
    expect(clamped.status).toBe(206);
    expect((await bytesOf(clamped)).length).toBe(5);

    const beyond = await fetchAttachment(alice, audio.id, { headers: { range: `bytes=${size}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${size}`);

    const stale = await fetchAttachment(alice, audio.id, { headers: { range: "bytes=0-9", "if-range": '"something-else"' } });
    expect(stale.status).toBe(200);
    await stale.body?.cancel();

    const cached = await fetchAttachment(alice, audio.id, { headers: { "if-none-match": whole.headers.get("etag")! } });
    expect(cached.status).toBe(304);

    // A player resuming by date gets the range; a copy of another date gets the whole file.
    const lastModified = whole.headers.get("last-modified")!;
    const resumed = await fetchAttachment(alice, audio.id, { headers: { range: "bytes=0-9", "if-range": lastModified } });
    expect(resumed.status).toBe(206);
    expect((await bytesOf(resumed)).equals(audioBytes.subarray(0, 10))).toBe(true);
    const older = await fetchAttachment(alice, audio.id, { headers: { range: "bytes=0-9", "if-range": "Thu, 01 Jan 1970 00:00:00 GMT" } });
    expect(older.status).toBe(200);
    await older.body?.cancel();

    const head = await fetchAttachment(alice, audio.id, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("audio/wav");
    expect(head.headers.get("content-length")).toBe(String(size));
    expect(head.body).toBeNull();
    const headOfPart = await fetchAttachment(alice, audio.id, { method: "HEAD", headers: { range: "bytes=1000-1999" } });
    expect(headOfPart.status).toBe(206);
    expect(headOfPart.headers.get("content-range")).toBe(`bytes 1000-1999/${size}`);
    expect(headOfPart.headers.get("content-length")).toBe("1000");
  });
});

describe("files sent together", () => {
  it("arrive in the order the sender picked them, not the order their uploads finished; a forward keeps it", async () => {
    const [first, second, third] = [
      await uploadOk(alice, { bytes: await pngWithExif(64, 64), name: "finished-first.png", type: "image/png" }),
      await uploadOk(alice, { bytes: new TextEncoder().encode("notes"), name: "finished-second.txt", type: "text/plain" }),
      await uploadOk(alice, { bytes: await pngWithExif(32, 32), name: "finished-third.png", type: "image/png" }),
    ];
    const picked = [second!, third!, first!].map((a) => a.id);
    const { message } = await sendMessage(alice.ctx, { conversationId: directId, clientId: `order-${picked[0]!.slice(0, 8)}`, attachmentIds: picked });
    const names = ["finished-second.txt", "finished-third.png", "finished-first.png"];
    expect(message.attachments.map((a) => a.name)).toEqual(names);
    // As the other side reads it from the history, with a reply's preview showing the first file.
    const page = await listMessages(bob.ctx, { conversationId: directId });
    expect(page.messages.find((m) => m.id === message.id)!.attachments.map((a) => a.name)).toEqual(names);
    const reply = await sendMessage(bob.ctx, { conversationId: directId, clientId: `order-re-${picked[0]!.slice(0, 8)}`, text: "nice", replyToId: message.id });
    expect(reply.message.replyTo).toMatchObject({ attachmentKind: "FILE" });
    expect((await listMessages(alice.ctx, { conversationId: directId })).messages.at(-1)!.replyTo).toMatchObject({ attachmentKind: "FILE" });

    const [copy] = await forwardMessages(bob.ctx, { messageIds: [message.id], conversationIds: [directId], clientId: `order-fw-${picked[0]!.slice(0, 8)}` });
    expect(copy!.attachments.map((a) => a.name)).toEqual(names);
  });
});

describe("uploads through the uploadthing driver", () => {
  it("stores and serves a file via the SDK pointed at a local stand-in (env configuration only)", async () => {
    const standIn = await startUploadThingStandIn();
    const saved = {
      UPLOADTHING_TOKEN: process.env.UPLOADTHING_TOKEN,
      UPLOADTHING_API_URL: process.env.UPLOADTHING_API_URL,
      UPLOADTHING_INGEST_URL: process.env.UPLOADTHING_INGEST_URL,
      UPLOADTHING_UFS_HOST: process.env.UPLOADTHING_UFS_HOST,
      UPLOADTHING_UFS_APP_ID_LOCATION: process.env.UPLOADTHING_UFS_APP_ID_LOCATION,
    };
    // The SDK reads these overrides itself; the app only passes the token.
    setEnv({
      UPLOADTHING_TOKEN: standIn.token,
      UPLOADTHING_API_URL: standIn.sdkOptions.apiUrl,
      UPLOADTHING_INGEST_URL: standIn.sdkOptions.ingestUrl,
      UPLOADTHING_UFS_HOST: standIn.sdkOptions.ufsHost,
      UPLOADTHING_UFS_APP_ID_LOCATION: "path",
    });
    try {
      const png = await pngWithExif(500, 250);
      const attachment = await uploadOk(alice, { bytes: png, name: "cloud.png", type: "image/png" });
      expect(attachment).toMatchObject({ kind: "IMAGE", width: 500, height: 250, hasThumbnail: true });
      const row = await db.attachment.findUniqueOrThrow({ where: { id: attachment.id } });
      expect(row.driver).toBe("uploadthing");
      expect(standIn.files.size).toBe(2); // original + thumbnail
      expect(await storedFiles()).toEqual([]); // nothing on the local disk, temp cleaned

      const res = await fetchAttachment(alice, attachment.id);
      expect(res.status).toBe(200);
      const meta = await sharp(await bytesOf(res)).metadata();
      expect(meta).toMatchObject({ width: 500, height: 250 });
      expect(meta.exif).toBeUndefined();
      const part = await fetchAttachment(alice, attachment.id, { headers: { range: "bytes=0-7" } });
      expect(part.status).toBe(206);
      expect((await bytesOf(part)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
      const thumb = await fetchAttachment(alice, attachment.id, { thumb: true });
      expect((await sharp(await bytesOf(thumb)).metadata()).format).toBe("webp");
      expect((await fetchAttachment(outsider, attachment.id)).status).toBe(404);
    } finally {
      setEnv(saved);
      await standIn.close();
    }
  });
});

describe("uploads that are never sent", () => {
  it("go with their files after the TTL; sent files, recent uploads and profile pictures stay", async () => {
    const png = () => sharp({ create: { width: 40, height: 30, channels: 3, background: "#4a4" } }).png().toBuffer();
    const sent = await uploadOk(alice, { bytes: await png(), name: "sent.png", type: "image/png" });
    const forgotten = await uploadOk(alice, { bytes: await png(), name: "forgotten.png", type: "image/png" });
    const recent = await uploadOk(alice, { bytes: await png(), name: "recent.png", type: "image/png" });
    const oldPicture = await uploadOk(alice, { bytes: await png(), name: "old.jpg", type: "image/png" }, "?purpose=avatar");
    const picture = await uploadOk(alice, { bytes: await png(), name: "me.jpg", type: "image/png" }, "?purpose=avatar");
    await sendMessage(alice.ctx, { conversationId: directId, clientId: `unsent-${sent.id.slice(0, 8)}`, attachmentIds: [sent.id] });
    await updateProfile(alice.ctx, { avatarAttachmentId: oldPicture.id });
    await updateProfile(alice.ctx, { avatarAttachmentId: picture.id });
    const filesBefore = await storedFiles();
    const aged = [sent, forgotten, oldPicture, picture].map((a) => a.id);
    await db.attachment.updateMany({ where: { id: { in: aged } }, data: { createdAt: new Date(Date.now() - (UNSENT_UPLOAD_TTL_HOURS + 1) * 3_600_000) } });

    await removeUnsentUploads(db);

    const left = await db.attachment.findMany({ where: { id: { in: [...aged, recent.id] } }, select: { id: true } });
    expect(left.map((a) => a.id).sort()).toEqual([sent.id, recent.id, picture.id].sort());
    // The two gone took their files (the forgotten image its thumbnail too).
    expect(filesBefore.length - (await storedFiles()).length).toBe(3);
    expect((await fetchAttachment(bob, sent.id)).status).toBe(200);
    expect((await fetchAttachment(bob, picture.id)).status).toBe(200);
    expect((await fetchAttachment(alice, forgotten.id)).status).toBe(404);
  });
});
