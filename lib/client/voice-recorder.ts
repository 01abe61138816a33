// Voice messages: the microphone through MediaRecorder, into one audio file that goes the way of
// any attachment (upload, sniffed by the server as audio, sent when uploaded).
import { dayKey, formatClock } from "./format";

/** Long enough for any voice note; far below the upload limit at speech bitrates (~4 KB/s). */
export const MAX_VOICE_SECONDS = 15 * 60;

// Opus in WebM is what Chromium and Firefox record; Safari records AAC in MP4.
const PREFERRED_MIMES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/mp4"];

/** The first container the browser can record, or "" to let it choose. */
export function pickRecordingMime(isSupported: (mime: string) => boolean): string {
  return PREFERRED_MIMES.find((mime) => isSupported(mime)) ?? "";
}

/** "Voice message 2026-11-22 at 21.07.05.webm": sortable, and says what it is when downloaded. */
export function voiceFileName(at: Date, mime: string): string {
  const ext = /mp4|aac/.test(mime) ? "m4a" : /ogg/.test(mime) ? "ogg" : "webm";
  return `Voice message ${dayKey(at)} at ${formatClock(at).replace(":", ".")}.${String(at.getSeconds()).padStart(2, "0")}.${ext}`;
}

/** Why recording could not start, in words a user can act on. */
export function microphoneErrorMessage(err: unknown): string {
  const name = typeof err === "object" && err !== null && "name" in err ? String(err.name) : "";
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
      return "Convo isn't allowed to use your microphone. Allow it in your browser's site settings, then try again.";
    case "NotFoundError":
    case "OverconstrainedError":
      return "No microphone was found. Connect one, then try again.";
    case "NotReadableError":
    case "AbortError":
      return "Your microphone is in use by another app or couldn't be started.";
    case "NotSupportedError":
      return "This browser can't record voice messages.";
    default:
      return "Couldn't start recording.";
  }
}

export type VoiceRecording = {
  /** performance.now() when recording began. */
  readonly startedAt: number;
  /** Stops and returns the recording as a file (null when nothing was captured). */
  stop: () => Promise<File | null>;
  /** Stops and throws the recording away. */
  cancel: () => void;
};

/**
 * Asks for the microphone and starts recording. Rejects with an Error whose message says why
 * (see microphoneErrorMessage) when the browser can't or won't.
 */
export async function startVoiceRecording(): Promise<VoiceRecording> {
  // Browsers hide the microphone from pages not served over https (or localhost).
  if (!window.isSecureContext) throw new Error("Voice messages need a secure (https) connection.");
  if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") {
    throw new Error(microphoneErrorMessage({ name: "NotSupportedError" }));
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
  } catch (err) {
    throw new Error(microphoneErrorMessage(err));
  }
  const mime = pickRecordingMime((m) => MediaRecorder.isTypeSupported(m));
  let recorder: MediaRecorder;
  try {
    recorder = new MediaRecorder(stream, mime ? { mimeType: mime, audioBitsPerSecond: 32_000 } : undefined);
  } catch (err) {
    for (const track of stream.getTracks()) track.stop();
    throw new Error(microphoneErrorMessage(err));
  }
  const chunks: Blob[] = [];
  recorder.addEventListener("dataavailable", (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  });
  const stopped = new Promise<void>((resolve) => recorder.addEventListener("stop", () => resolve(), { once: true }));
  const release = () => {
    for (const track of stream.getTracks()) track.stop();
  };
  recorder.start();
  const startedAt = performance.now();

  return {
    startedAt,
    async stop() {
      if (recorder.state !== "inactive") recorder.stop();
      await stopped;
      release();
      if (chunks.length === 0) return null;
      const type = (recorder.mimeType || mime || "audio/webm").split(";")[0]!;
      return new File(chunks, voiceFileName(new Date(), type), { type });
    },
    cancel() {
      if (recorder.state !== "inactive") recorder.stop();
      chunks.length = 0;
      release();
    },
  };
}
