import { describe, expect, it } from "vitest";
import type { AttachmentDto } from "@/lib/realtime/contract";
import {
  acceptFiles,
  newUploadItem,
  removeUpload,
  summarizeQueue,
  uploadDone,
  uploadedAttachments,
  uploadErrorMessage,
  uploadFailed,
  uploadProgress,
} from "./uploads";

const file = (name: string, size: number, type = "image/png") => ({ name, size, type });
const attachment = (id: string, over: Partial<AttachmentDto> = {}): AttachmentDto => ({
  id,
  kind: "IMAGE",
  name: `${id}.png`,
  mime: "image/png",
  size: 100,
  width: 10,
  height: 10,
  hasThumbnail: true,
  ...over,
});

describe("acceptFiles", () => {
  it("refuses empty and too-large files with a reason, keeps the rest", () => {
    const { accepted, rejected } = acceptFiles(0, [file("a.png", 10), file("empty.txt", 0), file("big.mov", 30 * 1024 * 1024)], {
      maxBytes: 25 * 1024 * 1024,
    });
    expect(accepted.map((f) => f.name)).toEqual(["a.png"]);
    expect(rejected).toEqual([
      { name: "empty.txt", reason: "“empty.txt” is empty" },
      { name: "big.mov", reason: "“big.mov” is too large (30 MB). Files can be at most 25 MB." },
    ]);
  });
  it("counts what is already queued against the per-message limit", () => {
    const files = [file("1", 1), file("2", 1), file("3", 1)];
    const { accepted, rejected } = acceptFiles(8, files, { maxFiles: 10 });
    expect(accepted.map((f) => f.name)).toEqual(["1", "2"]);
    expect(rejected).toEqual([{ name: "3", reason: "You can send at most 10 files at once" }]);
  });
});

describe("the upload queue", () => {
  const start = () => [newUploadItem("x", file("x.png", 300)), newUploadItem("y", file("y.pdf", 100, "application/pdf"))];

  it("starts uploading, guessing the kind", () => {
    const [x, y] = start();
    expect(x).toMatchObject({ status: "uploading", progress: 0, kind: "IMAGE", attachment: null });
    expect(y!.kind).toBe("FILE");
  });

  it("moves progress forward only, and stops short of 100% until the server answers", () => {
    let q = start();
    q = uploadProgress(q, "x", 150, 300);
    expect(q[0]!.progress).toBe(0.5);
    expect(uploadProgress(q, "x", 100, 300)).toBe(q);
    q = uploadProgress(q, "x", 300, 300);
    expect(q[0]!.progress).toBe(0.99);
    expect(uploadProgress(q, "nope", 1, 2)).toBe(q);
  });

  it("summarises: weighted progress, ready only when all are done", () => {
    let q = start();
    q = uploadProgress(q, "x", 150, 300);
    let s = summarizeQueue(q);
    expect(s).toMatchObject({ total: 2, uploading: 2, failed: 0, done: 0, ready: false });
    expect(s.progress).toBeCloseTo(150 / 400);
    q = uploadDone(q, "x", attachment("A"));
    q = uploadDone(q, "y", attachment("B", { kind: "FILE" }));
    s = summarizeQueue(q);
    expect(s).toMatchObject({ done: 2, ready: true, progress: 1 });
    expect(q[1]!.kind).toBe("FILE");
    expect(uploadedAttachments(q).map((a) => a.id)).toEqual(["A", "B"]);
  });

  it("a failure blocks sending until it is removed", () => {
    let q = start();
    q = uploadDone(q, "x", attachment("A"));
    q = uploadFailed(q, "y", "Too large");
    expect(q[1]).toMatchObject({ status: "error", error: "Too large" });
    expect(summarizeQueue(q)).toMatchObject({ failed: 1, ready: false });
    // A late failure never overrides a finished upload.
    expect(uploadFailed(q, "x", "late")[0]!.status).toBe("done");
    q = removeUpload(q, "y");
    expect(summarizeQueue(q)).toMatchObject({ total: 1, ready: true });
    expect(removeUpload(q, "y")).toBe(q);
  });

  it("an empty queue is not ready", () => {
    expect(summarizeQueue([])).toMatchObject({ total: 0, ready: false, progress: 0 });
  });
});

describe("uploadErrorMessage", () => {
  it("is clear about size limits, types, rate limits and the network", () => {
    expect(uploadErrorMessage(413, { error: { code: "PAYLOAD_TOO_LARGE", message: "Files can be at most 25 MB" } })).toBe(
      "Too large. Files can be at most 25 MB",
    );
    expect(uploadErrorMessage(413, null)).toBe("Too large. The file is larger than the server accepts.");
    expect(uploadErrorMessage(415, { error: { message: "This type of file is not allowed here" } })).toBe("This type of file is not allowed here");
    expect(uploadErrorMessage(429, { error: { message: "Too many requests. Try again in 12 s." } })).toBe("Too many requests. Try again in 12 s.");
    expect(uploadErrorMessage(429, {})).toBe("Too many uploads. Wait a moment and try again.");
    expect(uploadErrorMessage(0, null)).toMatch(/connection/);
    expect(uploadErrorMessage(500, "garbage")).toBe("Upload failed (500)");
  });
});
