// Pure helpers for files, media and locations in messages: sizes, URLs, media boxes, labels.
import type { AttachmentDto } from "@/lib/realtime/contract";

export type AttachmentKind = AttachmentDto["kind"];

/** Files per message (the server's limit). */
export const MAX_ATTACHMENTS = 10;
/** The server's default UPLOAD_MAX_BYTES, until the page says what the server is set to. */
export const DEFAULT_UPLOAD_MAX_BYTES = 25 * 1024 * 1024;

const UNITS = ["KB", "MB", "GB", "TB"] as const;

/** "0 B", "900 B", "1.5 KB", "12 KB", "3.4 MB": one decimal below 10, none above (binary units). */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "";
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // 1023.96 KB rounds to "1024 KB": show "1 MB" instead.
  if (Math.round(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = value < 10 ? (Math.round(value * 10) / 10).toString() : Math.round(value).toString();
  return `${text} ${UNITS[unit]}`;
}

/** Same-origin URL of an attachment's bytes, or of its WebP thumbnail. */
export function attachmentUrl(id: string, opts: { thumbnail?: boolean } = {}): string {
  return `/api/v1/attachments/${encodeURIComponent(id)}${opts.thumbnail ? "?thumb=1" : ""}`;
}

/** "PDF", "DOCX", "" (no extension): the label on a file card's icon. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || dot === name.length - 1) return "";
  const ext = name.slice(dot + 1);
  return ext.length <= 5 && /^[a-z0-9]+$/i.test(ext) ? ext.toUpperCase() : "";
}

/** What a picked file will most likely be (for the preview tray; the server decides for real). */
export function guessKind(mime: string): AttachmentKind {
  if (/^image\/(jpeg|png|webp|gif)$/i.test(mime)) return "IMAGE";
  if (/^video\/(mp4|webm|quicktime)$/i.test(mime)) return "VIDEO";
  if (/^audio\//i.test(mime)) return "AUDIO";
  return "FILE";
}

export type Box = { width: number; height: number };

/**
 * The on-screen size of a picture or video in a bubble: its aspect ratio kept, scaled down to fit
 * `max`, and (for very thin images) cropped to at least `min` (the image is then `object-cover`).
 * Unknown dimensions get a 4:3 box.
 */
export function fitMedia(
  width: number | null | undefined,
  height: number | null | undefined,
  max: Box = { width: 330, height: 340 },
  min: Box = { width: 120, height: 80 },
): Box {
  if (!width || !height || width <= 0 || height <= 0) {
    return { width: max.width, height: Math.min(max.height, Math.round((max.width * 3) / 4)) };
  }
  // Scale down to fit, never up: a small picture stays small (down to the minimum box).
  const scale = Math.min(max.width / width, max.height / height, 1);
  const clamp = (v: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, v)));
  return { width: clamp(width * scale, min.width, max.width), height: clamp(height * scale, min.height, max.height) };
}

const KIND_LABEL: Record<AttachmentKind, string> = { IMAGE: "Photo", VIDEO: "Video", AUDIO: "Audio", FILE: "Document" };
const KIND_ICON: Record<AttachmentKind, string> = { IMAGE: "📷", VIDEO: "🎥", AUDIO: "🎤", FILE: "📄" };

/** "📷 Photo", "📄 report.pdf": a one-line stand-in for media (reply quotes, starred list). */
export function attachmentSummary(kind: AttachmentKind, name?: string | null): string {
  if (kind === "FILE" && name) return `${KIND_ICON.FILE} ${name}`;
  return `${KIND_ICON[kind]} ${KIND_LABEL[kind]}`;
}

/**
 * Summary of a whole message's content for the composer's quote, the forward dialog and copied
 * messages: a poll's question, its text, else its media, location or contact card.
 */
export function contentPreview(m: {
  text: string | null;
  attachments?: readonly Pick<AttachmentDto, "kind" | "name">[];
  location?: { label: string | null } | null;
  poll?: unknown;
  contact?: unknown;
}): string {
  if (m.poll) return `📊 ${m.text ?? "Poll"}`;
  if (m.text && m.text.trim()) return m.text;
  const first = m.attachments?.[0];
  if (first) {
    const n = m.attachments!.length;
    return n > 1 ? `${attachmentSummary(first.kind)} (${n})` : attachmentSummary(first.kind, first.name);
  }
  if (m.location) return `📍 ${m.location.label || "Location"}`;
  if (m.contact) return "👤 Contact";
  return "";
}

// ---- locations --------------------------------------------------------------------------------

export function osmUrl(lat: number, lng: number): string {
  const la = roundCoord(lat);
  const ln = roundCoord(lng);
  return `https://www.openstreetmap.org/?mlat=${la}&mlon=${ln}#map=16/${la}/${ln}`;
}

function roundCoord(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/** "52.52000, 13.40500" */
export function formatCoordinates(lat: number, lng: number): string {
  return `${lat.toFixed(5)}, ${lng.toFixed(5)}`;
}

export type ParsedLocation = { ok: true; lat: number; lng: number } | { ok: false; field: "lat" | "lng"; error: string };

/** The manual location form: decimal degrees ("52.52", "-0,1276" with a comma works too). */
export function parseCoordinates(latText: string, lngText: string): ParsedLocation {
  const lat = parseDegree(latText);
  if (lat === null) return { ok: false, field: "lat", error: "Enter a latitude in degrees, e.g. 52.52" };
  if (lat < -90 || lat > 90) return { ok: false, field: "lat", error: "Latitude must be between -90 and 90" };
  const lng = parseDegree(lngText);
  if (lng === null) return { ok: false, field: "lng", error: "Enter a longitude in degrees, e.g. 13.405" };
  if (lng < -180 || lng > 180) return { ok: false, field: "lng", error: "Longitude must be between -180 and 180" };
  return { ok: true, lat, lng };
}

function parseDegree(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
