import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import type { ReceivedFile } from "./receive-upload";

export class DownloadError extends Error {
  override name = "DownloadError";
}

export type DownloadOptions = { maxBytes: number; tempDir: string; timeoutMs: number; /** The file's name, as an upload's would be. */ fileName: string };

/**
 * GETs `url` into a new file in `tempDir`, at most `maxBytes` (cut off past it) and `timeoutMs`
 * in all. Redirects are refused: the caller vetted this address, not wherever it might lead.
 * The caller owns the returned file; nothing is left behind on failure.
 */
export async function downloadToTempFile(url: string, opts: DownloadOptions): Promise<ReceivedFile> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, { redirect: "error", signal, headers: { accept: "image/*" } });
  } catch (err) {
    throw new DownloadError(`could not fetch: ${(err as Error).message}`);
  }
  const declared = Number(res.headers.get("content-length") ?? Number.NaN);
  const refused = !res.ok ? `answered ${res.status}` : Number.isFinite(declared) && declared > opts.maxBytes ? `${declared} bytes is over ${opts.maxBytes}` : null;
  if (refused || !res.body) {
    // Unread, the body would hold its connection until it is collected.
    await res.body?.cancel().catch(() => undefined);
    throw new DownloadError(refused ?? "no body");
  }

  await mkdir(opts.tempDir, { recursive: true, mode: 0o700 });
  const file = path.join(opts.tempDir, `${randomUUID()}.download`);
  let size = 0;
  const capped = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > opts.maxBytes ? new DownloadError(`over ${opts.maxBytes} bytes`) : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(res.body as NodeWebReadableStream<Uint8Array>), capped, createWriteStream(file, { flags: "wx", mode: 0o600 }), { signal });
  } catch (err) {
    await rm(file, { force: true });
    throw err instanceof DownloadError ? err : new DownloadError(`download failed: ${(err as Error).message}`);
  }
  return { path: file, size, clientName: opts.fileName };
}
