import type { Readable } from "node:stream";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { attachmentKind } from "./attachment-dto";
import { contentDisposition, replaceExtension } from "./file-name";
import { ATTACHMENT_NOT_FOUND, findReadableAttachment } from "./find-attachment";
import { parseRange } from "./http-range";
import { OCTET_STREAM } from "./media-type";
import { driverFor, RangeNotSatisfiableError } from "./storage-driver";

/** Shown by the browser itself (img/video/audio elements, the PDF viewer); all else downloads. */
const INLINE_TYPES = new Set(["application/pdf"]);

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  // Even if a browser rendered the bytes as a document, it would have no origin, no scripts, no requests.
  "content-security-policy": "sandbox; default-src 'none'",
  "cross-origin-resource-policy": "same-origin",
} as const;

/** A message's file: who may read it does not change in a way a cache must follow. */
const CACHE_FOR_GOOD = "private, max-age=31536000, immutable";
/**
 * A file on no message (a profile picture, my pending upload): asked again on every load, so a
 * block (404) reaches a copy the browser kept; the usual answer is a 304 by the ETag.
 */
const CACHE_REVALIDATED = "private, no-cache";

/**
 * The HTTP response for GET /api/v1/attachments/:id (or its thumbnail): membership-checked,
 * streamed from the storage driver, with single-range support (206/416) for media seeking.
 * The content of an id never changes, so a message's file is cached for a year (privately). A
 * file on no message (a profile picture, an upload not sent yet) is revalidated on every load,
 * as its owner's block takes it from someone later: the access check runs before the ETag's, so
 * a blocked viewer's conditional request gets 404, never 304.
 */
export async function serveAttachment(ctx: Ctx, request: Request, input: { attachmentId: string; thumbnail?: boolean }): Promise<Response> {
  const attachment = await findReadableAttachment(ctx, input.attachmentId);
  const thumbnail = input.thumbnail === true;
  if (thumbnail && !attachment.thumbnailKey) throw notFound(ATTACHMENT_NOT_FOUND);
  const key = thumbnail ? attachment.thumbnailKey! : attachment.storageKey;
  const mime = thumbnail ? "image/webp" : attachment.mime;
  const inline = attachmentKind(mime) !== "FILE" || INLINE_TYPES.has(mime);
  const name = thumbnail ? replaceExtension(attachment.name, "webp") : attachment.name;
  const etag = `"${attachment.id}${thumbnail ? "-t" : ""}"`;

  const lastModified = attachment.createdAt.toUTCString();
  const headers = new Headers({
    ...SECURITY_HEADERS,
    "content-type": inline ? mime : OCTET_STREAM,
    "content-disposition": contentDisposition(inline ? "inline" : "attachment", name),
    "cache-control": attachment.onMessage ? CACHE_FOR_GOOD : CACHE_REVALIDATED,
    etag,
    "last-modified": lastModified,
  });

  if (matchesEtag(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }

  // Ranges for the original, whose size the row records (thumbnails are small: always whole).
  // If-Range names the copy the client holds, by ETag or Last-Modified: any other means "send
  // it all". An id's bytes never change, so the date is as strong a validator as the tag.
  const ifRange = request.headers.get("if-range");
  const rangeHeader = !thumbnail && (!ifRange || ifRange === etag || ifRange === lastModified) ? request.headers.get("range") : null;
  const range = parseRange(rangeHeader, attachment.size);
  if (!thumbnail) headers.set("accept-ranges", "bytes");
  if (range.kind === "unsatisfiable") return unsatisfiable(headers, attachment.size);

  // HEAD (Next answers it with this GET handler): headers only, no file opened and left unread.
  if (request.method === "HEAD") {
    if (range.kind === "partial") {
      const { start, end } = range.range;
      headers.set("content-range", `bytes ${start}-${end}/${attachment.size}`);
      headers.set("content-length", String(end - start + 1));
      return new Response(null, { status: 206, headers });
    }
    if (!thumbnail) headers.set("content-length", String(attachment.size));
    return new Response(null, { status: 200, headers });
  }

  const driver = driverFor(attachment.driver);
  let opened;
  try {
    opened = await driver.open(key, range.kind === "partial" ? range.range : undefined);
  } catch (err) {
    if (err instanceof RangeNotSatisfiableError) return unsatisfiable(headers, err.size);
    throw err;
  }
  if (range.kind === "partial") {
    const { start, end } = range.range;
    headers.set("content-range", `bytes ${start}-${end}/${opened.size}`);
    headers.set("content-length", String(end - start + 1));
    return new Response(toWebStream(opened.stream), { status: 206, headers });
  }
  headers.set("content-length", String(opened.size));
  return new Response(toWebStream(opened.stream), { status: 200, headers });
}

function unsatisfiable(headers: Headers, size: number): Response {
  headers.set("content-range", `bytes */${size}`);
  headers.delete("content-disposition");
  headers.set("content-type", "text/plain; charset=utf-8");
  return new Response(null, { status: 416, headers });
}

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/**
 * A pull-based web stream over a Node stream: one chunk is read only when the consumer asks for
 * it (real backpressure), and a cancelled response (client gone) destroys the source.
 */
function toWebStream(stream: Readable): ReadableStream<Uint8Array> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        } catch (err) {
          controller.error(err);
        }
      },
      async cancel() {
        stream.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}
