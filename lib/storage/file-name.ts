export const MAX_FILE_NAME_LENGTH = 200;

// C0/C1 controls, and the invisible format characters that can disguise an extension
// (right-to-left override "photo\u202Egnp.exe", zero-width joiners, BOM).
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A display name from a client-supplied file name: the last path segment only (both separators),
 * unsafe characters removed, at most 200 characters (the extension kept when it can be), never
 * empty, never "." or "..".
 */
export function sanitizeFileName(raw: string | null | undefined, fallback = "file"): string {
  let name = (raw ?? "").normalize("NFC");
  name = name.split(/[/\\]/).pop() ?? "";
  name = name.replace(UNSAFE_CHARS, "").trim();
  if (name === "" || /^\.+$/.test(name)) name = fallback;
  const chars = Array.from(name);
  if (chars.length <= MAX_FILE_NAME_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (ext.length > 0 && ext.length <= 16) {
    return Array.from(name.slice(0, dot)).slice(0, MAX_FILE_NAME_LENGTH - ext.length).join("").trimEnd() + ext.join("");
  }
  return chars.slice(0, MAX_FILE_NAME_LENGTH).join("").trimEnd();
}

const EXTENSION_ALIASES: Record<string, string[]> = {
  jpg: ["jpg", "jpeg", "jpe", "jfif"],
  mp4: ["mp4", "m4v"],
  mov: ["mov", "qt"],
  mp3: ["mp3", "mpga"],
  ogg: ["ogg", "oga", "opus"],
  opus: ["opus", "ogg", "oga"],
  m4a: ["m4a", "mp4", "aac"],
  tif: ["tif", "tiff"],
};

/** Makes the name's extension agree with the sniffed type (`cat.html` holding a PNG → `cat.html.png`). */
export function withExtension(name: string, ext: string | null): string {
  if (!ext) return name;
  const current = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  const accepted = EXTENSION_ALIASES[ext] ?? [ext];
  if (accepted.includes(current)) return name;
  return sanitizeFileName(`${name}.${ext}`);
}

/** Replaces the extension, e.g. an avatar re-encoded as WebP. */
export function replaceExtension(name: string, ext: string): string {
  const dot = name.lastIndexOf(".");
  return sanitizeFileName(`${dot > 0 ? name.slice(0, dot) : name}.${ext}`);
}

/**
 * A `Content-Disposition` value (RFC 6266): an ASCII-only `filename` for old clients and the exact
 * name as `filename*=UTF-8''…` (RFC 8187 percent-encoding).
 */
export function contentDisposition(type: "inline" | "attachment", name: string): string {
  const safe = sanitizeFileName(name);
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%;]/g, "_");
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
