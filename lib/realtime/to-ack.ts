import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { AppError, toErrorBody } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { Ack } from "./contract";

/** Runs one handler and answers its ack: the result, or the same error shape HTTP returns. */
export async function answer<T extends object>(ack: unknown, work: () => Promise<T>, event: string): Promise<void> {
  const reply = typeof ack === "function" ? (ack as (res: Ack<T>) => void) : undefined;
  try {
    const result = await work();
    reply?.({ ok: true, ...result });
  } catch (err) {
    if (err instanceof ZodError) {
      reply?.({ ok: false, error: { code: "BAD_REQUEST", message: err.issues[0]?.message ?? "Invalid input" } });
      return;
    }
    if (!(err instanceof AppError) && isDatabaseUnavailable(err)) {
      // Down, restarting or saturated: say so, so clients back off and retry instead of giving up.
      logger.warn({ err: (err as Error).message, event }, "database unavailable");
      reply?.({ ok: false, error: { code: "UNAVAILABLE", message: "Database unavailable, retrying" } });
      return;
    }
    if (!(err instanceof AppError)) logger.error({ err, event }, "socket handler failed");
    reply?.({ ok: false, error: toErrorBody(err) });
  }
}
