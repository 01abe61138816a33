// The incoming-message sound: which chat updates deserve one (pure), and a short two-note
// chime made with Web Audio (no audio file to load).
import type { ConversationSummary } from "@/lib/realtime/contract";
import { isMutedAt } from "./conversations";
import { mentionsUser } from "./mentions";

type Convs = Readonly<Record<string, ConversationSummary>>;

/**
 * Chats whose newest message is new since `prev`, from someone else, not a system notice, in a
 * chat that is not muted (unless a group's message @mentions me) and not the one I am looking at
 * (the active chat counts while the tab is hidden). Archived chats stay quiet too.
 */
export function chatsToChime(
  prev: Convs,
  next: Convs,
  opts: { meId: string; meUsername: string; activeId: string | null; visible: boolean; now: number },
): string[] {
  if (prev === next) return [];
  const out: string[] = [];
  for (const c of Object.values(next)) {
    const before = prev[c.id];
    const last = c.lastMessage;
    if (!last) continue;
    // A chat that just appeared (someone's first message) rings when it brings unread messages.
    if (before ? (before.lastMessage?.seq ?? 0) >= last.seq : c.unreadCount === 0) continue;
    if (last.senderId === opts.meId || last.type === "SYSTEM" || last.deletedAt) continue;
    // A muted group still rings for a message that @mentions me, as in WhatsApp.
    if (c.isArchived || (isMutedAt(c, opts.now) && !(c.type === "GROUP" && mentionsUser(last.text, opts.meUsername)))) continue;
    if (c.id === opts.activeId && opts.visible) continue;
    out.push(c.id);
  }
  return out;
}

let audio: AudioContext | null = null;

function context(): AudioContext | null {
  if (typeof window === "undefined") return null;
  const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  audio ??= new Ctor();
  return audio;
}

/**
 * Browsers only let a page make sound after the user interacted with it: resume the audio
 * context on the first pointer or key press.
 */
export function unlockAudioOnGesture(): () => void {
  const unlock = () => {
    const ctx = context();
    if (ctx && ctx.state === "suspended") void ctx.resume().catch(() => undefined);
  };
  window.addEventListener("pointerdown", unlock, { once: true, capture: true });
  window.addEventListener("keydown", unlock, { once: true, capture: true });
  return () => {
    window.removeEventListener("pointerdown", unlock, { capture: true });
    window.removeEventListener("keydown", unlock, { capture: true });
  };
}

/** A soft two-note chime (about 0.3 s). Silent when audio is unavailable or still locked. */
export function playMessageChime(): void {
  const ctx = context();
  if (!ctx || ctx.state !== "running") return;
  const start = ctx.currentTime + 0.01;
  const gain = ctx.createGain();
  gain.connect(ctx.destination);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.18, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.32);
  for (const [freq, at] of [
    [880, 0],
    [1318.5, 0.09],
  ] as const) {
    const osc = ctx.createOscillator();
    osc.type = "sine";
    osc.frequency.setValueAtTime(freq, start + at);
    osc.connect(gain);
    osc.start(start + at);
    osc.stop(start + 0.34);
  }
}
