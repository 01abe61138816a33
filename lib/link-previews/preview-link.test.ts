import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { openDirect } from "@/lib/conversations/open-direct";
import { AppError } from "@/lib/errors";
import { deleteMessages } from "@/lib/messages/delete-message";
import { editMessage } from "@/lib/messages/edit-message";
import { forwardMessages } from "@/lib/messages/forward-message";
import { listMessages } from "@/lib/messages/list-messages";
import { sendMessage } from "@/lib/messages/send-message";
import { setEnv } from "@/lib/storage/test-support/upload-requests";
import { updateProfile } from "@/lib/users/profile";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, type TestUser } from "@/lib/test-support/fixtures";
import { previewLink } from "./preview-link";
import { removeOldLinkPreviews } from "./remove-old-previews";

const db = testDb();

/** A local web site: what each path answers, and how often it was asked. */
const pages = new Map<string, { type: string; body: Buffer | string; delayMs?: number }>();
const hits = new Map<string, number>();
let server: Server;
let origin = "";
let image: Buffer;

beforeAll(async () => {
  image = await sharp({ create: { width: 600, height: 315, channels: 3, background: "#cc3366" } }).png().toBuffer();
  server = createServer((req, res) => {
    const path = req.url ?? "";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const page = pages.get(path);
    if (!page) return void res.writeHead(404).end();
    setTimeout(() => res.writeHead(200, { "content-type": page.type }).end(page.body), page.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  setEnv({ LINK_PREVIEW_PRIVATE_HOSTS: `127.0.0.1:${port}` });
});
afterAll(async () => {
  setEnv({ LINK_PREVIEW_PRIVATE_HOSTS: undefined, LINK_PREVIEWS_DISABLED: undefined });
  await new Promise((resolve) => server.close(resolve));
});

/** A page with Open Graph tags (and its image); returns its address. */
function article(opts: { title?: string; delayMs?: number } = {}): string {
  const id = randomUUID();
  pages.set(`/img/${id}.png`, { type: "image/png", body: image });
  pages.set(`/a/${id}`, {
    type: "text/html; charset=utf-8",
    delayMs: opts.delayMs,
    body: `<!doctype html><html><head><title>Fallback</title>
      <meta property="og:title" content="${opts.title ?? "Rust 2.0 released"}">
      <meta property="og:description" content="Everything new &amp; improved.">
      <meta property="og:site_name" content="The Changelog">
      <meta property="og:image" content="/img/${id}.png"></head><body>hello</body></html>`,
  });
  return `${origin}/a/${id}`;
}

const hitsOf = (url: string) => hits.get(new URL(url).pathname) ?? 0;

let alice: TestUser;
let bob: TestUser;
let chatId: string;

beforeAll(async () => {
  alice = await createTestUser(db, { name: "Alice Linker" });
  bob = await createTestUser(db, { name: "Bob Reader" });
  ({ id: chatId } = await openDirect(alice.ctx, { userId: bob.id }));
});

describe("previewLink", () => {
  it("fetches what the page says about itself, with a small thumbnail of its image", async () => {
    const url = article();
    const { preview } = await previewLink(alice.ctx, { url });
    expect(preview).toMatchObject({ url, title: "Rust 2.0 released", description: "Everything new & improved.", siteName: "The Changelog" });
    expect(preview!.thumbnail).toMatch(/^data:image\/webp;base64,/);
    const thumb = await sharp(Buffer.from(preview!.thumbnail!.split(",")[1]!, "base64")).metadata();
    expect([thumb.width, thumb.height]).toEqual([160, 160]);
  });

  it("asks the site once for everyone, and again once a day has passed", async () => {
    const url = article();
    await previewLink(alice.ctx, { url });
    const again = await previewLink(bob.ctx, { url });
    expect(again.preview?.title).toBe("Rust 2.0 released");
    expect(hitsOf(url)).toBe(1);

    await db.linkPreview.update({ where: { url }, data: { fetchedAt: new Date(Date.now() - 25 * 3_600_000) } });
    await previewLink(bob.ctx, { url });
    expect(hitsOf(url)).toBe(2);
  });

  it("shares one fetch between people typing the same link at once", async () => {
    const url = article({ delayMs: 150 });
    const answers = await Promise.all([previewLink(alice.ctx, { url }), previewLink(bob.ctx, { url })]);
    expect(answers.map((a) => a.preview?.title)).toEqual(["Rust 2.0 released", "Rust 2.0 released"]);
    expect(hitsOf(url)).toBe(1);
  });

  it("answers null for a page with nothing to show, and asks again only after an hour", async () => {
    const path = `/plain/${randomUUID()}`;
    pages.set(path, { type: "text/html", body: "<html><body>No head at all</body></html>" });
    const url = `${origin}${path}`;
    expect((await previewLink(alice.ctx, { url })).preview).toBeNull();
    expect((await previewLink(alice.ctx, { url })).preview).toBeNull();
    expect(hitsOf(url)).toBe(1);
    await db.linkPreview.update({ where: { url }, data: { fetchedAt: new Date(Date.now() - 61 * 60_000) } });
    await previewLink(alice.ctx, { url });
    expect(hitsOf(url)).toBe(2);
  });

  it("answers null for what is not a page, a missing page and an address inside our network", async () => {
    const pdf = `/files/${randomUUID()}.pdf`;
    pages.set(pdf, { type: "application/pdf", body: "%PDF-1.4" });
    expect((await previewLink(alice.ctx, { url: `${origin}${pdf}` })).preview).toBeNull();
    expect((await previewLink(alice.ctx, { url: `${origin}/missing/${randomUUID()}` })).preview).toBeNull();
    // Loopback on another port: not in LINK_PREVIEW_PRIVATE_HOSTS, so never fetched.
    expect((await previewLink(alice.ctx, { url: "http://127.0.0.1:5432/" })).preview).toBeNull();
    expect((await previewLink(alice.ctx, { url: "http://169.254.169.254/latest/meta-data/" })).preview).toBeNull();
  });

  it("refuses what is not a web address", async () => {
    for (const url of ["javascript:alert(1)", "ftp://example.com/x", "not a link", `https://example.com/${"a".repeat(2048)}`]) {
      await expect(previewLink(alice.ctx, { url }), url).rejects.toBeInstanceOf(ZodError);
    }
  });

  it("fetches nothing when previews are turned off", async () => {
    setEnv({ LINK_PREVIEWS_DISABLED: "true" });
    try {
      const url = article();
      expect((await previewLink(alice.ctx, { url })).preview).toBeNull();
      expect(hitsOf(url)).toBe(0);
    } finally {
      setEnv({ LINK_PREVIEWS_DISABLED: undefined });
    }
  });

  it("fetches nothing for someone who turned link previews off in their settings", async () => {
    const dana = await createTestUser(db, { name: "Dana Private" });
    await updateProfile(dana.ctx, { settings: { linkPreviews: false } });
    const url = article();
    expect((await previewLink(dana.ctx, { url })).preview).toBeNull();
    expect(hitsOf(url)).toBe(0);
    await updateProfile(dana.ctx, { settings: { linkPreviews: true } });
    expect((await previewLink(dana.ctx, { url })).preview?.title).toBe("Rust 2.0 released");
  });

  it("limits how many pages one person has fetched, not how often they see cached ones", async () => {
    const carol = await createTestUser(db, { name: "Carol Flood" });
    const cached = article();
    await previewLink(alice.ctx, { url: cached });
    for (let i = 0; i < 30; i++) await previewLink(carol.ctx, { url: `${origin}/missing/${randomUUID()}` });
    const over = await previewLink(carol.ctx, { url: article() }).catch((err: unknown) => err);
    expect(over).toBeInstanceOf(AppError);
    expect((over as AppError).code).toBe("RATE_LIMITED");
    expect((await previewLink(carol.ctx, { url: cached })).preview?.title).toBe("Rust 2.0 released");
  });
});

describe("a message with a link preview", () => {
  const send = (text: string, extra: Record<string, unknown> = {}) =>
    sendMessage(alice.ctx, { conversationId: chatId, clientId: randomUUID(), text, ...extra }).then((r) => r.message);
  const asBob = async (messageId: string) => (await listMessages(bob.ctx, { conversationId: chatId })).messages.find((m) => m.id === messageId);

  it("carries the page's preview to everyone in the chat", async () => {
    const url = article({ title: "Shared with Bob" });
    await previewLink(alice.ctx, { url });
    const sent = await send(`Look at this: ${url} !`, { linkPreviewUrl: url });
    expect(sent.linkPreview).toMatchObject({ url, title: "Shared with Bob", siteName: "The Changelog" });
    expect((await asBob(sent.id))?.linkPreview?.title).toBe("Shared with Bob");
  });

  it("keeps the preview it was sent with when the page changes later", async () => {
    const url = article({ title: "First title" });
    await previewLink(alice.ctx, { url });
    const sent = await send(url, { linkPreviewUrl: url });
    await db.linkPreview.update({ where: { url }, data: { title: "Changed since" } });
    expect((await asBob(sent.id))?.linkPreview?.title).toBe("First title");
  });

  it("goes without a preview for a link not in its text, one never previewed, or a dismissed one", async () => {
    const shown = article();
    await previewLink(alice.ctx, { url: shown });
    expect((await send("no link here", { linkPreviewUrl: shown })).linkPreview).toBeNull();
    const never = `${origin}/a/${randomUUID()}`;
    expect((await send(`see ${never}`, { linkPreviewUrl: never })).linkPreview).toBeNull();
    expect((await send(`see ${shown}`)).linkPreview).toBeNull();
  });

  it("loses its preview when an edit takes the link out, or when deleted for everyone", async () => {
    const url = article();
    await previewLink(alice.ctx, { url });
    const kept = await send(`read ${url}`, { linkPreviewUrl: url });
    expect((await editMessage(alice.ctx, { messageId: kept.id, text: `read ${url} (fixed typo)` })).linkPreview?.url).toBe(url);
    expect((await editMessage(alice.ctx, { messageId: kept.id, text: "never mind" })).linkPreview).toBeNull();
    expect((await asBob(kept.id))?.linkPreview).toBeNull();

    const gone = await send(`read ${url}`, { linkPreviewUrl: url });
    await deleteMessages(alice.ctx, { messageIds: [gone.id], for: "everyone" });
    expect((await asBob(gone.id))?.linkPreview).toBeNull();
  });

  it("is forwarded with its preview", async () => {
    const url = article({ title: "Worth forwarding" });
    await previewLink(alice.ctx, { url });
    const original = await send(url, { linkPreviewUrl: url });
    const { id: otherChat } = await openDirect(bob.ctx, { userId: (await createTestUser(db)).id });
    const [copy] = await forwardMessages(bob.ctx, { messageIds: [original.id], conversationIds: [otherChat], clientId: randomUUID() });
    expect(copy?.linkPreview?.title).toBe("Worth forwarding");
  });
});

describe("removeOldLinkPreviews", () => {
  it("deletes cached previews older than a day and keeps newer ones", async () => {
    const [old, fresh] = [article(), article()];
    await previewLink(alice.ctx, { url: old });
    await previewLink(alice.ctx, { url: fresh });
    await db.linkPreview.update({ where: { url: old }, data: { fetchedAt: new Date(Date.now() - 26 * 3_600_000) } });
    expect(await removeOldLinkPreviews(db)).toBeGreaterThanOrEqual(1);
    expect(await db.linkPreview.findUnique({ where: { url: old } })).toBeNull();
    expect(await db.linkPreview.findUnique({ where: { url: fresh } })).not.toBeNull();
  });
});
