// Summarises a V8 .cpuprofile (node --cpu-prof): self time by package/area and the hottest functions.
// Its timestamps are the monotonic clock of process.hrtime, shared by every process of the machine.
import { readFileSync } from "node:fs";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

function area(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  if (url.startsWith("node:")) return "node:internal";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) {
    if (pkg === "next" && url.includes("compiled/")) return `next (compiled: ${/compiled\/([^/]+)/.exec(url)?.[1] ?? "?"})`;
    return pkg;
  }
  if (url.includes("dist/server.mjs")) return "app: dist/server.mjs (lib/ + server.ts)";
  if (url.includes(".next/server")) return "app: .next server chunks";
  return url.replace(/^file:\/\//, "");
}

/** A span of the monotonic clock in µs (`process.hrtime.bigint() / 1000n`). */
export type MonotonicWindow = { fromUs: number; toUs: number };

/** `window`: only the samples taken in it (the measured phase, not start-up and connecting). */
export function summariseCpuProfile(file: string, window?: MonotonicWindow, top = 25) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0) || 1;
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const a = area(n.callFrame.url, n.callFrame.functionName);
    areas.set(a, (areas.get(a) ?? 0) + us);
    const file = n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(dist|\.next)\//, "$1/");
    const key = `${n.callFrame.functionName || "(anonymous)"} ${file}:${n.callFrame.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const pct = (us: number) => Math.round((us / total) * 1000) / 10;
  // Native hot spots (writev, GC…) say little alone: attribute them to the first package frame above.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nativeCallers = new Map<string, Map<string, number>>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    if (n.callFrame.url || n.callFrame.functionName.startsWith("(")) continue;
    let p = parent.get(id);
    while (p !== undefined && (!byId.get(p)!.callFrame.url || byId.get(p)!.callFrame.url.startsWith("node:"))) p = parent.get(p);
    const caller = p === undefined ? "(root)" : area(byId.get(p)!.callFrame.url, byId.get(p)!.callFrame.functionName);
    const m = nativeCallers.get(n.callFrame.functionName) ?? nativeCallers.set(n.callFrame.functionName, new Map()).get(n.callFrame.functionName)!;
    m.set(caller, (m.get(caller) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  const idle = (selfUs.size && [...selfUs].filter(([id]) => byId.get(id)!.callFrame.functionName === "(idle)").reduce((a, [, us]) => a + us, 0)) || 0;
  return {
    file,
    wallSeconds: Math.round((profile.endTime - profile.startTime) / 1e4) / 100,
    profiledSeconds: window ? Math.round((window.toUs - window.fromUs) / 1e4) / 100 : undefined,
    busyPercent: pct(total - idle),
    selfTimeByArea: Object.fromEntries(sorted(areas).slice(0, top).map(([k, us]) => [k, `${pct(us)}%`])),
    nativeByCaller: Object.fromEntries(
      [...nativeCallers]
        .map(([fn, m]) => [fn, [...m.values()].reduce((a, b) => a + b, 0), m] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([fn, us, m]) => [`${fn} (${pct(us)}%)`, Object.fromEntries(sorted(m).slice(0, 6).map(([k, v]) => [k, `${pct(v)}%`]))]),
    ),
    hottestFunctions: sorted(fns)
      .filter(([k]) => !k.startsWith("(idle)"))
      .slice(0, top)
      .map(([k, us]) => `${pct(us)}% ${k}`),
  };
}
