import pino from "pino";
import { env } from "@/lib/env";

type LoggerGlobal = { __convoLogger?: pino.Logger };
const g = globalThis as typeof globalThis & LoggerGlobal;

function create(): pino.Logger {
  return pino({
    level: env().LOG_LEVEL,
    base: { app: "convo" },
    redact: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.token"],
  });
}

/** One logger per process, shared by server.ts and Next's bundled modules. */
export const logger: pino.Logger = new Proxy({} as pino.Logger, {
  get(_target, prop) {
    g.__convoLogger ??= create();
    const value = Reflect.get(g.__convoLogger, prop);
    return typeof value === "function" ? value.bind(g.__convoLogger) : value;
  },
});
