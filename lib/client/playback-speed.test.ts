import { describe, expect, it } from "vitest";
import { nextPlaybackSpeed, parsePlaybackSpeed } from "./playback-speed";

describe("playback speed", () => {
  it("cycles 1×, 1.5×, 2× and back to 1×", () => {
    expect([1, 1.5, 2].map((s) => nextPlaybackSpeed(s as 1 | 1.5 | 2))).toEqual([1.5, 2, 1]);
  });

  it("reads back only one of its speeds from storage, else normal speed", () => {
    expect(parsePlaybackSpeed("1.5")).toBe(1.5);
    expect(parsePlaybackSpeed("2")).toBe(2);
    for (const stored of [null, "", "3", "0.5", "fast", "1.50"]) expect(parsePlaybackSpeed(stored)).toBe(1);
  });
});
