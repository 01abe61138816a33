import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { parseGcLine, summariseGc, watchOwnGc, type GcEvent } from "./gc-trace";

// Lines as node 24 --trace-gc prints them (taken from a bench server's output).
const SCAVENGE = "[14978:0x3fb9b000]    10857 ms: Scavenge 199.4 (277.5) -> 153.8 (281.0) MB, pooled: 0 MB, 29.99 / 0.00 ms  (average mu = 0.987, current mu = 0.987) allocation failure;";
const MARK_COMPACT =
  "[14978:0x3fb9b000]    22720 ms: Mark-Compact 187.0 (305.0) -> 123.5 (296.2) MB, pooled: 8 MB, 22.00 / 0.01 ms  (+ 10.5 ms in 244 steps since start of marking, biggest step 0.9 ms, walltime since start of marking 137 ms) (average mu = 0.998, current mu = 0.999) finalize incremental marking via task; GC in old space requested";

describe("parseGcLine", () => {
  it("reads the kind and the pause of young and full collections", () => {
    expect(parseGcLine(SCAVENGE, 5)).toEqual({ kind: "young", atUs: 5, pauseMs: 29.99 });
    expect(parseGcLine(MARK_COMPACT, 7)).toEqual({ kind: "full", atUs: 7, pauseMs: 22 });
    expect(parseGcLine("[1:0x1]  5 ms: Mark-Compact (reduce) 10.0 (12.0) -> 8.0 (12.0) MB, 3.50 / 0.00 ms  (…", 1)).toEqual({ kind: "full", atUs: 1, pauseMs: 3.5 });
  });

  it("ignores the server's other output", () => {
    expect(parseGcLine('{"level":40,"msg":"presence update failed"}', 1)).toBeNull();
    expect(parseGcLine("✓ Running next.config.mjs took 11ms", 1)).toBeNull();
  });
});

describe("summariseGc", () => {
  const at = (seconds: number) => 1_000_000 + seconds * 1e6;
  const events: GcEvent[] = [
    { kind: "young", atUs: at(-2), pauseMs: 50 }, // connect phase: outside the window
    { kind: "young", atUs: at(0.4), pauseMs: 4.26 },
    { kind: "full", atUs: at(12.34), pauseMs: 22 },
    { kind: "young", atUs: at(12.8), pauseMs: 9.1 },
    { kind: "full", atUs: at(25), pauseMs: 30 }, // after the window
  ];

  it("keeps the window's collections, full ones at the second they fell in", () => {
    expect(summariseGc(events, { fromUs: at(0), toUs: at(20) })).toEqual({
      young: { count: 2, pauseMsTotal: 13.4, pauseMsMax: 9.1 },
      full: [{ second: 12.3, pauseMs: 22 }],
    });
  });

  it("reports a window without collections as such", () => {
    expect(summariseGc(events, { fromUs: at(1), toUs: at(2) })).toEqual({ young: { count: 0, pauseMsTotal: 0, pauseMsMax: 0 }, full: [] });
  });
});

describe("watchOwnGc", () => {
  it("places a full collection of this process on the caller's clock", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const clockUs = () => Number(process.hrtime.bigint() / 1000n);
    const watch = watchOwnGc(clockUs);
    try {
      const before = clockUs();
      gc();
      const after = clockUs();
      // Busy for a while before the observer can run: the event is still placed at the collection.
      while (clockUs() - after < 30_000);
      await expect.poll(() => watch.events.filter((e) => e.kind === "full").length).toBeGreaterThan(0);
      const full = watch.events.find((e) => e.kind === "full")!;
      // The entry arrives after the fact; its end is placed back where it happened (1 ms slack).
      expect(full.atUs).toBeGreaterThanOrEqual(before - 1_000);
      expect(full.atUs).toBeLessThanOrEqual(after + 1_000);
      expect(full.pauseMs).toBeGreaterThan(0);
    } finally {
      watch.stop();
    }
  });
});
