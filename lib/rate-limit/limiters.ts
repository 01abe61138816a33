import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { RateLimited } from "@/lib/errors";

export type LimitKind = "messages" | "api" | "apiIp" | "uploads" | "signIn" | "typing" | "receipts" | "linkPreviews";

type Limiters = Record<LimitKind, RateLimiterAbstract>;

// One set per process, shared by server.ts and Next's bundled modules; in Redis when REDIS_URL
// is set so that limits hold across nodes.
type LimitGlobal = { __convoLimiters?: Limiters };
const g = globalThis as typeof globalThis & LimitGlobal;

function options() {
  const e = env();
  return {
    messages: { points: e.RATE_LIMIT_MESSAGES, duration: 10 },
    api: { points: e.RATE_LIMIT_API, duration: 60 },
    apiIp: { points: e.RATE_LIMIT_API * 2, duration: 60 },
    uploads: { points: e.RATE_LIMIT_UPLOADS, duration: 60 },
    signIn: { points: e.RATE_LIMIT_SIGN_IN, duration: 600 },
    // The browser sends `true` at most every 2.5 s per chat and `false` once when I stop: about
    // one a second even for someone sending a message a second. Each goes to every member of
    // the chat (thousands in a public group), so the bound is tight; what is over it is dropped.
    typing: { points: 30, duration: 10 },
    // The browser batches receipts: one per chat with news every 250 ms, and after a reconnect
    // one for each chat with unread messages at once. A receipt is told to the chat only when a
    // watermark moves (at most once per message), so this bounds database work, not fan-out.
    receipts: { points: 600, duration: 10 },
    // Pages fetched for link previews (cached ones are free): a link typed every 2 s all minute.
    linkPreviews: { points: 30, duration: 60 },
  } satisfies Record<LimitKind, { points: number; duration: number }>;
}

export function installRateLimiters(redis?: Redis): void {
  const all = options();
  const limiters = {} as Limiters;
  for (const kind of Object.keys(all) as LimitKind[]) {
    const opts = all[kind];
    limiters[kind] = redis
      ? // If Redis is unreachable, fall back to per-node limits instead of failing every request.
        new RateLimiterRedis({ ...opts, storeClient: redis, keyPrefix: `rl:${kind}`, insuranceLimiter: new RateLimiterMemory(opts) })
      : new RateLimiterMemory({ ...opts, keyPrefix: `rl:${kind}` });
  }
  g.__convoLimiters = limiters;
}

/** Back to per-process limits (the Redis client is going away). */
export function uninstallRateLimiters(): void {
  g.__convoLimiters = undefined;
}

/** Counts an action (`points` of them) against a limit; RATE_LIMITED (with the wait in the message) when over it. */
export async function consume(kind: LimitKind, key: string, points = 1): Promise<void> {
  if (!g.__convoLimiters) installRateLimiters();
  try {
    await g.__convoLimiters![kind].consume(key, points);
  } catch (err) {
    // Duck-typed: Next's bundle and server.ts each load their own copy of the library, so the
    // limiter installed by server.ts rejects with a class instanceof cannot recognise here.
    if (err instanceof RateLimiterRes || typeof (err as { msBeforeNext?: unknown })?.msBeforeNext === "number") {
      const seconds = Math.max(1, Math.ceil((err as RateLimiterRes).msBeforeNext / 1000));
      throw new RateLimited(seconds);
    }
    throw err;
  }
}

/** The client's IP: server.ts rewrites X-Forwarded-For unless TRUST_PROXY is set. */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
