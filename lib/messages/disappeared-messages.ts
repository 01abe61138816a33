import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * How long a disappeared message's client id is remembered. A browser retries an unacknowledged
 * send when it is next online, from an outbox that survives reloads: a month covers a laptop
 * shut for the holidays, and a row is two short keys.
 */
export const DISAPPEARED_KEPT_DAYS = 30;

/**
 * The answer to a retry of a send that was stored and has since disappeared (its chat's timer
 * ran out before the retry came): the message went where it was going, and is gone as it should
 * be. The browser drops it from its outbox.
 */
export const sentAndDisappeared = () => new AppError("GONE", "This message was sent and has since disappeared");

/** Whether I sent a message under this client id that has since disappeared. */
export async function disappearedBefore(ctx: Ctx, clientId: string): Promise<boolean> {
  const found = await ctx.db.disappearedMessage.findUnique({
    where: { senderId_clientId: { senderId: ctx.actor.id, clientId } },
    select: { senderId: true },
  });
  return found !== null;
}

/** Forgets the client ids of messages that disappeared more than DISAPPEARED_KEPT_DAYS ago. */
export async function forgetLongDisappeared(db: Db): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "DisappearedMessage"
    WHERE "disappearedAt" < now() - make_interval(days => ${DISAPPEARED_KEPT_DAYS})`;
}
