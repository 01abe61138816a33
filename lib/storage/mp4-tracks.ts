import { readFileHead } from "./file-head";

// MP4: Safari records voice notes (MediaRecorder, audio/mp4) as MP4 with a generic brand, which
// file-type calls video/mp4 whatever the tracks. The track handlers say what they are: 'soun'
// for audio, 'vide' for video. MediaRecorder writes the moov box (the tracks) first.

const MP4_SCAN_BYTES = 1024 * 1024;
const CONTAINERS = new Set(["moov", "trak", "mdia"]);

/** True when every track of the MP4 is audio. Unknown or unparsable (moov not near the start) → false. */
export async function mp4IsAudioOnly(filePath: string): Promise<boolean> {
  const handlers = mp4TrackHandlers(await readFileHead(filePath, MP4_SCAN_BYTES));
  return handlers !== null && handlers.length > 0 && handlers.every((h) => h === "soun");
}

/** The handler type of each track found in an MP4 buffer ('soun', 'vide'…), or null when it stops making sense. */
export function mp4TrackHandlers(buf: Buffer): string[] | null {
  const handlers: string[] = [];
  let sawMoov = false;

  // Walks the boxes in [pos, end); descends into the containers that lead to a track's handler.
  function walk(pos: number, end: number, depth: number): boolean {
    while (pos + 8 <= end) {
      let size = buf.readUInt32BE(pos);
      const type = buf.toString("latin1", pos + 4, pos + 8);
      let header = 8;
      if (size === 1) {
        if (pos + 16 > end) return false;
        const large = buf.readBigUInt64BE(pos + 8);
        if (large > BigInt(Number.MAX_SAFE_INTEGER)) return false;
        size = Number(large);
        header = 16;
      } else if (size === 0) {
        size = end - pos; // to the end
      }
      if (size < header) return false;
      const contentEnd = Math.min(pos + size, end);
      if (type === "moov") sawMoov = true;
      if (CONTAINERS.has(type)) {
        if (depth > 3 || !walk(pos + header, contentEnd, depth + 1)) return false;
        if (type === "moov") return true; // the tracks are all in it
      } else if (type === "hdlr" && pos + header + 12 <= contentEnd) {
        // FullBox: version and flags (4), pre_defined (4), then the handler type.
        handlers.push(buf.toString("latin1", pos + header + 8, pos + header + 12));
      }
      pos += size;
    }
    return true;
  }

  return walk(0, buf.length, 0) && sawMoov ? handlers : null;
}
