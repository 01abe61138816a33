import { describe, expect, it } from "vitest";
import { microphoneErrorMessage, pickRecordingMime, voiceFileName } from "./voice-recorder";

describe("pickRecordingMime", () => {
  it("prefers Opus in WebM, then Ogg, then what Safari records", () => {
    expect(pickRecordingMime(() => true)).toBe("audio/webm;codecs=opus");
    expect(pickRecordingMime((m) => m.startsWith("audio/ogg"))).toBe("audio/ogg;codecs=opus");
    expect(pickRecordingMime((m) => m === "audio/mp4")).toBe("audio/mp4");
  });

  it("lets the browser choose when it supports none of them", () => {
    expect(pickRecordingMime(() => false)).toBe("");
  });
});

describe("voiceFileName", () => {
  const at = new Date(2026, 10, 2, 9, 7, 5);

  it("names the recording by its local date and time, with the container's extension", () => {
    expect(voiceFileName(at, "audio/webm")).toBe("Voice message 2026-11-02 at 09.07.05.webm");
    expect(voiceFileName(at, "audio/ogg")).toBe("Voice message 2026-11-02 at 09.07.05.ogg");
    expect(voiceFileName(at, "audio/mp4")).toBe("Voice message 2026-11-02 at 09.07.05.m4a");
  });
});

describe("microphoneErrorMessage", () => {
  it("tells a refused permission from a missing or busy microphone", () => {
    const named = (name: string) => Object.assign(new Error("x"), { name });
    expect(microphoneErrorMessage(named("NotAllowedError"))).toMatch(/allow it in your browser's site settings/i);
    expect(microphoneErrorMessage(named("NotFoundError"))).toMatch(/no microphone was found/i);
    expect(microphoneErrorMessage(named("NotReadableError"))).toMatch(/in use by another app/i);
    expect(microphoneErrorMessage({ name: "NotSupportedError" })).toMatch(/can't record/i);
    expect(microphoneErrorMessage("boom")).toBe("Couldn't start recording.");
  });
});
