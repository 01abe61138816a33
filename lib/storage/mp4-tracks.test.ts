import { describe, expect, it } from "vitest";
import { mp4TrackHandlers } from "./mp4-tracks";
import { mp4Box } from "./test-support/mp4-boxes";

const box = mp4Box;
const hdlr = (handler: string) => box("hdlr", Buffer.alloc(8), Buffer.from(handler, "latin1"), Buffer.alloc(12), Buffer.from("Handler\0"));
const track = (handler: string) => box("trak", box("tkhd", Buffer.alloc(84)), box("mdia", box("mdhd", Buffer.alloc(24)), hdlr(handler)));
const ftyp = box("ftyp", Buffer.from("mp42"), Buffer.alloc(4), Buffer.from("isommp41mp42"));
const mdat = box("mdat", Buffer.alloc(4000, 0x21));

describe("mp4TrackHandlers", () => {
  it("reads each track's handler from the moov box", () => {
    expect(mp4TrackHandlers(Buffer.concat([ftyp, box("moov", box("mvhd", Buffer.alloc(100)), track("soun")), mdat]))).toEqual(["soun"]);
    expect(mp4TrackHandlers(Buffer.concat([ftyp, box("moov", track("vide"), track("soun")), mdat]))).toEqual(["vide", "soun"]);
  });

  it("answers null when the tracks are not within reach or the boxes make no sense", () => {
    // A camera's MP4 with its moov after the media: not in the bytes read.
    expect(mp4TrackHandlers(Buffer.concat([ftyp, mdat]))).toBeNull();
    const broken = Buffer.concat([ftyp, box("moov", track("soun"))]);
    broken.writeUInt32BE(3, ftyp.length + 8); // a box smaller than its own header
    expect(mp4TrackHandlers(broken)).toBeNull();
  });
});
