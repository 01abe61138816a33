import { randomUUID } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import type { Ctx } from "@/lib/context";
import { AppError, badRequest } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { attachmentDtoSelect, toAttachmentDto, type AttachmentDto } from "./attachment-dto";
import { replaceExtension, sanitizeFileName, withExtension } from "./file-name";
import { makeAvatar, makeThumbnail, MAX_INPUT_PIXELS, normalizeImage } from "./images";
import { sniffFile, type AttachmentKind } from "./media-type";
import type { StorageDriver } from "./storage-driver";
import { newStorageKey } from "./storage-key";

/** Room for multipart boundaries and part headers on top of the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** Temp files older than this are leftovers of a crash and get swept. */
const STALE_TEMP_MS = 6 * 60 * 60 * 1000;

export type ReceivedFile = { path: string; size: number; clientName: string };

const tooLarge = (maxBytes: number) =>
  new AppError("PAYLOAD_TOO_LARGE", `Files can be at most ${formatMegabytes(maxBytes)}`);

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Streams the `file` part of a multipart/form-data request into a new file in `tempDir`, counting
 * bytes as they arrive: past `maxBytes` the upload is cut off (PAYLOAD_TOO_LARGE) and the partial
 * file deleted; the same happens when the client aborts. Never holds the file in memory.
 * The caller owns (and must delete) the returned file.
 */
export async function receiveMultipartFile(
  request: Request,
  opts: { maxBytes: number; tempDir: string; field?: string },
): Promise<ReceivedFile> {
  const field = opts.field ?? "file";
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the file as multipart/form-data");
  }
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > opts.maxBytes + MULTIPART_OVERHEAD) throw tooLarge(opts.maxBytes);
  if (!request.body) throw badRequest("Attach a file");
  if (request.signal.aborted) throw badRequest("Upload aborted");

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: { files: 1, fileSize: opts.maxBytes, fields: 8, fieldSize: 1024, parts: 16, headerPairs: 32 },
    });
  } catch {
    throw badRequest("Malformed multipart body");
  }
  await mkdir(opts.tempDir, { recursive: true, mode: 0o700 });
  sweepStaleTempFiles(opts.tempDir);
  const source = Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>);

  return new Promise<ReceivedFile>((resolve, reject) => {
    let settled = false;
    let tempPath: string | undefined;
    let out: WriteStream | undefined;
    let fileStream: (Readable & { truncated?: boolean }) | undefined;
    let written: Promise<void> | undefined;
    let clientName = "";

    const onAbort = () => void fail(badRequest("Upload aborted"));
    request.signal.addEventListener("abort", onAbort, { once: true });

    async function fail(err: unknown) {
      if (settled) return;
      settled = true;
      request.signal.removeEventListener("abort", onAbort);
      // Stop reading the request at once: nothing more is parsed or written.
      source.unpipe(parser);
      source.destroy();
      parser.destroy();
      fileStream?.destroy();
      if (out) {
        out.destroy();
        await finished(out).catch(() => undefined);
      }
      if (tempPath) await rm(tempPath, { force: true }).catch(() => undefined);
      reject(err);
    }

    parser.on("file", (name, stream, info) => {
      // Deferred: busboy emits 'limit' mid-write and touches its file stream right after.
      stream.on("limit", () => process.nextTick(() => void fail(tooLarge(opts.maxBytes))));
      if (settled || name !== field || fileStream) {
        stream.resume(); // not ours: drain and discard
        return;
      }
      fileStream = stream;
      clientName = info.filename ?? "";
      tempPath = path.join(opts.tempDir, `${randomUUID()}.upload`);
      out = createWriteStream(tempPath, { flags: "wx", mode: 0o600 });
      written = pipeline(stream, out);
      written.catch((err) => void fail(err));
    });
    parser.on("error", () => void fail(badRequest("Malformed multipart body")));
    parser.on("close", () => {
      void (async () => {
        if (settled) return;
        if (!written || !tempPath || !out) return fail(badRequest(`Attach a file in the "${field}" field`));
        try {
          await written;
        } catch (err) {
          return fail(err);
        }
        if (settled) return;
        if (fileStream?.truncated) return fail(tooLarge(opts.maxBytes));
        settled = true;
        request.signal.removeEventListener("abort", onAbort);
        resolve({ path: tempPath, size: out.bytesWritten, clientName });
      })();
    });
    // The client went away mid-body (the web stream errors) or sent garbage.
    source.on("error", () => void fail(badRequest("Upload aborted")));
    source.pipe(parser);
  });
}

let lastSweep = 0;

/** Best effort, at most hourly: removes temp files a crashed process left behind. */
function sweepStaleTempFiles(dir: string): void {
  const now = Date.now();
  if (now - lastSweep < 60 * 60 * 1000) return;
  lastSweep = now;
  void (async () => {
    for (const entry of await readdir(dir)) {
      const file = path.join(dir, entry);
      const info = await stat(file).catch(() => null);
      if (info?.isFile() && now - info.mtimeMs > STALE_TEMP_MS) await rm(file, { force: true });
    }
  })().catch((err) => logger.warn({ err }, "sweeping upload temp files failed"));
}

