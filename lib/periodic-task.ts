import { logger } from "@/lib/logger";

export type PeriodicTask = { stop: () => Promise<void> };

/**
 * Runs `task` every `intervalMs` (the next run is timed from the end of the last, so runs never
 * overlap) until stopped. A failed run is logged and the next one tries again; `stop` waits for
 * a run in progress, so shutdown does not cut one off mid-way.
 */
export function runPeriodically(name: string, intervalMs: number, task: () => Promise<void>): PeriodicTask {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = task()
      .catch((err: unknown) => logger.warn({ err, task: name }, "periodic task failed"))
      .finally(() => {
        if (timer) timer = setTimeout(run, intervalMs).unref();
      });
  };
  timer = setTimeout(run, intervalMs).unref();
  return {
    stop: async () => {
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
