import { openAsBlob } from "node:fs";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { UTApi, UTFile } from "uploadthing/server";
import { AppError, notFound } from "@/lib/errors";
import type { ByteRange, OpenedObject, StorageDriver } from "./storage-driver";
import { checkRange, RangeNotSatisfiableError } from "./storage-errors";
import { assertStorageKey } from "./storage-key";

export type UploadThingDriverOptions = {
  /** UPLOADTHING_TOKEN: base64 JSON `{ apiKey, appId, regions, ingestHost? }`. */
  token: string;
  /** Overrides of the SDK's service URLs (tests point them at a local stand-in). */
  apiUrl?: string;
  ingestUrl?: string;
  ufsHost?: string;
  ufsAppIdLocation?: "subdomain" | "path";
  /** How long the signed read URL the SDK mints for each read stays valid. */
  readUrlTtlSeconds?: number;
};

/**
 * Stores bytes with uploadthing's server SDK (UTApi). The object's `customId` is derived from our
 * storage key, so nothing but the key needs to be kept in the database: reads fetch the signed
 * file URL the SDK generates for that custom id (`https://<appId>.ufs.sh/f/<customId>`), which
 * works for public and private apps alike, with the Range header passed through.
 *
 * Bytes always go through our attachment route (membership check, safe headers); the uploadthing
 * URLs never reach a client.
 */
export class UploadThingDriver implements StorageDriver {
  static readonly driverName = "uploadthing";
  readonly name = UploadThingDriver.driverName;
  private readonly api: UTApi;
  private readonly readUrlTtlSeconds: number;

  constructor(opts: UploadThingDriverOptions) {
    // Unset overrides are left out so the SDK's own defaults (and UPLOADTHING_* variables) apply.
    const overrides = Object.fromEntries(
      Object.entries({ apiUrl: opts.apiUrl, ingestUrl: opts.ingestUrl, ufsHost: opts.ufsHost, ufsAppIdLocation: opts.ufsAppIdLocation })
        .filter(([, v]) => v !== undefined),
    );
    this.api = new UTApi({ token: opts.token, defaultKeyType: "customId", logLevel: "Error", ...overrides });
    this.readUrlTtlSeconds = opts.readUrlTtlSeconds ?? 300;
  }

  /** `2026/11/<uuid>` → `2026-11-<uuid>`: a custom id that is also a plain URL path segment. */
  static customIdFor(key: string): string {
    assertStorageKey(key);
    return key.replaceAll("/", "-");
  }

  async put(key: string, filePath: string, mime: string): Promise<void> {
    const customId = UploadThingDriver.customIdFor(key);
    // A file-backed Blob: the SDK's multipart upload streams it from disk, never whole in memory.
    const blob = await openAsBlob(filePath, { type: mime });
    const file = new UTFile([blob], customId, { customId, type: mime });
    const result = await this.api.uploadFiles(file);
    if (result.error) {
      throw new AppError("UNAVAILABLE", `File storage refused the upload: ${result.error.message}`);
    }
  }

  async open(key: string, range?: ByteRange): Promise<OpenedObject> {
    const customId = UploadThingDriver.customIdFor(key);
    const { ufsUrl } = await this.api.generateSignedURL(customId, { expiresIn: this.readUrlTtlSeconds });
    const res = await fetch(ufsUrl, {
      headers: range ? { range: `bytes=${range.start}-${range.end}` } : {},
      redirect: "follow",
      cache: "no-store",
    });
    if (res.status === 404) {
      await res.body?.cancel();
      throw notFound("File not found");
    }
    if (res.status === 416) {
      await res.body?.cancel();
      throw new RangeNotSatisfiableError(totalFromContentRange(res.headers.get("content-range")) ?? 0);
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new AppError("UNAVAILABLE", `File storage answered ${res.status}`);
    }
    const body = Readable.fromWeb(res.body as NodeWebReadableStream<Uint8Array>);
    if (res.status === 206) {
      const size = totalFromContentRange(res.headers.get("content-range"));
      if (size === undefined) {
        body.destroy();
        throw new AppError("UNAVAILABLE", "File storage sent a partial response without its size");
      }
      return { stream: body, size };
    }
    const size = Number(res.headers.get("content-length"));
    if (!Number.isSafeInteger(size)) {
      body.destroy();
      throw new AppError("UNAVAILABLE", "File storage did not send the file size");
    }
    if (!range) return { stream: body, size };
    // The server ignored the Range header: cut the range out of the full body ourselves.
    try {
      checkRange(range, size);
    } catch (err) {
      body.destroy();
      throw err;
    }
    return { stream: sliceBytes(body, range), size };
  }

  async remove(key: string): Promise<void> {
    const customId = UploadThingDriver.customIdFor(key);
    await this.api.deleteFiles(customId, { keyType: "customId" });
  }
}

function totalFromContentRange(header: string | null): number | undefined {
  const match = header?.match(/\/(\d+)\s*$/);
  return match ? Number(match[1]) : undefined;
}

/** Bytes [start, end] of a stream; stops reading (and destroys the source) once past `end`. */
function sliceBytes(source: Readable, { start, end }: ByteRange): Readable {
  async function* slice() {
    let offset = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        const chunkStart = offset;
        offset += chunk.length;
        const from = Math.max(start - chunkStart, 0);
        const to = Math.min(end + 1 - chunkStart, chunk.length);
        if (to > from) yield chunk.subarray(from, to);
        if (offset > end) return;
      }
    } finally {
      source.destroy();
    }
  }
  return Readable.from(slice());
}
