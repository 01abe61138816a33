// Uploading and fetching files through the real route handlers, as a signed-in test user, with
// the storage in a temp DATA_DIR of the test file's own.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import * as attachmentRoute from "@/app/api/v1/attachments/[id]/route";
import * as uploadsRoute from "@/app/api/v1/uploads/route";
import { resetEnvForTests } from "@/lib/env";
import type { TestUser } from "@/lib/test-support/fixtures";
import type { AttachmentDto } from "../attachment-dto";
import { resetStorageDriverForTests } from "../storage-driver";

export const BASE = "http://localhost:3000";

type RouteFn = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export const uploadPost = uploadsRoute.POST as unknown as RouteFn;
const attachmentGet = attachmentRoute.GET as unknown as RouteFn;

/** Sets (or, with undefined, removes) environment variables, and reloads what reads them. */
export function setEnv(vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvForTests();
  resetStorageDriverForTests();
}

/**
 * For the whole test file: local-disk storage in a temp DATA_DIR, uploads up to `maxBytes`.
 * Returns the directory (known once the file's tests start); all is put back afterwards.
 */
export function withTempDataDir(prefix: string, maxBytes: number): () => string {
  const saved = { DATA_DIR: process.env.DATA_DIR, UPLOAD_MAX_BYTES: process.env.UPLOAD_MAX_BYTES, UPLOADTHING_TOKEN: process.env.UPLOADTHING_TOKEN };
  let dataDir = "";
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), prefix));
    setEnv({ DATA_DIR: dataDir, UPLOAD_MAX_BYTES: String(maxBytes), UPLOADTHING_TOKEN: undefined });
  });
  afterAll(async () => {
    setEnv(saved);
    await rm(dataDir, { recursive: true, force: true });
  });
  return () => dataDir;
}

export type UploadFile = { bytes: Uint8Array; name: string; type: string };

export function upload(user: TestUser | null, file: UploadFile, opts: { query?: string; origin?: string } = {}): Promise<Response> {
  const form = new FormData();
  form.append("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
  const headers: Record<string, string> = { host: "localhost:3000" };
  if (user) headers.cookie = user.cookie;
  if (opts.origin) headers.origin = opts.origin;
  return uploadPost(new Request(`${BASE}/api/v1/uploads${opts.query ?? ""}`, { method: "POST", headers, body: form }), { params: Promise.resolve({}) });
}

/** An upload that must succeed: its attachment. */
export async function uploadOk(user: TestUser, file: UploadFile, query?: string): Promise<AttachmentDto> {
  const res = await upload(user, file, { query });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body.attachment;
}

export function fetchAttachment(
  user: TestUser | null,
  id: string,
  opts: { thumb?: boolean; headers?: Record<string, string>; method?: "GET" | "HEAD" } = {},
): Promise<Response> {
  const headers: Record<string, string> = { host: "localhost:3000", ...opts.headers };
  if (user) headers.cookie = user.cookie;
  const url = `${BASE}/api/v1/attachments/${id}${opts.thumb ? "?thumb=1" : ""}`;
  // The route's GET answers HEAD too, as Next routes it.
  return attachmentGet(new Request(url, { method: opts.method ?? "GET", headers }), { params: Promise.resolve({ id }) });
}
