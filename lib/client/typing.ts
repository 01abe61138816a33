// Typing indicators: who is typing where (incoming, with expiry) and a throttle for my own.
import type { Timers } from "./batcher";
import { realTimers } from "./batcher";

export const TYPING_TTL_MS = 5_000;
export const TYPING_REFRESH_MS = 2_500;
export const TYPING_IDLE_MS = 3_000;

/** conversationId → userId → expiry (epoch ms). */
export type TypingState = Record<string, Record<string, number>>;

export function applyTyping(
  state: TypingState,
  ev: { conversationId: string; userId: string; isTyping: boolean },
  now: number,
  ttl = TYPING_TTL_MS,
): TypingState {
  const users = state[ev.conversationId] ?? {};
  if (ev.isTyping) {
    return { ...state, [ev.conversationId]: { ...users, [ev.userId]: now + ttl } };
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
    const alive: Record<string, number> = {};
    for (const [userId, expires] of Object.entries(users)) {
      if (expires > now) alive[userId] = expires;
      else changed = true;
    }
    if (Object.keys(alive).length) next[conversationId] = alive;
  }
  return changed ? next : state;
}

/** Who is typing now: expired entries are pruned every second by the realtime client. */
export function activeTypers(state: TypingState, conversationId: string): string[] {
  return Object.keys(state[conversationId] ?? {});
}

export function typingUserIds(state: TypingState, conversationId: string, now: number): string[] {
  const users = state[conversationId];
  if (!users) return [];
  return Object.entries(users)
    .filter(([, expires]) => expires > now)
    .map(([userId]) => userId);
}

/** "typing…" in a direct chat; "Ana is typing…", "Ana and Bo are typing…", "3 people are typing…" in groups. */
export function typingLabel(names: string[], isGroup: boolean): string | null {
  if (names.length === 0) return null;
  if (!isGroup) return "typing…";
  const first = (n: string) => n.split(/\s+/)[0] || n;
  if (names.length === 1) return `${first(names[0]!)} is typing…`;
  if (names.length === 2) return `${first(names[0]!)} and ${first(names[1]!)} are typing…`;
  return `${names.length} people are typing…`;
}

/**
 * My own typing signal: `true` at most every TYPING_REFRESH_MS while I type, `false` once on
 * send, blur, an empty box or TYPING_IDLE_MS without a keystroke.
 */
export function createTypingEmitter(
  emit: (conversationId: string, isTyping: boolean) => void,
  now: () => number = Date.now,
  timers: Timers = realTimers,
) {
  const state = new Map<string, { lastTrueAt: number; idle: unknown }>();

  const stop = (conversationId: string) => {
    const s = state.get(conversationId);
    if (!s) return;
    if (s.idle !== null) timers.clear(s.idle);
    state.delete(conversationId);
    emit(conversationId, false);
  };

  return {
    input(conversationId: string, text: string) {
      if (text.trim() === "") {
        stop(conversationId);
        return;
      }
      const s = state.get(conversationId);
      const t = now();
      if (!s || t - s.lastTrueAt >= TYPING_REFRESH_MS) {
        emit(conversationId, true);
      }
      if (s?.idle != null) timers.clear(s.idle);
      const lastTrueAt = !s || t - s.lastTrueAt >= TYPING_REFRESH_MS ? t : s.lastTrueAt;
      state.set(conversationId, { lastTrueAt, idle: timers.set(() => stop(conversationId), TYPING_IDLE_MS) });
    },
    stop,
    stopAll() {
      for (const id of [...state.keys()]) stop(id);
    },
    /** After a reconnect the server forgot: send `true` again on the next keystroke. */
    reset() {
      for (const s of state.values()) if (s.idle !== null) timers.clear(s.idle);
      state.clear();
    },
  };
}
export type TypingEmitter = ReturnType<typeof createTypingEmitter>;
