// The speed voice messages and audio play at, as WhatsApp has it: one button on every player
// cycles 1×, 1.5×, 2×, and the choice holds for every player of this browser, now and after a
// reload (like WhatsApp's, it is the device's, not the account's).

export const PLAYBACK_SPEEDS = [1, 1.5, 2] as const;
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];

const KEY = "convo:playback-speed:v1";
const listeners = new Set<() => void>();
/** This page's choice: also what counts in a browser that keeps nothing in storage. */
let chosen: PlaybackSpeed | undefined;

/** What storage held, if it is one of the speeds; else 1×. */
export function parsePlaybackSpeed(stored: string | null): PlaybackSpeed {
  return PLAYBACK_SPEEDS.find((speed) => String(speed) === stored) ?? 1;
}

/** The speed after this one, back to 1× after the fastest. */
export function nextPlaybackSpeed(speed: PlaybackSpeed): PlaybackSpeed {
  return PLAYBACK_SPEEDS[(PLAYBACK_SPEEDS.indexOf(speed) + 1) % PLAYBACK_SPEEDS.length]!;
}

export function currentPlaybackSpeed(): PlaybackSpeed {
  if (chosen !== undefined) return chosen;
  if (typeof window === "undefined") return 1;
  try {
    return parsePlaybackSpeed(localStorage.getItem(KEY));
  } catch {
    return 1;
  }
}

export function setPlaybackSpeed(speed: PlaybackSpeed): void {
  chosen = speed;
  try {
    localStorage.setItem(KEY, String(speed));
  } catch {
    // Storage refused (a privacy mode): kept for this page only.
  }
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore. */
export function subscribePlaybackSpeed(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
