import sharp from "sharp";
import { MAX_INPUT_PIXELS } from "@/lib/storage/images";

export const PREVIEW_THUMBNAIL_SIZE = 160;

// The thumbnail travels inside every message that shows the preview: keep it small.
const MAX_THUMBNAIL_BYTES = 16 * 1024;

/**
 * A small square WebP of a page's image, as a data: URL (embedded in each message that shows the
 * preview, as WhatsApp embeds its thumbnail); null when the bytes are not an image sharp can read.
 */
export async function previewThumbnail(image: Buffer): Promise<string | null> {
  try {
    for (const quality of [60, 40]) {
      const webp = await sharp(image, { limitInputPixels: MAX_INPUT_PIXELS, animated: false, failOn: "error" })
        .autoOrient()
        .resize(PREVIEW_THUMBNAIL_SIZE, PREVIEW_THUMBNAIL_SIZE, { fit: "cover" })
        .webp({ quality })
        .toBuffer();
      if (webp.length <= MAX_THUMBNAIL_BYTES) return `data:image/webp;base64,${webp.toString("base64")}`;
    }
    return null;
  } catch {
    // Not an image, or one libvips will not decode (bomb, corrupt, unsupported): no thumbnail.
    return null;
  }
}
