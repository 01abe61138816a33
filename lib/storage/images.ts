import sharp, { type SharpOptions } from "sharp";

// Decoded lazily from temp files that are deleted right after: keep libvips from caching open files.
sharp.cache({ files: 0 });

/** Refuse decompression bombs: more pixels than any phone camera makes (per frame × frames). */
export const MAX_INPUT_PIXELS = 100_000_000;
export const THUMBNAIL_MAX_SIZE = 320;
export const AVATAR_SIZE = 256;

const inputOptions = (animated: boolean): SharpOptions => ({
  animated,
  limitInputPixels: MAX_INPUT_PIXELS,
  failOn: "error",
});

/**
 * Re-encodes an image in its own format, rotated upright by its EXIF orientation, with every
 * piece of metadata (EXIF incl. GPS, XMP, IPTC, comments, ICC) dropped. Animated GIF/WebP keep
 * their frames. Returns the displayed size (one frame's).
 */
export async function normalizeImage(src: string, dest: string, mime: string): Promise<{ width: number; height: number }> {
  const animated = mime === "image/gif" || mime === "image/webp";
  let pipeline = sharp(src, inputOptions(animated)).autoOrient();
  switch (mime) {
    case "image/jpeg":
      pipeline = pipeline.jpeg({ quality: 88, mozjpeg: true });
      break;
    case "image/png":
      pipeline = pipeline.png();
      break;
    case "image/webp":
      pipeline = pipeline.webp({ quality: 88 });
      break;
    case "image/gif":
      pipeline = pipeline.gif();
      break;
    default:
      throw new Error(`Not an image type we re-encode: ${mime}`);
  }
  // sharp writes no metadata unless asked to (withMetadata/keepExif/keepIccProfile): never ask.
  const info = await pipeline.toFile(dest);
  return { width: info.width, height: info.pageHeight ?? info.height };
}

/** A WebP of the first frame, fitting in 320×320 (never enlarged). */
export async function makeThumbnail(src: string, dest: string): Promise<{ width: number; height: number }> {
  const info = await sharp(src, inputOptions(false))
    .autoOrient()
    .resize(THUMBNAIL_MAX_SIZE, THUMBNAIL_MAX_SIZE, { fit: "inside", withoutEnlargement: true })
    .webp({ quality: 72 })
    .toFile(dest);
  return { width: info.width, height: info.height };
}

/** A 256×256 WebP avatar: upright, cropped to the centred square, first frame only, no metadata. */
export async function makeAvatar(src: string, dest: string): Promise<{ width: number; height: number }> {
  const info = await sharp(src, inputOptions(false))
    .autoOrient()
    .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover", position: "centre" })
    .webp({ quality: 85 })
    .toFile(dest);
  return { width: info.width, height: info.height };
}
