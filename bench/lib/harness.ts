// Shared plumbing of a bench run: cleanup stack, client fleets, pacing, draining.
import { ChatClient, newClientStats, type ChatClientOptions } from "./chat-client";
import { log, sleep } from "./infra";
import { percentiles, type Recorder } from "./recorder";

/** Things to undo, newest first; runs once, also on SIGINT/SIGTERM. */
export class Cleanup {
  private readonly steps: { name: string; fn: () => unknown }[] = [];
  private done = false;

  add(name: string, fn: () => unknown): void {
    this.steps.push({ name, fn });
  }

  async run(): Promise<void> {
    if (this.done) return;
    this.done = true;
    for (const step of this.steps.reverse()) {
      try {
        await step.fn();
      } catch (err) {
        log(`cleanup "${step.name}" failed:`, (err as Error).message);
      }
    }
  }
}

/** Starts every client with at most `concurrency` handshakes in flight. */
export async function connectAll(clients: ChatClient[], concurrency: number, timeoutMs = 60_000) {
  const started = performance.now();
  const times: number[] = [];
  const failures: string[] = [];
  let next = 0;
  let lastReport = started;
  const worker = async () => {
    while (next < clients.length) {
      const c = clients[next++]!;
      const t0 = performance.now();
      try {
        await c.start(timeoutMs);
        times.push(performance.now() - t0);
      } catch (err) {
        failures.push((err as Error).message);
      }
      if (performance.now() - lastReport > 5_000) {
        lastReport = performance.now();
        log(`connected ${times.length}/${clients.length}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, clients.length) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    connected: times.length,
    failed: failures.length,
    firstFailure: failures[0],
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round(times.length / seconds),
    connectPlusSyncMs: percentiles(times),
  };
}

export function makeClient(opts: ChatClientOptions): ChatClient {
  // Benchmarks run the server at high load: a generous ack timeout avoids needless retries.
  return new ChatClient({ ackTimeoutMs: 15_000, syncTimeoutMs: 30_000, ...opts });
}

/**
 * Calls `tick(i)` for every sender `rate` times per second each (phases spread evenly), for
 * `seconds`. Returns the real send window in seconds.
 */
export async function paced(senders: number, rate: number, seconds: number, tick: (i: number) => void): Promise<number> {
  const period = 1000 / rate;
  const start = performance.now();
  const end = start + seconds * 1000;
  const due = Array.from({ length: senders }, (_, i) => start + (period * i) / senders);
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = Math.min(performance.now(), end);
      for (let i = 0; i < senders; i++) {
        while (due[i]! <= now) {
          tick(i);
          due[i]! += period;
        }
      }
      if (performance.now() >= end) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  return (performance.now() - start) / 1000;
}

/** Waits until every client has nothing pending and every acked message reached everyone, or `timeoutMs`. */
export async function drain(clients: ChatClient[], recorder: Recorder, timeoutMs: number) {
  const started = performance.now();
  for (;;) {
    const pending = clients.reduce((n, c) => n + c.pendingCount, 0);
    const missing = recorder.missingDeliveries();
    if ((pending === 0 && missing === 0) || performance.now() - started > timeoutMs) {
      return { drainSeconds: Math.round((performance.now() - started) / 10) / 100, pendingAtEnd: pending, missingAtEnd: missing };
    }
    await sleep(pending + missing > 0 ? 250 : 50);
  }
}

/** Sum of the clients' counters (connects, retries, errors…). */
export function clientTotals(clients: ChatClient[]) {
  const { errorsByCode, ...totals } = newClientStats();
  for (const c of clients) {
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += c.stats[k];
    for (const [code, n] of Object.entries(c.stats.errorsByCode)) errorsByCode[code] = (errorsByCode[code] ?? 0) + n;
  }
  return { ...totals, errorsByCode };
}
