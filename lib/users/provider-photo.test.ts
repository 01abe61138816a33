import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentUrl } from "@/lib/storage/attachment-dto";
import { fetchAttachment, setEnv, withTempDataDir } from "@/lib/storage/test-support/upload-requests";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, type RecordingPublisher } from "@/lib/test-support/fixtures";
import { setBlocked } from "./block-user";
import { importProviderPhoto, providerPhotoUrl } from "./provider-photo";

const db = testDb();
const dataDir = withTempDataDir("convo-provider-photo-", 1024 * 1024);

/** The stand-in for Google's photo host: what each path answers. */
const routes = new Map<string, { status?: number; type?: string; body?: Buffer; location?: string }>();
let server: Server;
let origin = "";
let photo: Buffer;

beforeAll(async () => {
  photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#3366cc" } }).png().toBuffer();
  server = createServer((req, res) => {
    const route = routes.get(req.url ?? "");
    if (!route) return void res.writeHead(404).end();
    res.writeHead(route.status ?? 200, { "content-type": route.type ?? "image/png", ...(route.location ? { location: route.location } : {}) });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  setEnv({ AUTH_GOOGLE_ISSUER: origin });
});
afterAll(async () => {
  setEnv({ AUTH_GOOGLE_ISSUER: undefined });
  await new Promise((resolve) => server.close(resolve));
});

const serve = (body: Buffer, opts: { type?: string; status?: number; location?: string } = {}) => {
  const path = `/photo/${randomUUID()}`;
  routes.set(path, { body, ...opts });
  return `${origin}${path}`;
};

describe("providerPhotoUrl", () => {
  it("fetches only Google's photo hosts over https, or the configured issuer", () => {
    expect(providerPhotoUrl("https://lh3.googleusercontent.com/a/ACg8oc=s96-c", undefined)).toBe("https://lh3.googleusercontent.com/a/ACg8oc=s256-c");
    expect(providerPhotoUrl("https://lh5.googleusercontent.com/-x/photo.jpg", undefined)).toBe("https://lh5.googleusercontent.com/-x/photo.jpg");
    for (const refused of [
      "http://lh3.googleusercontent.com/a/x", // not https
      "https://lh3.googleusercontent.com:8443/a/x",
      "https://googleusercontent.com.evil.test/a/x",
      "https://169.254.169.254/latest/meta-data",
      "file:///etc/passwd",
      "not a url",
      42,
      null,
    ]) {
      expect(providerPhotoUrl(refused, undefined), String(refused)).toBeNull();
    }
    expect(providerPhotoUrl("http://127.0.0.1:3211/p.png", "http://127.0.0.1:3211")).toBe("http://127.0.0.1:3211/p.png");
    expect(providerPhotoUrl("http://127.0.0.1:9999/p.png", "http://127.0.0.1:3211")).toBeNull();
  });
});

describe("importProviderPhoto", () => {
  it("makes the photo a profile picture of our own, announced to everyone, hidden from those the user blocked", async () => {
    const user = await createTestUser(db, { name: "Gina Google" });
    const viewer = await createTestUser(db, { name: "Vic Viewer" });
    const blocked = await createTestUser(db, { name: "Bo Blocked" });
    await setBlocked(user.ctx, { userId: blocked.id, blocked: true });

    expect(await importProviderPhoto(user.ctx, serve(photo))).toBe(true);

    const { avatarUrl } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { avatarUrl: true } });
    expect(avatarUrl).toMatch(new RegExp(`^${attachmentUrl("")}`));
    const attachmentId = avatarUrl!.slice(attachmentUrl("").length);
    const seen = await fetchAttachment(viewer, attachmentId);
    expect(seen.status).toBe(200);
    expect(seen.headers.get("content-type")).toBe("image/webp");
    expect(await sharp(Buffer.from(await seen.arrayBuffer())).metadata()).toMatchObject({ width: 256, height: 256, format: "webp" });
    expect((await fetchAttachment(blocked, attachmentId)).status).toBe(404);

    const updates = (user.ctx.publish as RecordingPublisher).events.filter((e) => e.event === "user:updated");
    expect(updates).toContainEqual(expect.objectContaining({ to: `all except user:${blocked.id}`, payload: expect.objectContaining({ avatarUrl }) }));
    expect(updates).toContainEqual(expect.objectContaining({ to: `user:${blocked.id}`, payload: expect.objectContaining({ avatarUrl: null }) }));
  });

  it("leaves the initials, and no file behind, for what is not a readable photo", async () => {
    const user = await createTestUser(db, { name: "Nora Nophoto" });
    // A real photo, but over the 5 MB that is fetched of one.
    const tooBig = await sharp({ create: { width: 1500, height: 1500, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 60 } } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(tooBig.length).toBeGreaterThan(5 * 1024 * 1024);
    const cases = [
      serve(Buffer.from("<html>not a photo</html>"), { type: "text/html" }),
      serve(Buffer.from("broken"), { status: 500 }),
      serve(tooBig),
      serve(Buffer.alloc(0), { status: 302, location: serve(photo) }), // redirects are not followed
      "https://example.test/photo.png", // not a photo host
    ];
    for (const url of cases) expect(await importProviderPhoto(user.ctx, url), url).toBe(false);

    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { avatarUrl: true } })).avatarUrl).toBeNull();
    expect(await db.attachment.count({ where: { ownerId: user.id } })).toBe(0);
    expect(await readdir(`${dataDir()}/tmp/uploads`).catch(() => [])).toEqual([]);
  });

  it("never replaces a picture the user chose meanwhile", async () => {
    const user = await createTestUser(db, { name: "Chloe Chosen" });
    const chosen = attachmentUrl(randomUUID());
    await db.user.update({ where: { id: user.id }, data: { avatarUrl: chosen } });

    expect(await importProviderPhoto(user.ctx, serve(photo))).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { avatarUrl: true } })).avatarUrl).toBe(chosen);
  });
});
