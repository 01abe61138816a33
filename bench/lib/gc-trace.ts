// `--trace-gc`: the servers' garbage collections (node --trace-gc, one line per collection on
// their stdout) and the bench's own, timed against the measured window, so that a slow second of
// `sendToDeliverP99BySecond` can be matched with a full collection that fell in it: the server's
// delays the messages, the bench's delays the clocking of their arrival.
import { constants, PerformanceObserver, type PerformanceEntry } from "node:perf_hooks";
import type { MonotonicWindow } from "./cpu-profile";
import { round } from "./infra";

export type GcKind = "young" | "full";
export type GcEvent = { kind: GcKind; atUs: number; pauseMs: number };

// "[123:0x5e1c]    22720 ms: Mark-Compact 187.0 (305.0) -> 123.5 (296.2) MB, pooled: 8 MB, 22.00 / 0.01 ms  (…"
const GC_LINE = /\d+ ms: (Scavenge|Minor Mark-Sweep|Mark-Compact|Mark-Sweep)\b[^,]*, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ [\d.]+ ms/;

/** One --trace-gc line, or null for any other output. `atUs` is when this process read it. */
export function parseGcLine(line: string, atUs: number): GcEvent | null {
  const m = GC_LINE.exec(line);
  if (!m) return null;
  const kind: GcKind = m[1] === "Scavenge" || m[1] === "Minor Mark-Sweep" ? "young" : "full";
  return { kind, atUs, pauseMs: Number(m[2]) };
}

/** This process's collections from now on; `stop()` ends the watch. `nowUs` is the window's clock. */
export function watchOwnGc(nowUs: () => number): { events: GcEvent[]; stop: () => void } {
  const events: GcEvent[] = [];
  const observer = new PerformanceObserver((list) => {
    // Entries come after the fact: place each on the window's clock by how long ago it ended.
    const nowMs = performance.now();
    const nowOnWindowClock = nowUs();
    for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
      const gcKind = entry.detail?.kind;
      // Incremental marking steps and weak callbacks are parts of a collection, not pauses of their own.
      if (gcKind !== constants.NODE_PERFORMANCE_GC_MAJOR && gcKind !== constants.NODE_PERFORMANCE_GC_MINOR) continue;
      const kind: GcKind = gcKind === constants.NODE_PERFORMANCE_GC_MAJOR ? "full" : "young";
      const endedAgoMs = nowMs - (entry.startTime + entry.duration);
      events.push({ kind, atUs: nowOnWindowClock - endedAgoMs * 1000, pauseMs: entry.duration });
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  return { events, stop: () => observer.disconnect() };
}

/** The collections inside the window: young ones summed, full ones each with its second. */
export function summariseGc(events: GcEvent[], window: MonotonicWindow) {
  const inside = events.filter((e) => e.atUs >= window.fromUs && e.atUs <= window.toUs);
  const young = inside.filter((e) => e.kind === "young").map((e) => e.pauseMs);
  return {
    young: {
      count: young.length,
      pauseMsTotal: round(young.reduce((a, b) => a + b, 0), 1),
      pauseMsMax: round(Math.max(0, ...young), 1),
    },
    /** `second` counts from the window's start, as `sendToDeliverP99BySecond` does. */
    full: inside
      .filter((e) => e.kind === "full")
      .map((e) => ({ second: round((e.atUs - window.fromUs) / 1e6, 1), pauseMs: round(e.pauseMs, 1) })),
  };
}
