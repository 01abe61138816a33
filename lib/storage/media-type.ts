import { fileTypeFromFile } from "file-type";
import { readFileHead } from "./file-head";
import { mp4IsAudioOnly } from "./mp4-tracks";

export type AttachmentKind = "IMAGE" | "VIDEO" | "AUDIO" | "FILE";

/** What the bytes are, decided from their content alone (never the client's name or type). */
export type SniffedType = { kind: AttachmentKind; mime: string; ext: string | null };

/** The only image formats we decode, re-encode and show inline. */
export const IMAGE_MIMES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);
export const VIDEO_MIMES = new Set(["video/mp4", "video/webm", "video/quicktime"]);
export const AUDIO_MIMES = new Set(["audio/mpeg", "audio/ogg", "audio/wav", "audio/webm", "audio/mp4", "audio/aac"]);
export const OCTET_STREAM = "application/octet-stream";

// file-type's answer → the type we store. Anything not listed becomes a FILE.
const SNIFFED: Record<string, { kind: AttachmentKind; mime: string }> = {
  "image/jpeg": { kind: "IMAGE", mime: "image/jpeg" },
  "image/png": { kind: "IMAGE", mime: "image/png" },
  "image/webp": { kind: "IMAGE", mime: "image/webp" },
  "image/gif": { kind: "IMAGE", mime: "image/gif" },
  "video/mp4": { kind: "VIDEO", mime: "video/mp4" },
  "video/x-m4v": { kind: "VIDEO", mime: "video/mp4" },
  "video/webm": { kind: "VIDEO", mime: "video/webm" },
  "video/quicktime": { kind: "VIDEO", mime: "video/quicktime" },
  "audio/mpeg": { kind: "AUDIO", mime: "audio/mpeg" },
  "audio/ogg": { kind: "AUDIO", mime: "audio/ogg" },
  "audio/ogg; codecs=opus": { kind: "AUDIO", mime: "audio/ogg" },
  "audio/wav": { kind: "AUDIO", mime: "audio/wav" },
  "audio/x-m4a": { kind: "AUDIO", mime: "audio/mp4" },
  "audio/mp4": { kind: "AUDIO", mime: "audio/mp4" },
  "audio/aac": { kind: "AUDIO", mime: "audio/aac" },
  "application/pdf": { kind: "FILE", mime: "application/pdf" },
};

/**
 * Sniffs a file's type from its magic bytes. Images/video/audio in the supported sets get their
 * kind; everything else is a FILE. A FILE never carries an image/, video/ or audio/ type (an
 * unsupported media format is stored as application/octet-stream), so any reader that derives
 * the kind from the mime prefix agrees; unknown bytes are application/octet-stream.
 */
export async function sniffFile(filePath: string): Promise<SniffedType> {
  const detected = await fileTypeFromFile(filePath);
  if (!detected) return { kind: "FILE", mime: OCTET_STREAM, ext: null };
  const known = SNIFFED[detected.mime];
  if (known?.mime === "video/webm" && (await webmIsAudioOnly(filePath))) {
    return { kind: "AUDIO", mime: "audio/webm", ext: "webm" };
  }
  if (known?.mime === "video/mp4" && (await mp4IsAudioOnly(filePath))) {
    return { kind: "AUDIO", mime: "audio/mp4", ext: "m4a" };
  }
  if (known) return { ...known, ext: detected.ext };
  if (/^(image|video|audio|text)\//.test(detected.mime)) return { kind: "FILE", mime: OCTET_STREAM, ext: detected.ext };
  return { kind: "FILE", mime: detected.mime, ext: detected.ext };
}

// --- WebM: voice notes recorded by browsers (MediaRecorder) are audio-only WebM. file-type calls
// every WebM video/webm, so read the track types from the Tracks element near the start.

const EBML_SEGMENT = 0x18538067;
const EBML_TRACKS = 0x1654ae6b;
const EBML_TRACK_ENTRY = 0xae;
const EBML_TRACK_TYPE = 0x83;
const EBML_CLUSTER = 0x1f43b675;
const TRACK_AUDIO = 2;
const WEBM_SCAN_BYTES = 256 * 1024;

/** True when the WebM's tracks are all audio. Unknown or unparsable → false (stays a video). */
export async function webmIsAudioOnly(filePath: string): Promise<boolean> {
  const types = webmTrackTypes(await readFileHead(filePath, WEBM_SCAN_BYTES));
  return types !== null && types.length > 0 && types.every((t) => t === TRACK_AUDIO);
}

/** Track types found in an EBML buffer, or null when it stops making sense. */
export function webmTrackTypes(buf: Uint8Array): number[] | null {
  const types: number[] = [];

  function readVint(pos: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | null {
    const first = buf[pos];
    if (first === undefined || first === 0) return null;
    let length = 1;
    while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
    if (length > 8 || pos + length > buf.length) return null;
    let value = keepMarker ? first : first & (0xff >> length);
    let allOnes = value === 0xff >> length;
    for (let i = 1; i < length; i++) {
      const byte = buf[pos + i]!;
      value = value * 256 + byte;
      if (byte !== 0xff) allOnes = false;
    }
    return { value, length, unknown: !keepMarker && allOnes };
  }

  // Walks elements in [pos, end); descends into the containers that lead to TrackType.
  function walk(pos: number, end: number, depth: number): boolean {
    while (pos < end) {
      const id = readVint(pos, true);
      if (!id) return false;
      const size = readVint(pos + id.length, false);
      if (!size) return false;
      const dataStart = pos + id.length + size.length;
      const dataEnd = size.unknown ? end : Math.min(dataStart + size.value, buf.length);
      if (id.value === EBML_CLUSTER) return true; // media data starts: the tracks are behind us
      if (id.value === EBML_SEGMENT || id.value === EBML_TRACKS || id.value === EBML_TRACK_ENTRY) {
        if (depth > 4 || !walk(dataStart, dataEnd, depth + 1)) return false;
      } else if (id.value === EBML_TRACK_TYPE) {
        let type = 0;
        for (let i = dataStart; i < dataEnd; i++) type = type * 256 + buf[i]!;
        types.push(type);
      }
      if (size.unknown) return true;
      pos = dataStart + size.value;
    }
    return true;
  }

  return walk(0, buf.length, 0) ? types : null;
}
