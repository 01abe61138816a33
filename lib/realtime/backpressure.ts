import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Past its capacity a node used to queue every send behind every other, until all of them timed
// out at once and the clients' retries made it worse. Refusing the excess immediately keeps the
// admitted sends fast; clients back off and retry the refused ones (same clientId, no duplicates).
let inflight = 0;

export async function withCapacity<T>(work: () => Promise<T>): Promise<T> {
  if (inflight >= env().MAX_INFLIGHT_SENDS) throw new AppError("UNAVAILABLE", "Server busy, retrying");
  inflight++;
  try {
    return await work();
  } finally {
    inflight--;
  }
}
