import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PREVIEW_THUMBNAIL_SIZE, previewThumbnail } from "./preview-thumbnail";

const PREFIX = "data:image/webp;base64,";

async function decoded(dataUrl: string | null) {
  expect(dataUrl?.startsWith(PREFIX)).toBe(true);
  const bytes = Buffer.from((dataUrl ?? "").slice(PREFIX.length), "base64");
  return { bytes, meta: await sharp(bytes).metadata() };
}

/** A PNG of seeded RGBA noise: hard to compress, so it exercises the size limit. */
async function noisePng(size: number, alpha: (byte: number) => number): Promise<Buffer> {
  const pixels = Buffer.alloc(size * size * 4);
  let seed = 42;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    const byte = seed >>> 24;
    pixels[i] = i % 4 === 3 ? alpha(byte) : byte;
  }
  return sharp(pixels, { raw: { width: size, height: size, channels: 4 } }).png().toBuffer();
}

describe("previewThumbnail", () => {
  it("makes a 160×160 WebP data URL, cropping to the square", async () => {
    const png = await sharp({ create: { width: 800, height: 400, channels: 3, background: "#3a7" } }).png().toBuffer();
    const { meta } = await decoded(await previewThumbnail(png));
    expect(meta).toMatchObject({ format: "webp", width: PREVIEW_THUMBNAIL_SIZE, height: PREVIEW_THUMBNAIL_SIZE });
  });

  it("enlarges a tiny image to the same square", async () => {
    const dot = await sharp({ create: { width: 1, height: 1, channels: 3, background: "#000" } }).jpeg().toBuffer();
    const { meta } = await decoded(await previewThumbnail(dot));
    expect(meta).toMatchObject({ width: 160, height: 160 });
  });

  it("returns null for bytes that are not an image", async () => {
    expect(await previewThumbnail(Buffer.from("<html>not an image</html>"))).toBeNull();
    expect(await previewThumbnail(Buffer.alloc(0))).toBeNull();
    const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#fff" } }).png().toBuffer();
    expect(await previewThumbnail(png.subarray(0, 40))).toBeNull();
  });

  it("retries at a lower quality past 16 KB, and gives up when that is still too big", async () => {
    const webpSize = async (png: Buffer, quality: number) => (await sharp(png).webp({ quality }).toBuffer()).length;
    // 16 levels of alpha: just over 16 KB at quality 60, under it at 40.
    const borderline = await noisePng(160, (b) => b & 0xf0);
    expect(await webpSize(borderline, 60)).toBeGreaterThan(16 * 1024);
    const { bytes } = await decoded(await previewThumbnail(borderline));
    expect(bytes.length).toBeLessThanOrEqual(16 * 1024);

    // Full alpha noise: over 16 KB at 40 too.
    const hopeless = await noisePng(160, (b) => b);
    expect(await webpSize(hopeless, 40)).toBeGreaterThan(16 * 1024);
    expect(await previewThumbnail(hopeless)).toBeNull();
  });
});
