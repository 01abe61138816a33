import { describe, expect, it } from "vitest";
import {
  attachmentSummary,
  attachmentUrl,
  contentPreview,
  fileExtension,
  fitMedia,
  formatCoordinates,
  formatFileSize,
  guessKind,
  osmUrl,
  parseCoordinates,
} from "./attachments";

describe("formatFileSize", () => {
  it("uses bytes, then binary units with one decimal below 10", () => {
    expect(formatFileSize(0)).toBe("0 B");
    expect(formatFileSize(900)).toBe("900 B");
    expect(formatFileSize(1023)).toBe("1023 B");
    expect(formatFileSize(1024)).toBe("1 KB");
    expect(formatFileSize(1536)).toBe("1.5 KB");
    expect(formatFileSize(12 * 1024 + 300)).toBe("12 KB");
    expect(formatFileSize(25 * 1024 * 1024)).toBe("25 MB");
    expect(formatFileSize(3.46 * 1024 * 1024)).toBe("3.5 MB");
    expect(formatFileSize(5 * 1024 ** 3)).toBe("5 GB");
  });
  it("never shows 1024 of a unit", () => {
    expect(formatFileSize(1024 * 1024 - 10)).toBe("1 MB");
  });
  it("is empty for nonsense", () => {
    expect(formatFileSize(-1)).toBe("");
    expect(formatFileSize(Number.NaN)).toBe("");
  });
});

describe("attachment URLs and names", () => {
  it("builds same-origin URLs, with the thumbnail flag", () => {
    expect(attachmentUrl("a1")).toBe("/api/v1/attachments/a1");
    expect(attachmentUrl("a 1", { thumbnail: true })).toBe("/api/v1/attachments/a%201?thumb=1");
  });
  it("reads a short alphanumeric extension", () => {
    expect(fileExtension("report.final.PDF")).toBe("PDF");
    expect(fileExtension("archive.tar.gz")).toBe("GZ");
    expect(fileExtension("README")).toBe("");
    expect(fileExtension(".bashrc")).toBe("");
    expect(fileExtension("weird.ext-with-dash")).toBe("");
  });
  it("guesses the kind from a browser mime type", () => {
    expect(guessKind("image/png")).toBe("IMAGE");
    expect(guessKind("image/svg+xml")).toBe("FILE");
    expect(guessKind("video/mp4")).toBe("VIDEO");
    expect(guessKind("audio/ogg")).toBe("AUDIO");
    expect(guessKind("")).toBe("FILE");
  });
});

describe("fitMedia", () => {
  it("keeps the aspect ratio while scaling down into the box", () => {
    expect(fitMedia(4000, 3000)).toEqual({ width: 330, height: 248 });
    expect(fitMedia(1000, 2000)).toEqual({ width: 170, height: 340 });
  });
  it("never scales up a small picture, but keeps a minimum box", () => {
    expect(fitMedia(200, 150)).toEqual({ width: 200, height: 150 });
    expect(fitMedia(2, 2)).toEqual({ width: 120, height: 80 });
  });
  it("crops very thin pictures to the minimum (object-cover)", () => {
    expect(fitMedia(3000, 100)).toEqual({ width: 330, height: 80 });
  });
  it("uses 4:3 when the size is unknown", () => {
    expect(fitMedia(null, null)).toEqual({ width: 330, height: 248 });
  });
});

describe("previews", () => {
  it("summarises media", () => {
    expect(attachmentSummary("IMAGE")).toBe("📷 Photo");
    expect(attachmentSummary("FILE", "a.pdf")).toBe("📄 a.pdf");
  });
  it("prefers text, then files, then the location", () => {
    const img = { kind: "IMAGE" as const, name: "x.png" };
    expect(contentPreview({ text: "caption", attachments: [img] })).toBe("caption");
    expect(contentPreview({ text: null, attachments: [img, img] })).toBe("📷 Photo (2)");
    expect(contentPreview({ text: "  ", attachments: [], location: { label: "Home" } })).toBe("📍 Home");
    expect(contentPreview({ text: null })).toBe("");
  });
  it("names a poll by its question and stands in for a contact card", () => {
    expect(contentPreview({ text: "Lunch?", poll: { multiple: false, options: [] } })).toBe("📊 Lunch?");
    expect(contentPreview({ text: null, contact: { name: "Ana" } })).toBe("👤 Contact");
  });
});

describe("locations", () => {
  it("links to OpenStreetMap with a marker", () => {
    expect(osmUrl(52.52, 13.405)).toBe("https://www.openstreetmap.org/?mlat=52.52&mlon=13.405#map=16/52.52/13.405");
    expect(osmUrl(-33.8688197, 151.2092955)).toContain("mlat=-33.86882&mlon=151.209296");
  });
  it("formats coordinates with five decimals", () => {
    expect(formatCoordinates(52.52, -0.1)).toBe("52.52000, -0.10000");
  });
  it("parses typed degrees, accepting a decimal comma", () => {
    expect(parseCoordinates(" 52.52 ", "13,405")).toEqual({ ok: true, lat: 52.52, lng: 13.405 });
    expect(parseCoordinates("-90", "+180")).toEqual({ ok: true, lat: -90, lng: 180 });
  });
  it("explains what is wrong and where", () => {
    expect(parseCoordinates("abc", "1")).toMatchObject({ ok: false, field: "lat" });
    expect(parseCoordinates("91", "1")).toMatchObject({ ok: false, field: "lat", error: expect.stringContaining("between") });
    expect(parseCoordinates("1", "")).toMatchObject({ ok: false, field: "lng" });
    expect(parseCoordinates("1", "-181")).toMatchObject({ ok: false, field: "lng" });
    expect(parseCoordinates("1e3", "1")).toMatchObject({ ok: false, field: "lat" });
  });
});
