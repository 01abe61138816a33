// Typing indicators: who is typing (or recording a voice message) where, incoming with expiry,
// and a throttle for my own.
import type { Timers } from "./batcher";
import { realTimers } from "./batcher";

export const TYPING_TTL_MS = 5_000;
export const TYPING_REFRESH_MS = 2_500;
export const TYPING_IDLE_MS = 3_000;

/** What someone is doing in a chat, and until when (epoch ms) unless told again. */
export type Typist = { until: number; recording: boolean };
/** conversationId → userId → what they are doing. */
export type TypingState = Record<string, Record<string, Typist>>;

export function applyTyping(
  state: TypingState,
  ev: { conversationId: string; userId: string; isTyping: boolean; recording?: boolean },
  now: number,
  ttl = TYPING_TTL_MS,
): TypingState {
  const users = state[ev.conversationId] ?? {};
  if (ev.isTyping) {
    return { ...state, [ev.conversationId]: { ...users, [ev.userId]: { until: now + ttl, recording: ev.recording === true } } };
  }
  if (!(ev.userId in users)) return state;
  const rest = { ...users };
  delete rest[ev.userId];
  const next = { ...state };
  if (Object.keys(rest).length) next[ev.conversationId] = rest;
  else delete next[ev.conversationId];
  return next;
}

/** Drop indicators not refreshed in time. Same object back when nothing expired. */
export function pruneTyping(state: TypingState, now: number): TypingState {
  let changed = false;
  const next: TypingState = {};
  for (const [conversationId, users] of Object.entries(state)) {
    const alive: Record<string, Typist> = {};
    for (const [userId, typist] of Object.entries(users)) {
      if (typist.until > now) alive[userId] = typist;
      else changed = true;
    }
    if (Object.keys(alive).length) next[conversationId] = alive;
  }
  return changed ? next : state;
}

/** Who is typing or recording now: expired entries are pruned every second by the realtime client. */
export function activeTypers(state: TypingState, conversationId: string): { userId: string; recording: boolean }[] {
  return Object.entries(state[conversationId] ?? {}).map(([userId, { recording }]) => ({ userId, recording }));
}

export function typingUserIds(state: TypingState, conversationId: string, now: number): string[] {
  const users = state[conversationId];
  if (!users) return [];
  return Object.entries(users)
    .filter(([, typist]) => typist.until > now)
    .map(([userId]) => userId);
}

/**
 * "typing…" or "recording audio…" in a direct chat; in groups "Ana is typing…", "Ana and Bo are
 * recording audio…", "3 people are typing…" (recording only when every one of them is).
 */
export function typingLabel(typists: { name: string; recording: boolean }[], isGroup: boolean): string | null {
  if (typists.length === 0) return null;
  const doing = typists.every((t) => t.recording) ? "recording audio…" : "typing…";
  if (!isGroup) return doing;
  const first = (n: string) => n.split(/\s+/)[0] || n;
  const [a, b] = typists.map((t) => first(t.name));
  if (typists.length === 1) return `${a} is ${doing}`;
  if (typists.length === 2) return `${a} and ${b} are ${doing}`;
  return `${typists.length} people are ${doing}`;
}

/**
 * My own typing signal: `true` at most every TYPING_REFRESH_MS while I type, `false` once on
 * send, blur, an empty box or TYPING_IDLE_MS without a keystroke. While I record a voice message,
 * `true` with `recording` every TYPING_REFRESH_MS (no keystrokes keep it alive), until stopped.
 */
export function createTypingEmitter(
  emit: (conversationId: string, isTyping: boolean, recording?: boolean) => void,
  now: () => number = Date.now,
  timers: Timers = realTimers,
) {
  /** `idle`: the timer that ends typing, or (recording) the one that repeats the signal. */
  const state = new Map<string, { lastTrueAt: number; idle: unknown; recording?: boolean }>();

  const stop = (conversationId: string) => {
    const s = state.get(conversationId);
    if (!s) return;
    if (s.idle !== null) timers.clear(s.idle);
    state.delete(conversationId);
    emit(conversationId, false);
  };

  const keepRecording = (conversationId: string) => {
    emit(conversationId, true, true);
    state.set(conversationId, { lastTrueAt: now(), idle: timers.set(() => keepRecording(conversationId), TYPING_REFRESH_MS), recording: true });
  };

  return {
    input(conversationId: string, text: string) {
      const s = state.get(conversationId);
      // The box can change while recording (emptied, an emoji, a draft restored): still recording.
      if (s?.recording) return;
      if (text.trim() === "") {
        stop(conversationId);
        return;
      }
      const t = now();
      if (!s || t - s.lastTrueAt >= TYPING_REFRESH_MS) {
        emit(conversationId, true);
      }
      if (s?.idle != null) timers.clear(s.idle);
      const lastTrueAt = !s || t - s.lastTrueAt >= TYPING_REFRESH_MS ? t : s.lastTrueAt;
      state.set(conversationId, { lastTrueAt, idle: timers.set(() => stop(conversationId), TYPING_IDLE_MS) });
    },
    /** Recording a voice message in this chat: told until stopped (stop(), or recording(…, false)). */
    recording(conversationId: string, on: boolean) {
      const s = state.get(conversationId);
      if (s?.recording) {
        if (!on) stop(conversationId);
        return;
      }
      if (!on) return;
      if (s?.idle != null) timers.clear(s.idle);
      keepRecording(conversationId);
    },
    stop,
    /** The box lost focus: typing ends there, a recording (its bar has the focus) goes on. */
    blur(conversationId: string) {
      if (!state.get(conversationId)?.recording) stop(conversationId);
    },
    stopAll() {
      for (const id of [...state.keys()]) stop(id);
    },
    /**
     * After a reconnect the server forgot: send `true` again on the next keystroke. A recording
     * goes on, and its next repeat tells the server again.
     */
    reset() {
      for (const [conversationId, s] of state) {
        if (s.recording) continue;
        if (s.idle !== null) timers.clear(s.idle);
        state.delete(conversationId);
      }
    },
  };
}
export type TypingEmitter = ReturnType<typeof createTypingEmitter>;
