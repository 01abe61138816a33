// The composer's upload queue: picked / dropped / pasted files, each uploaded on its own with
// progress, then sent together as one message. Pure state updates + the XHR upload itself.
import type { AttachmentDto } from "@/lib/realtime/contract";
import { MAX_ATTACHMENTS, DEFAULT_UPLOAD_MAX_BYTES, formatFileSize, guessKind, type AttachmentKind } from "./attachments";

export type UploadStatus = "uploading" | "done" | "error";

export type UploadItem = {
  localId: string;
  name: string;
  size: number;
  mime: string;
  kind: AttachmentKind;
  /** object URL for a local image/video preview, or null. */
  previewUrl: string | null;
  status: UploadStatus;
  /** 0…1 */
  progress: number;
  attachment: AttachmentDto | null;
  error: string | null;
};

export type FileLike = { name: string; size: number; type: string };

export type Rejected = { name: string; reason: string };

/**
 * Which of `files` may join a queue already holding `queued` items: within the per-message
 * count, not empty, not over the size limit. The rest come back with a reason to show.
 */
export function acceptFiles<F extends FileLike>(
  queued: number,
  files: readonly F[],
  limits: { maxFiles?: number; maxBytes?: number } = {},
): { accepted: F[]; rejected: Rejected[] } {
  const maxFiles = limits.maxFiles ?? MAX_ATTACHMENTS;
  const maxBytes = limits.maxBytes ?? DEFAULT_UPLOAD_MAX_BYTES;
  const accepted: F[] = [];
  const rejected: Rejected[] = [];
  for (const f of files) {
    const name = f.name || "file";
    if (f.size === 0) rejected.push({ name, reason: `“${name}” is empty` });
    else if (f.size > maxBytes) rejected.push({ name, reason: `“${name}” is too large (${formatFileSize(f.size)}). Files can be at most ${formatFileSize(maxBytes)}.` });
    else if (queued + accepted.length >= maxFiles) rejected.push({ name, reason: `You can send at most ${maxFiles} files at once` });
    else accepted.push(f);
  }
  return { accepted, rejected };
}

export function newUploadItem(localId: string, file: FileLike, previewUrl: string | null = null): UploadItem {
  return {
    localId,
    name: file.name || "file",
    size: file.size,
    mime: file.type,
    kind: guessKind(file.type),
    previewUrl,
    status: "uploading",
    progress: 0,
    attachment: null,
    error: null,
  };
}

function patch(items: readonly UploadItem[], localId: string, fn: (i: UploadItem) => UploadItem): UploadItem[] {
  let changed = false;
  const next = items.map((i) => {
    if (i.localId !== localId) return i;
    const n = fn(i);
    if (n !== i) changed = true;
    return n;
  });
  return changed ? next : (items as UploadItem[]);
}

export function uploadProgress(items: readonly UploadItem[], localId: string, loaded: number, total: number): UploadItem[] {
  return patch(items, localId, (i) => {
    if (i.status !== "uploading" || total <= 0) return i;
    // Stop short of 100 % until the server has answered (it still processes the file).
    const progress = Math.min(0.99, Math.max(i.progress, loaded / total));
    return progress === i.progress ? i : { ...i, progress };
  });
}

export function uploadDone(items: readonly UploadItem[], localId: string, attachment: AttachmentDto): UploadItem[] {
  return patch(items, localId, (i) => ({ ...i, status: "done", progress: 1, attachment, kind: attachment.kind, error: null }));
}

export function uploadFailed(items: readonly UploadItem[], localId: string, error: string): UploadItem[] {
  return patch(items, localId, (i) => (i.status === "done" ? i : { ...i, status: "error", error }));
}

export function removeUpload(items: readonly UploadItem[], localId: string): UploadItem[] {
  const next = items.filter((i) => i.localId !== localId);
  return next.length === items.length ? (items as UploadItem[]) : next;
}

export type QueueSummary = {
  total: number;
  uploading: number;
  failed: number;
  done: number;
  /** Overall 0…1, weighted by size. */
  progress: number;
  /** Everything uploaded and nothing failed: the message can go. */
  ready: boolean;
};

export function summarizeQueue(items: readonly UploadItem[]): QueueSummary {
  let uploading = 0;
  let failed = 0;
  let done = 0;
  let bytes = 0;
  let sent = 0;
  for (const i of items) {
    if (i.status === "uploading") uploading++;
    else if (i.status === "error") failed++;
    else done++;
    const weight = Math.max(1, i.size);
    bytes += weight;
    sent += weight * (i.status === "done" ? 1 : i.progress);
  }
  return {
    total: items.length,
    uploading,
    failed,
    done,
    progress: items.length ? sent / bytes : 0,
    ready: items.length > 0 && done === items.length,
  };
}

/** The uploaded attachments in queue order (what `message:send` references). */
export function uploadedAttachments(items: readonly UploadItem[]): AttachmentDto[] {
  return items.flatMap((i) => (i.status === "done" && i.attachment ? [i.attachment] : []));
}

/** A clear sentence for a failed upload, from the HTTP status and the API's error body. */
export function uploadErrorMessage(status: number, body: unknown): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  const serverText = typeof message === "string" && message ? message : null;
  switch (status) {
    case 0:
      return "Upload failed. Check your connection and try again.";
    case 413:
      return `Too large. ${serverText ?? "The file is larger than the server accepts."}`;
    case 415:
      return serverText ?? "This type of file can't be sent";
    case 429:
      return serverText ?? "Too many uploads. Wait a moment and try again.";
    case 401:
      return "Your session has ended. Sign in again.";
    default:
      return serverText ?? `Upload failed (${status})`;
  }
}

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

/**
 * POST /api/v1/uploads with XMLHttpRequest (fetch has no upload progress). Resolves with the
 * stored attachment; rejects with an UploadError carrying a message for people.
 */
export function uploadFile(
  file: Blob & { name?: string },
  opts: { onProgress?: (loaded: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<AttachmentDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/uploads");
    xhr.responseType = "json";
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(e.loaded, e.total);
    };
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status === 201 || xhr.status === 200) {
        const attachment = (body as { attachment?: AttachmentDto } | null)?.attachment;
        if (attachment) resolve(attachment);
        else reject(new UploadError("Upload failed: unexpected reply", xhr.status));
        return;
      }
      reject(new UploadError(uploadErrorMessage(xhr.status, body), xhr.status));
    };
    xhr.onerror = () => reject(new UploadError(uploadErrorMessage(0, null), 0));
    xhr.onabort = () => reject(new UploadError("Upload cancelled", -1));
    if (opts.signal) {
      if (opts.signal.aborted) {
        reject(new UploadError("Upload cancelled", -1));
        return;
      }
      opts.signal.addEventListener("abort", () => xhr.abort(), { once: true });
    }
    const form = new FormData();
    form.append("file", file, file.name ?? "file");
    xhr.send(form);
  });
}