export type StoreFileOptions = {
  tempDir: string;
  driver: StorageDriver;
  /** Kinds this file may be; anything else is refused with UNSUPPORTED_MEDIA_TYPE. */
  kinds: readonly AttachmentKind[];
  /** "message": keep the image (upright, metadata stripped) plus a thumbnail; "avatar": a 256×256 WebP square. */
  imageMode: "message" | "avatar";
};

export type ReceiveUploadOptions = StoreFileOptions & { maxBytes: number };

type Prepared = {
  filePath: string;
  mime: string;
  name: string;
  width: number | null;
  height: number | null;
  thumbnailPath: string | null;
};

/**
 * The whole upload: stream the body to a temp file (size-capped), then store it (storeFile).
 */
export async function receiveUpload(ctx: Ctx, request: Request, opts: ReceiveUploadOptions): Promise<AttachmentDto> {
  const received = await receiveMultipartFile(request, opts);
  return storeFile(ctx, received, opts);
}

/**
 * A file received into `tempDir` (an upload, or a photo fetched for the actor) as an Attachment:
 * sniff the type from the bytes, process images with sharp, store the bytes (and thumbnail) with
 * the driver, and record an Attachment owned by the actor and not yet attached to a message.
 * Takes the file: it and every temp file are always removed; stored bytes are removed again
 * when a later step fails.
 */
export async function storeFile(ctx: Ctx, received: ReceivedFile, opts: StoreFileOptions): Promise<AttachmentDto> {
  const temps: string[] = [received.path];
  const stored: string[] = [];
  const tempFile = (suffix: string) => {
    const file = path.join(opts.tempDir, `${randomUUID()}.${suffix}`);
    temps.push(file);
    return file;
  };
  try {
    if (received.size === 0) throw badRequest("The file is empty");

    const sniffed = await sniffFile(received.path);
    if (!opts.kinds.includes(sniffed.kind)) {
      throw new AppError(
        "UNSUPPORTED_MEDIA_TYPE",
        opts.kinds.length === 1 && opts.kinds[0] === "IMAGE" ? "Choose a JPEG, PNG, WebP or GIF image" : "This type of file is not allowed here",
      );
    }
    const displayName = sanitizeFileName(received.clientName);
    const prepared: Prepared = {
      filePath: received.path,
      mime: sniffed.mime,
      name: sniffed.kind === "FILE" ? displayName : withExtension(displayName, sniffed.ext),
      width: null,
      height: null,
      thumbnailPath: null,
    };

    if (sniffed.kind === "IMAGE" && opts.imageMode === "avatar") {
      const avatar = tempFile("webp");
      try {
        await makeAvatar(received.path, avatar);
      } catch {
        throw new AppError("UNSUPPORTED_MEDIA_TYPE", "This image could not be read");
      }
      Object.assign(prepared, { filePath: avatar, mime: "image/webp", name: replaceExtension(displayName, "webp"), width: 256, height: 256 });
    } else if (sniffed.kind === "IMAGE") {
      const clean = tempFile("img");
      const thumbnail = tempFile("webp");
      try {
        const size = await normalizeImage(received.path, clean, sniffed.mime);
        await makeThumbnail(clean, thumbnail);
        Object.assign(prepared, { filePath: clean, width: size.width, height: size.height, thumbnailPath: thumbnail });
      } catch (err) {
        // Looks like a photo but does not decode (damaged, or more pixels than we decode). Kept
        // as it came, it would carry its EXIF (the place it was taken) to everyone: refused.
        logger.info({ err: (err as Error).message }, "image could not be processed; refused");
        if (/pixel limit/i.test((err as Error).message)) {
          throw new AppError("PAYLOAD_TOO_LARGE", `Photos can be at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels`);
        }
        throw new AppError("UNSUPPORTED_MEDIA_TYPE", "This photo could not be read: it may be damaged");
      }
    }

    const size = (await stat(prepared.filePath)).size;
    const storageKey = newStorageKey();
    await opts.driver.put(storageKey, prepared.filePath, prepared.mime);
    stored.push(storageKey);
    let thumbnailKey: string | null = null;
    if (prepared.thumbnailPath) {
      thumbnailKey = newStorageKey();
      await opts.driver.put(thumbnailKey, prepared.thumbnailPath, "image/webp");
      stored.push(thumbnailKey);
    }

    const row = await ctx.db.attachment.create({
      data: {
        ownerId: ctx.actor.id,
        storageKey,
        driver: opts.driver.name,
        name: prepared.name,
        mime: prepared.mime,
        size,
        width: prepared.width,
        height: prepared.height,
        thumbnailKey,
      },
      select: attachmentDtoSelect,
    });
    stored.length = 0;
    return toAttachmentDto(row);
  } catch (err) {
    await Promise.allSettled(stored.map((key) => opts.driver.remove(key)));
    throw err;
  } finally {
    await Promise.allSettled(temps.map((file) => rm(file, { force: true })));
  }
}
