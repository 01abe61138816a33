import { deflateSync } from "node:zlib";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { chatRow, openChat, openMessageMenu as openMenu, send, sendDirect, signInAll, startDirectChat } from "./support/chat";
import { axeBuilder, expectNoAxeViolations, screenshot } from "./support/checks";
import { E2E_UPLOAD_MAX_BYTES } from "./support/env";

// Rich messages between real users, each in their own browser context: photos and documents
// (upload → bubble → the file itself), replies, edits with history, reactions, forwarding,
// stars (and the starred list across tabs), locations, and text that looks like HTML.

// ---- generated files -------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid RGB PNG: a sunset-like gradient with a sun, `width` × `height`. */
function makePng(width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const t = y / height;
      const dx = x - width * 0.62;
      const dy = y - height * 0.58;
      const sun = dx * dx + dy * dy < (height * 0.16) ** 2;
      const sea = y > height * 0.68;
      const [r, g, b] = sun ? [255, 214, 102] : sea ? [30 + 40 * t, 60 + 50 * t, 110 + 40 * t] : [250 - 60 * t, 140 - 60 * t, 90 + 80 * t];
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A tiny, valid one-page PDF. */
function makePdf(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

const PNG = makePng(320, 200);
const PDF = makePdf();
/** Just enough of an MP4 / MP3 for the server to recognise them (the players get metadata only). */
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom"), Buffer.from([0, 0, 2, 0]), Buffer.from("isomiso2"), Buffer.from([0, 0, 0, 8]), Buffer.from("free")]);
const MP3 = Buffer.concat([Buffer.from("ID3"), Buffer.from([4, 0, 0, 0, 0, 0, 0]), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(400)]);

// ---- helpers ---------------------------------------------------------------------------------

const bubbles = (page: Page) => page.getByTestId("message-bubble");
/** The bubble whose own text (not a quote of it) matches. */
const bubble = (page: Page, text: string) =>
  bubbles(page).filter({ has: page.getByTestId("message-text").filter({ hasText: text }) });
const byId = (page: Page, id: string) => page.locator(`[data-testid="message-bubble"][data-message-id="${id}"]`);

async function storedId(b: Locator): Promise<string> {
  await expect(b).toHaveAttribute("data-message-id", /.+/);
  return (await b.getAttribute("data-message-id"))!;
}

async function attach(page: Page, input: "file-input-media" | "file-input-document", file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByTestId(input).setInputFiles(file);
}

// ---- tests -----------------------------------------------------------------------------------

test.describe("rich messages", () => {
  test("photos, documents, replies, edits, reactions, forwards, stars and inert HTML between two users", async ({ newUsers }, testInfo) => {
    test.setTimeout(180_000);
    const [ana, ben, cy, dee] = await newUsers(4, { label: "rich" });
    await signInAll([ana!, ben!, cy!, dee!]);
    for (const u of [ana!, ben!, cy!, dee!]) {
      u.page.on("dialog", (d) => {
        throw new Error(`Unexpected dialog: ${d.message()}`);
      });
    }
    const A = ana!.page;
    const B = ben!.page;

    // Ana has a chat with Cy too (a forward target); Dee she finds while forwarding.
    await startDirectChat(A, cy!.name);
    await sendDirect(A, ben!.name, "Original words 1");
    await openChat(B, ana!.name);
    await expect(bubble(B, "Original words 1")).toBeVisible();

    // ---- a photo with a caption --------------------------------------------------------------
    await attach(A, "file-input-media", { name: "sunset.png", mimeType: "image/png", buffer: PNG });
    const item = A.getByTestId("upload-item");
    await expect(item).toHaveCount(1);
    await expect(item).toHaveAttribute("data-status", "done");
    await expect(A.getByTestId("composer-input")).toHaveAttribute("placeholder", "Add a caption");
    await send(A, "Sunset at the beach 🌅");
    await expect(A.getByTestId("upload-tray")).toHaveCount(0);

    for (const page of [A, B]) {
      const photo = bubble(page, "Sunset at the beach").getByTestId("message-image");
      await expect(photo).toBeVisible();
      // Sized from the stored width/height (320×200 fits as is).
      const box = await photo.boundingBox();
      expect(Math.round(box!.width)).toBe(320);
      expect(Math.round(box!.height)).toBe(200);
      await expect.poll(() => photo.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    }
    const photoBubble = bubble(B, "Sunset at the beach");
    const attachmentId = (await photoBubble.getByTestId("message-image").getAttribute("data-attachment-id"))!;
    for (const page of [A, B]) {
      const full = await page.request.get(`/api/v1/attachments/${attachmentId}`);
      expect(full.status()).toBe(200);
      expect(full.headers()["content-type"]).toBe("image/png");
      const thumb = await page.request.get(`/api/v1/attachments/${attachmentId}?thumb=1`);
      expect(thumb.status()).toBe(200);
      expect(thumb.headers()["content-type"]).toBe("image/webp");
    }

    // The lightbox: opens on click, has a download link, Escape closes it and focus returns.
    await photoBubble.getByTestId("message-image").click();
    const lightbox = B.getByTestId("lightbox");
    await expect(lightbox).toBeVisible();
    await expect(lightbox.getByTestId("lightbox-download")).toHaveAttribute("href", `/api/v1/attachments/${attachmentId}`);
    await expect(lightbox.getByTestId("lightbox-download")).toHaveAttribute("download", "sunset.png");
    await expect.poll(() => lightbox.getByTestId("lightbox-image").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
    await B.keyboard.press("Escape");
    await expect(lightbox).toHaveCount(0);
    await expect(photoBubble.getByTestId("message-image")).toBeFocused();

    // ---- a PDF ------------------------------------------------------------------------------
    await attach(A, "file-input-document", { name: "notes.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(A.getByTestId("upload-item")).toHaveAttribute("data-status", "done");
    await A.getByTestId("send-button").click();
    for (const page of [A, B]) {
      const card = page.getByTestId("message-file").filter({ hasText: "notes.pdf" });
      await expect(card).toBeVisible();
      await expect(card.getByTestId("file-meta")).toHaveText(`PDF · ${PDF.length} B`);
      const href = (await card.getByTestId("file-download").getAttribute("href"))!;
      const res = await page.request.get(href);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toBe("application/pdf");
      expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
    }
    const pdfBubble = bubbles(B).filter({ has: B.getByTestId("message-file") });
    const pdfId = await storedId(pdfBubble);

    // ---- reply ------------------------------------------------------------------------------
    const original = bubble(B, "Original words 1");
    const originalId = await storedId(original);
    await (await openMenu(B, original)).getByTestId("reply-message").click();
    await expect(B.getByTestId("composer-reply-banner")).toContainText("Original words 1");
    await send(B, "Reply words 2");
    await expect(B.getByTestId("composer-reply-banner")).toHaveCount(0);
    const replyOnA = bubble(A, "Reply words 2");
    await expect(replyOnA.getByTestId("reply-quote")).toContainText("Original words 1");
    await expect(replyOnA.getByTestId("reply-quote")).toContainText("You");
    await replyOnA.getByTestId("reply-quote").click();
    await expect(A.locator(`[data-highlighted="true"] [data-message-id="${originalId}"]`)).toBeVisible();

    // ---- edit (inline in the composer), history visible to Ben --------------------------------
    const mine = byId(A, originalId);
    await (await openMenu(A, mine)).getByTestId("edit-message").click();
    await expect(A.getByTestId("composer-edit-banner")).toContainText("Editing");
    const composer = A.getByTestId("composer-input");
    await expect(composer).toHaveValue("Original words 1");
    // Escape cancels without changing anything.
    await composer.press("Escape");
    await expect(A.getByTestId("composer-edit-banner")).toHaveCount(0);
    await (await openMenu(A, mine)).getByTestId("edit-message").click();
    await composer.fill("Edited words 1b");
    await composer.press("Enter");
    await expect(A.getByTestId("composer-edit-banner")).toHaveCount(0);
    await expect(byId(B, originalId).getByTestId("message-text")).toContainText("Edited words 1b");
    await expect(byId(B, originalId).getByTestId("edited-label")).toBeVisible();
    await (await openMenu(B, byId(B, originalId))).getByTestId("edit-history").click();
    const history = B.getByTestId("edit-history-dialog");
    await expect(history.getByTestId("edit-version-text")).toHaveText(["Edited words 1b", "Original words 1"]);
    await B.keyboard.press("Escape");
    await expect(history).toHaveCount(0);

    // ---- reactions: both sides see counts change --------------------------------------------
    const photoOnB = bubble(B, "Sunset at the beach");
    const photoId = await storedId(photoOnB);
    const reactionsOn = (page: Page) => page.locator(`[data-reactions-for="${photoId}"]`);
    const chip = (page: Page, emoji: string) => reactionsOn(page).locator(`[data-testid="reaction-chip"][data-emoji="${emoji}"]`);
    await (await openMenu(B, photoOnB)).getByTestId("quick-reaction").filter({ hasText: "👍" }).click();
    await expect(chip(A, "👍")).toHaveAttribute("data-count", "1");
    await expect(chip(A, "👍")).toHaveAttribute("data-mine", "false");
    await expect(reactionsOn(A).getByTestId("reaction-tooltip")).toHaveText(`👍 ${ben!.name}`);
    await chip(A, "👍").click(); // Ana joins
    await expect(chip(B, "👍")).toHaveAttribute("data-count", "2");
    // On a chip with my reaction, the tip says a click takes it away.
    await chip(B, "👍").hover();
    await expect(reactionsOn(B).getByTestId("reaction-tooltip")).toBeVisible();
    await expect(reactionsOn(B).getByTestId("reaction-tooltip")).toHaveText(`👍 You and ${ana!.name}Click to remove`);
    await chip(B, "👍").click(); // Ben un-reacts
    await expect(chip(A, "👍")).toHaveAttribute("data-count", "1");
    await expect(chip(A, "👍")).toHaveAttribute("data-mine", "true");
    await expect(chip(B, "👍")).toHaveAttribute("data-mine", "false");
    // Another emoji from the full picker.
    await (await openMenu(B, photoOnB)).getByTestId("more-reactions").click();
    // Its grid of 8 columns moves by a row with Down and back with Up.
    const emojis = B.getByTestId("reaction-picker").getByTestId("picker-emoji");
    await emojis.first().focus();
    await B.keyboard.press("ArrowDown");
    await expect(emojis.nth(8)).toBeFocused();
    await B.keyboard.press("ArrowRight");
    await expect(emojis.nth(9)).toBeFocused();
    await B.keyboard.press("ArrowUp");
    await expect(emojis.nth(1)).toBeFocused();
    await B.getByTestId("reaction-picker").getByRole("button", { name: "🔥" }).click();
    await expect(chip(A, "🔥")).toHaveAttribute("data-count", "1");

    // ---- forward to a chat and to someone Ana has no chat with yet ----------------------------
    await (await openMenu(A, byId(A, originalId))).getByTestId("forward-message").click();
    const forward = A.getByTestId("forward-dialog");
    // It opens with the keyboard in its search box.
    await expect(forward.getByTestId("forward-search")).toBeFocused();
    await forward.getByTestId("forward-search").fill(cy!.name);
    await forward.getByTestId("forward-option").filter({ hasText: cy!.name }).click();
    await forward.getByTestId("forward-search").fill(dee!.name);
    const people = forward.getByRole("region", { name: "People" });
    await people.getByTestId("forward-option").filter({ hasText: dee!.name }).click();
    await expectNoAxeViolations(A, "[data-testid=forward-dialog]");
    await screenshot(A, testInfo, "forward-people-1280");
    await forward.getByTestId("forward-search").fill("");
    await expect(forward.getByTestId("forward-count")).toHaveText("2 of 5 selected");
    await expect(forward.getByTestId("forward-selected")).toHaveText(`${cy!.name}, ${dee!.name}`);
    await forward.getByTestId("forward-send").click();
    await expect(forward).toHaveCount(0);
    await expect(A.getByText("Forwarded to 2 chats")).toBeVisible();
    await expect(chatRow(A, dee!.name)).toContainText("Edited words 1b");
    for (const u of [cy!, dee!]) {
      await openChat(u.page, ana!.name);
      const copy = bubble(u.page, "Edited words 1b");
      await expect(copy).toBeVisible();
      await expect(copy.getByTestId("forwarded-label")).toBeVisible();
    }

    // ---- star, the starred list, and another tab following along ------------------------------
    const B2 = await ben!.context.newPage();
    await B2.goto(B.url());
    await expect(byId(B2, pdfId)).toBeVisible();
    await (await openMenu(B, byId(B, pdfId))).getByTestId("star-message").click();
    await expect(byId(B, pdfId).getByTestId("star-indicator")).toBeVisible();
    await expect(byId(B2, pdfId).getByTestId("star-indicator")).toBeVisible();
    await B.getByTestId("chat-menu-button").click();
    await B.getByTestId("open-starred").click();
    const starredItem = B.getByTestId("starred-panel").getByTestId("starred-item");
    await expect(starredItem).toHaveCount(1);
    await expect(starredItem).toContainText("notes.pdf");
    await expect(starredItem.getByTestId("starred-chat-title")).toHaveText(ana!.name);
    await starredItem.click();
    await expect(B.locator(`[data-highlighted="true"] [data-message-id="${pdfId}"]`)).toBeVisible();
    await B.getByTestId("starred-close").click();
    await expect(B.getByTestId("starred-panel")).toHaveCount(0);
    // Unstar in the second tab: the first follows.
    await (await openMenu(B2, byId(B2, pdfId))).getByTestId("star-message").click();
    await expect(byId(B, pdfId).getByTestId("star-indicator")).toHaveCount(0);
    await B2.close();

    // ---- a location ------------------------------------------------------------------------
    await A.getByTestId("attach-button").click();
    await A.getByTestId("attach-location").click();
    const loc = A.getByTestId("location-dialog");
    await loc.getByTestId("location-lat").fill("52.516275");
    await loc.getByTestId("location-lng").fill("13.377704");
    await loc.getByTestId("location-label").fill("Brandenburg Gate");
    await loc.getByTestId("location-send").click();
    const card = B.getByTestId("message-location").filter({ hasText: "Brandenburg Gate" });
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute("href", /^https:\/\/www\.openstreetmap\.org\/\?mlat=52\.516275&mlon=13\.377704/);
    await expect(card).toHaveAttribute("target", "_blank");
    await expect(card).toHaveAttribute("rel", "noopener noreferrer");

    // ---- text that looks like HTML stays text; links only for http(s) -------------------------
    const nasty = `<img src=x onerror=alert(1)> javascript:alert(2) https://example.org/ok`;
    await send(A, nasty);
    const nastyOnB = bubble(B, "<img src=x onerror=alert(1)>");
    await expect(nastyOnB).toBeVisible();
    await expect(nastyOnB.getByTestId("message-text")).toContainText(nasty);
    await expect(B.locator("img[src='x']")).toHaveCount(0);
    await expect(nastyOnB.locator("a")).toHaveCount(1);
    await expect(nastyOnB.locator("a")).toHaveAttribute("href", "https://example.org/ok");

    // ---- axe and screenshots, on a chat with media ----------------------------------------------
    await B.getByTestId("message-list").evaluate((el) => el.scrollTo(0, el.scrollHeight));
    for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await B.setViewportSize(size);
      await B.waitForTimeout(400);
      await expectNoAxeViolations(B);
      const file = testInfo.outputPath(`rich-chat-${size.width}.png`);
      await B.screenshot({ path: file });
      await testInfo.attach(`rich-chat-${size.width}`, { path: file, contentType: "image/png" });
    }
    // The same chat scrolled up to the photo and the file, plus the open starred list / menu.
    await B.setViewportSize({ width: 1280, height: 800 });
    await bubble(B, "Sunset at the beach").scrollIntoViewIfNeeded();
    await B.waitForTimeout(300);
    await B.screenshot({ path: testInfo.outputPath("rich-media-1280.png") });
    await openMenu(B, bubble(B, "Reply words 2"));
    await B.waitForTimeout(150);
    // The open menu is a popup portalled to <body>, outside the landmarks by design: everything
    // but the best-practice "region" rule applies to it.
    const { violations: menuViolations } = await axeBuilder(B).disableRules(["region"]).analyze();
    expect(menuViolations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await B.screenshot({ path: testInfo.outputPath("rich-menu-1280.png") });
    await B.keyboard.press("Escape");
  });

  test("on a touch screen, a tap on my reaction says a second tap removes it; the second tap does", async ({ newUsers }) => {
    const [ana, ben] = await newUsers(2, { label: "touch", touch: true });
    await signInAll([ana!, ben!]);
    await sendDirect(ben!.page, ana!.name, "Tap me");
    const A = ana!.page;
    await openChat(A, ben!.name);
    await (await openMenu(A, bubble(A, "Tap me"))).getByTestId("quick-reaction").filter({ hasText: "❤️" }).click();
    const id = await storedId(bubble(A, "Tap me"));
    const chipOn = (page: Page) => page.locator(`[data-reactions-for="${id}"]`).getByTestId("reaction-chip");
    await expect(chipOn(ben!.page)).toHaveAttribute("data-emoji", "❤️");
    await expect(chipOn(A)).toHaveAttribute("data-mine", "true");

    await chipOn(A).tap();
    await expect(A.getByTestId("reaction-remove-hint")).toHaveText("Tap again to remove");
    await expect(chipOn(A)).toHaveAttribute("data-mine", "true");
    await expect(chipOn(ben!.page)).toHaveCount(1);
    await chipOn(A).tap();
    await expect(chipOn(A)).toHaveCount(0);
    await expect(chipOn(ben!.page)).toHaveCount(0);
  });

  test("upload tray: progress, remove, clear errors, drop and paste; keyboard-only menu", async ({ newUsers }, testInfo) => {
    const [ana, ben] = await newUsers(2, { label: "tray" });
    await signInAll([ana!, ben!]);
    const A = ana!.page;
    await startDirectChat(A, ben!.name);

    // Too large for this server (UPLOAD_MAX_BYTES = 20 MB): refused before uploading, with the limit.
    await attach(A, "file-input-document", {
      name: "huge.bin",
      mimeType: "application/octet-stream",
      buffer: Buffer.alloc(E2E_UPLOAD_MAX_BYTES + 1024 * 1024, 1),
    });
    await expect(A.getByTestId("composer-notice")).toContainText("“huge.bin” is too large (21 MB). Files can be at most 20 MB.");
    await expect(A.getByTestId("upload-item")).toHaveCount(0);

    // Two photos, one removed; the other sent without a caption.
    await A.getByTestId("file-input-media").setInputFiles([
      { name: "one.png", mimeType: "image/png", buffer: PNG },
      { name: "two.png", mimeType: "image/png", buffer: makePng(120, 160) },
    ]);
    await expect(A.getByTestId("upload-item")).toHaveCount(2);
    await expect(A.getByTestId("upload-item").nth(1)).toHaveAttribute("data-status", "done");
    await A.getByTestId("upload-item").filter({ hasText: "one.png" }).getByTestId("upload-remove").click();
    await expect(A.getByTestId("upload-item")).toHaveCount(1);
    await expect(A.getByTestId("upload-item")).toHaveAttribute("data-status", "done");
    await A.screenshot({ path: testInfo.outputPath("tray-1280.png") });
    await A.getByTestId("send-button").click();
    const sent = bubbles(A).filter({ has: A.getByTestId("message-image") });
    await expect(sent).toHaveCount(1);
    await expect(sent).not.toHaveAttribute("data-status", "pending");
    // Portrait 120×160 keeps its ratio.
    const box = await sent.getByTestId("message-image").boundingBox();
    expect(Math.round(box!.width)).toBe(120);
    expect(Math.round(box!.height)).toBe(160);

    // Dropping a file on the chat and pasting an image both land in the tray.
    const drop = await A.evaluateHandle((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], "dropped.png", { type: "image/png" }));
      return dt;
    }, [...PNG]);
    await A.getByTestId("chat-pane").dispatchEvent("dragenter", { dataTransfer: drop });
    await expect(A.getByTestId("drop-overlay")).toBeVisible();
    await A.getByTestId("chat-pane").dispatchEvent("drop", { dataTransfer: drop });
    await expect(A.getByTestId("drop-overlay")).toHaveCount(0);
    await expect(A.getByTestId("upload-item").filter({ hasText: "dropped.png" })).toBeVisible();
    await A.getByTestId("composer-input").evaluate((el, bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], "pasted.png", { type: "image/png" }));
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    }, [...PNG]);
    await expect(A.getByTestId("upload-item").filter({ hasText: "pasted.png" })).toBeVisible();
    await expect(A.getByTestId("upload-item")).toHaveCount(2);
    // Send right away: it waits for the uploads, then goes as one message with a caption.
    await A.getByTestId("composer-input").fill("two at once");
    await A.getByTestId("composer-input").press("Enter");
    const album = bubble(A, "two at once");
    await expect(album.getByTestId("message-image")).toHaveCount(2);
    await expect(A.getByTestId("upload-tray")).toHaveCount(0);

    // A video and an audio file: native inline players that only fetch metadata up front.
    await A.getByTestId("file-input-media").setInputFiles({ name: "clip.mp4", mimeType: "video/mp4", buffer: MP4 });
    await expect(A.getByTestId("upload-item")).toHaveAttribute("data-status", "done");
    await A.getByTestId("send-button").click();
    // The tray empties as it goes (else the next file's item would sit beside this one).
    await expect(A.getByTestId("upload-tray")).toHaveCount(0);
    await attach(A, "file-input-document", { name: "voice.mp3", mimeType: "audio/mpeg", buffer: MP3 });
    await expect(A.getByTestId("upload-item")).toHaveAttribute("data-status", "done");
    await send(A, "listen to this");
    for (const page of [A, ben!.page]) {
      if (page === ben!.page) await openChat(page, ana!.name);
      const video = page.locator('[data-testid="message-video"]');
      await expect(video).toHaveAttribute("preload", "metadata");
      await expect(video).toHaveAttribute("controls", "");
      const audio = bubble(page, "listen to this").locator("audio");
      await expect(audio).toHaveAttribute("preload", "metadata");
      await expect(bubble(page, "listen to this").getByTestId("message-audio")).toContainText("voice.mp3");
    }
    await A.screenshot({ path: testInfo.outputPath("players-1280.png") });

    // Keyboard only: open the menu of the last message, react, then reply via the keyboard.
    const last = bubble(A, "two at once");
    const lastId = await storedId(last);
    await last.getByTestId("message-menu-button").focus();
    await A.keyboard.press("Enter");
    await expect(A.getByTestId("message-menu")).toBeVisible();
    await expect(A.getByTestId("quick-reaction").first()).toBeFocused();
    await A.keyboard.press("Enter");
    await expect(A.locator(`[data-reactions-for="${lastId}"]`).getByTestId("reaction-chip")).toHaveAttribute("data-count", "1");
    // Picking a reaction closed the menu (reopening it before it was gone closed it again).
    await expect(A.getByTestId("message-menu")).toHaveCount(0);
    // The reactions are a row: Left / Right move along it (round), Down leaves it for Reply and
    // Up comes back to where it was; Home / End go to the ends of the row, or of the menu.
    await last.getByTestId("message-menu-button").focus();
    await A.keyboard.press("Enter");
    const menu = A.getByTestId("message-menu");
    const quick = menu.getByTestId("quick-reaction");
    await expect(quick.first()).toBeFocused();
    await expect(menu.getByRole("group", { name: "Reactions" }).getByRole("menuitemcheckbox")).toHaveCount(6);
    await A.keyboard.press("ArrowLeft");
    await expect(menu.getByTestId("more-reactions")).toBeFocused();
    await A.keyboard.press("Home");
    await A.keyboard.press("ArrowRight");
    await expect(quick.nth(1)).toBeFocused();
    await A.keyboard.press("ArrowDown");
    await expect(menu.getByTestId("reply-message")).toBeFocused();
    await A.keyboard.press("ArrowUp");
    await expect(quick.nth(1)).toBeFocused();
    await A.keyboard.press("ArrowDown");
    await A.keyboard.press("End");
    await expect(menu.getByTestId("delete-message")).toBeFocused();
    // Portalled to <body>, outside the landmarks by design: all but the "region" rule apply.
    const { violations } = await axeBuilder(A).include('[data-testid="message-menu"]').disableRules(["region"]).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await A.screenshot({ path: testInfo.outputPath("keyboard-menu.png") });
    await A.keyboard.press("Home");
    await A.keyboard.press("ArrowDown");
    await expect(menu.getByTestId("reply-message")).toBeFocused();
    await A.keyboard.press("Enter");
    await expect(A.getByTestId("composer-reply-banner")).toBeVisible();
    await expect(A.getByTestId("composer-input")).toBeFocused();
    await A.keyboard.press("Escape");
    await expect(A.getByTestId("composer-reply-banner")).toHaveCount(0);
  });

  test("WhatsApp formatting: *bold*, _italic_, ~strike~, `code`, quotes and lists show styled, previews without markers", async ({ newUsers }, testInfo) => {
    const [ana, ben] = await newUsers(2, { label: "format" });
    await signInAll([ana!, ben!]);
    await startDirectChat(ana!.page, ben!.name);
    const text = "*Meet* at _ten_, ~nine~ run `npm test` in snake_case_dir";
    await send(ana!.page, text);

    // Ben sees it styled, and not the markers; words with underscores stay as typed.
    const row = chatRow(ben!.page, ana!.name);
    await expect(row).toContainText("Meet at ten, nine run npm test in snake_case_dir");
    await openChat(ben!.page, ana!.name);
    const body = ben!.page.getByTestId("message-bubble").filter({ hasText: "snake_case_dir" }).getByTestId("message-text");
    await expect(body.locator("strong")).toHaveText("Meet");
    await expect(body.locator("em")).toHaveText("ten");
    await expect(body.locator("s")).toHaveText("nine");
    await expect(body.locator("code")).toHaveText("npm test");
    await expect(body).toContainText("Meet at ten, nine run npm test in snake_case_dir");
    await expect(body).not.toContainText("*");

    // A block of code over several lines keeps its lines; a link inside bold still opens.
    await send(ben!.page, "```\nline one\n  line *two*\n```");
    await send(ben!.page, "*see https://example.org/docs*");
    const block = ana!.page.getByTestId("message-bubble").filter({ hasText: "line one" }).locator("code");
    await expect(block).toHaveText("line one\n  line *two*");
    const link = ana!.page.getByTestId("message-bubble").filter({ hasText: "example.org" }).locator("strong a");
    await expect(link).toHaveAttribute("href", "https://example.org/docs");

    // A quote and lists, a line each: the markers become a bar, bullets and numbers.
    await send(ben!.page, "Plan:\n> as _Ana_ said\n* tickets\n- snacks\n\n1. meet\n2. go");
    const plan = ana!.page.getByTestId("message-bubble").filter({ hasText: "Plan:" }).getByTestId("message-text");
    await expect(plan.getByTestId("text-quote")).toHaveText("as Ana said");
    await expect(plan.getByTestId("text-quote").locator("em")).toHaveText("Ana");
    await expect(plan.getByTestId("text-list-item")).toHaveText(["•tickets", "•snacks", "1.meet", "2.go"]);
    // Each on a line of its own, in order, with the empty line kept before the numbered list.
    const tops = await plan.getByTestId("text-list-item").evaluateAll((items) => items.map((el) => el.getBoundingClientRect().top));
    const quoteBox = (await plan.getByTestId("text-quote").boundingBox())!;
    expect(tops[0]!).toBeGreaterThanOrEqual(quoteBox.y + quoteBox.height - 1);
    expect(tops[1]! - tops[0]!).toBeGreaterThan(10);
    expect(tops[2]! - tops[1]!).toBeGreaterThan(1.5 * (tops[1]! - tops[0]!));
    await expect(chatRow(ana!.page, ben!.name)).toContainText("Plan: as Ana said • tickets • snacks 1. meet 2. go");
    await screenshot(ana!.page, testInfo, "formatting-quote-lists");
  });

  test("emoji panel: search, keyboard, insert at the caret, recently used; the other person gets it", async ({ newUsers }, testInfo) => {
    const [ana, ben] = await newUsers(2, { label: "emoji" });
    await signInAll([ana!, ben!]);
    await startDirectChat(ana!.page, ben!.name);
    const page = ana!.page;
    const composer = page.getByTestId("composer-input");
    await composer.fill("Hello world");
    await composer.press("End");
    for (let i = 0; i < " world".length; i++) await composer.press("ArrowLeft");

    await page.getByTestId("emoji-button").click();
    const panel = page.getByTestId("emoji-panel");
    await expect(panel.getByTestId("emoji-option").first()).toBeVisible();
    await expect(page.getByTestId("emoji-search")).toBeFocused();
    await page.keyboard.type("waving");
    await expect(panel.getByTestId("emoji-option").first()).toHaveAttribute("aria-label", "waving hand");
    await page.keyboard.press("Enter");
    await expect(composer).toHaveValue("Hello👋 world");

    // From the keyboard: down into the grid, right, Enter; the panel stays open for more.
    await page.getByTestId("emoji-search").fill("");
    await page.getByTestId("emoji-tab-food").click();
    await page.getByTestId("emoji-search").focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    const second = panel.getByTestId("emoji-option").nth(1);
    await expect(second).toBeFocused();
    // Down goes to the same column of the next row, Up comes back.
    await page.keyboard.press("ArrowDown");
    const below = await page.evaluate(() => document.activeElement!.getBoundingClientRect().toJSON() as DOMRect);
    const at = (await second.boundingBox())!;
    expect(below.y).toBeGreaterThan(at.y + at.height / 2);
    expect(Math.abs(below.x - at.x)).toBeLessThan(2);
    await page.keyboard.press("ArrowUp");
    await expect(second).toBeFocused();
    const picked = (await second.textContent())!;
    await page.keyboard.press("Enter");
    await expect(composer).toHaveValue(`Hello👋${picked} world`);

    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, '[data-testid="emoji-panel"]');
      await page.screenshot({ path: testInfo.outputPath(`emoji-panel-${colorScheme}.png`) });
    }

    // Escape closes it and the typing goes on where it was.
    await page.keyboard.press("Escape");
    await expect(panel).toHaveCount(0);
    await expect(composer).toBeFocused();
    await composer.press("Enter");
    await expect(chatRow(ben!.page, ana!.name)).toContainText(`Hello👋${picked} world`);

    // Used last, shown first next time.
    await page.getByTestId("emoji-button").click();
    await expect(page.getByTestId("emoji-tab-recent")).toHaveAttribute("aria-selected", "true");
    await expect(panel.getByTestId("emoji-option").first()).toHaveText(picked);
    await expect(panel.getByTestId("emoji-option").nth(1)).toHaveText("👋");
  });
});
