// Shared pieces of the in-process profiles (bench/profile-send.ts, bench/profile-history.ts):
// command-line numbers, a publisher that goes nowhere, and timing of every SQL round trip.
import pg from "pg";
import type { Publisher } from "@/lib/realtime/publisher";

/** `--name <number>` from the command line, or the fallback. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Domain operations publish; a profile has no sockets to publish to. */
export const silentPublisher: Publisher = {
  toConversation: () => {},
  toConversationExceptUsers: () => {},
  toUser: () => {},
  toAll: () => {},
  toAllExceptUsers: () => {},
  toPresenceWatchers: () => {},
  setPresenceWatch: () => {},
  unwatchPresenceBetween: () => {},
  unwatchPresenceAmong: () => {},
  unwatchAllPresence: () => {},
  subscribeUser: () => {},
  unsubscribeUser: () => {},
  onlineAmong: async () => new Set(),
  reconnectUser: () => {},
};

export type TracedQuery = { sql: string; start: number; ms: number };

let trace: TracedQuery[] | null = null;
let installed = false;

// adapter-pg queries a pooled client (callback form, through pg.Pool) or a transaction's client
// (promise form); both go through Client.query, wrapped once here.
function install(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    if (!trace) return original.apply(this, args);
    const start = performance.now();
    const first = args[0] as string | { text?: string };
    const entry = { sql: (typeof first === "string" ? first : (first?.text ?? "?")).replace(/\s+/g, " ").slice(0, 110), start, ms: 0 };
    trace.push(entry);
    const done = () => void (entry.ms = performance.now() - start);
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const cb = args[last] as (...a: unknown[]) => void;
      args[last] = (...a: unknown[]) => {
        done();
        cb(...a);
      };
      return original.apply(this, args);
    }
    const res = original.apply(this, args);
    if (res && typeof (res as Promise<unknown>).then === "function") (res as Promise<unknown>).then(done, done);
    return res;
  };
}

/** Starts recording every SQL round trip of this process; the returned function stops and returns them. */
export function traceQueries(): () => TracedQuery[] {
  install();
  const recorded: TracedQuery[] = [];
  trace = recorded;
  return () => {
    if (trace === recorded) trace = null;
    return recorded;
  };
}
