"use client";
// The composer's voice recording: start (asking for the microphone), discard, or stop and hand
// the file over. Leaving the chat frees the microphone, even while the browser is still asking.
import { useCallback, useEffect, useRef, useState } from "react";
import { startVoiceRecording, type VoiceRecording } from "@/lib/client/voice-recorder";

type Options = {
  /** The finished recording (null when nothing was captured). */
  onRecorded: (file: File | null) => void;
  /** Why recording could not start, in words for the user. */
  onError: (message: string) => void;
  /** Back to the message box after the recording bar goes. */
  onDone: () => void;
};

export function useVoiceRecording({ onRecorded, onError, onDone }: Options) {
  const [recording, setRecording] = useState<VoiceRecording | null>(null);
  const [starting, setStarting] = useState(false);
  // The live recording and whether the composer is still there, for cleanup.
  const live = useRef<VoiceRecording | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      live.current?.cancel();
    };
  }, []);

  const start = async () => {
    setStarting(true);
    try {
      const started = await startVoiceRecording();
      // Left the chat while the browser asked for the microphone: let it go at once.
      if (!mounted.current) {
        started.cancel();
        return;
      }
      live.current = started;
      setRecording(started);
    } catch (err) {
      onError(err instanceof Error ? err.message : "Couldn't start recording.");
    } finally {
      setStarting(false);
    }
  };

  /** Takes the live recording off the bar; null when there is none (already sent or discarded). */
  const take = useCallback(() => {
    const current = live.current;
    live.current = null;
    setRecording(null);
    requestAnimationFrame(onDone);
    return current;
  }, [onDone]);

  const discard = useCallback(() => take()?.cancel(), [take]);

  const send = useCallback(async () => {
    const finished = take();
    if (finished) onRecorded(await finished.stop());
  }, [take, onRecorded]);

  return { recording, starting, start, discard, send };
}
