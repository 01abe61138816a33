import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentKind } from "./attachment-dto";
import { contentDisposition, sanitizeFileName, withExtension } from "./file-name";
import { parseRange } from "./http-range";
import { sniffFile } from "./media-type";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "convo-sniff-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sniff(bytes: Uint8Array) {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}`);
  await writeFile(file, bytes);
  return sniffFile(file);
}

// --- a tiny EBML writer for WebM fixtures ---
const hex = (h: string) => Buffer.from(h, "hex");
function el(id: string, payload: Buffer | string | number[]): Buffer {
  const data = Buffer.isBuffer(payload) ? payload : typeof payload === "string" ? Buffer.from(payload) : Buffer.from(payload);
  if (data.length > 126) throw new Error("fixture element too long");
  return Buffer.concat([hex(id), Buffer.from([0x80 | data.length]), data]);
}
const UNKNOWN_SIZE = hex("01ffffffffffffff");
function webm(trackTypes: number[]): Buffer {
  const header = el("1a45dfa3", Buffer.concat([el("4286", [1]), el("4282", "webm"), el("4287", [4])]));
  const info = el("1549a966", el("2ad7b1", [0x0f, 0x42, 0x40]));
  const tracks = el(
    "1654ae6b",
    Buffer.concat(trackTypes.map((type, i) => el("ae", Buffer.concat([el("d7", [i + 1]), el("83", [type]), el("86", type === 1 ? "V_VP8" : "A_OPUS")])))),
  );
  const cluster = Buffer.concat([hex("1f43b675"), UNKNOWN_SIZE, el("e7", [0])]);
  return Buffer.concat([header, hex("18538067"), UNKNOWN_SIZE, info, tracks, cluster]);
}

describe("type sniffing", () => {
  it("tells audio-only WebM (voice notes) from WebM video", async () => {
    expect(await sniff(webm([2]))).toMatchObject({ kind: "AUDIO", mime: "audio/webm" });
    expect(await sniff(webm([1, 2]))).toMatchObject({ kind: "VIDEO", mime: "video/webm" });
    expect(await sniff(webm([1]))).toMatchObject({ kind: "VIDEO", mime: "video/webm" });
  });

  it("never lets an unsupported media type pose as media", async () => {
    const tiff = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } }).tiff().toBuffer();
    expect(await sniff(tiff)).toMatchObject({ kind: "FILE", mime: "application/octet-stream" });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await sniff(svg)).toMatchObject({ kind: "FILE", mime: "application/octet-stream" });
    expect(await sniff(Buffer.from("PK\u0003\u0004" + "\0".repeat(40)))).toMatchObject({ kind: "FILE" });
    // Stored types map back to the same kinds, also for prefix-based readers.
    expect(attachmentKind("image/tiff")).toBe("FILE");
    expect(attachmentKind("audio/webm")).toBe("AUDIO");
    expect(attachmentKind("application/pdf")).toBe("FILE");
  });
});

describe("file names", () => {
  it("keeps the base name only, without control or bidi characters, at most 200 characters", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\me\\report.pdf")).toBe("report.pdf");
    expect(sanitizeFileName("a\u0000b\u001f\u007fc\u202e.txt")).toBe("abc.txt");
    expect(sanitizeFileName("  \n ")).toBe("file");
    expect(sanitizeFileName("..")).toBe("file");
    expect(sanitizeFileName(undefined)).toBe("file");
    const long = sanitizeFileName(`${"x".repeat(300)}.jpeg`);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith(".jpeg")).toBe(true);
    expect(Array.from(sanitizeFileName("😀".repeat(250)))).toHaveLength(200);
  });

  it("makes the extension agree with the sniffed type", () => {
    expect(withExtension("photo.JPG", "jpg")).toBe("photo.JPG");
    expect(withExtension("photo.jpeg", "jpg")).toBe("photo.jpeg");
    expect(withExtension("cat.html", "png")).toBe("cat.html.png");
    expect(withExtension("voice", "webm")).toBe("voice.webm");
  });

  it("builds RFC 6266 Content-Disposition values that cannot break out of the header", () => {
    expect(contentDisposition("inline", "a.png")).toBe(`inline; filename="a.png"; filename*=UTF-8''a.png`);
    expect(contentDisposition("attachment", 'x";\r\nSet-Cookie: a=b.txt')).toBe(
      `attachment; filename="x__Set-Cookie: a=b.txt"; filename*=UTF-8''x%22%3BSet-Cookie%3A%20a%3Db.txt`,
    );
    expect(contentDisposition("attachment", "naïve (1)'s.pdf")).toBe(
      `attachment; filename="na_ve (1)'s.pdf"; filename*=UTF-8''na%C3%AFve%20%281%29%27s.pdf`,
    );
  });
});

describe("Range header", () => {
  it("parses single byte ranges against the size", () => {
    expect(parseRange(null, 100)).toEqual({ kind: "full" });
    expect(parseRange("bytes=0-9", 100)).toEqual({ kind: "partial", range: { start: 0, end: 9 } });
    expect(parseRange("bytes=90-", 100)).toEqual({ kind: "partial", range: { start: 90, end: 99 } });
    expect(parseRange("bytes=-10", 100)).toEqual({ kind: "partial", range: { start: 90, end: 99 } });
    expect(parseRange("bytes=-500", 100)).toEqual({ kind: "partial", range: { start: 0, end: 99 } });
    expect(parseRange("bytes=50-5000", 100)).toEqual({ kind: "partial", range: { start: 50, end: 99 } });
    expect(parseRange("bytes=100-", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
    // Ignored (a full 200 is a valid answer): malformed, inverted, multiple ranges, other units.
    expect(parseRange("bytes=9-3", 100)).toEqual({ kind: "full" });
    expect(parseRange("bytes=0-1,5-6", 100)).toEqual({ kind: "full" });
    expect(parseRange("items=0-1", 100)).toEqual({ kind: "full" });
    expect(parseRange("bytes=abc", 100)).toEqual({ kind: "full" });
  });
});
