import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { requireMembership } from "@/lib/conversations/membership";
import { isUniqueViolation } from "@/lib/db/errors";
import { badRequest } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MAX_FORWARD_TARGETS } from "@/lib/limits";
import type { MessageDto } from "@/lib/realtime/contract";
import { clientId, id } from "@/lib/validation";
import { assertMaySend } from "./chat-writable";
import { FORWARDED_MANY_TIMES_LIMIT_TEXT, forwardTargetLimit, isForwardedManyTimes } from "./forward-limits";
import { forwardedMetadata, forwardsOf, textShownTo } from "./message-dto";
import { publishMessage } from "./publish-message";
import { findStoredMessage, MessageRefused, storeMessage } from "./store-message";
import { messageIds } from "./message-selection";
import { findVisibleMessages } from "./visible-message";

export const forwardInput = z.object({
  messageIds,
  conversationIds: z
    .array(id)
    .min(1, "Choose a chat")
    .max(MAX_FORWARD_TARGETS, `You can forward to at most ${MAX_FORWARD_TARGETS} chats`)
    .refine((ids) => new Set(ids).size === ids.length, "A chat is listed twice"),
  clientId,
});

/** What a copy is made from, and what decides whether and in which order. */
const sourceSelect = {
  id: true, senderId: true, type: true, text: true, editedAt: true, withheldText: true, withheldEditedAt: true, metadata: true, deletedAt: true, createdAt: true, seq: true,
} satisfies Prisma.MessageSelect;
type Source = Prisma.MessageGetPayload<{ select: typeof sourceSelect }>;

/**
 * Forwards messages I can see to up to five of my chats (one, for a message forwarded many times),
 * each chat getting them in the order they were sent. Each copy is a new message marked
 * "Forwarded", one forward further from the original; files are shared, not re-uploaded.
 * Retries are idempotent per copy (clientId + target + message index). Everything is checked
 * before anything is stored: a message that can't be forwarded, or a chat I can't send to,
 * refuses the whole forward with its reason, as a send there would.
 */
export async function forwardMessages(ctx: Ctx, input: z.input<typeof forwardInput>): Promise<MessageDto[]> {
  const data = forwardInput.parse(input);
  const found = await findVisibleMessages(ctx, data.messageIds, sourceSelect);
  const sources = found.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.seq - b.seq));
  if (sources.some((m) => m.deletedAt || m.type === "SYSTEM")) {
    throw badRequest(sources.length === 1 ? "This message can't be forwarded" : "Deleted messages and notices can't be forwarded");
  }
  if (data.conversationIds.length > forwardTargetLimit(sources.some((m) => isForwardedManyTimes(forwardsOf(m.metadata))))) {
    throw badRequest(FORWARDED_MANY_TIMES_LIMIT_TEXT);
  }
  const targets = await Promise.all(data.conversationIds.map((c) => requireMembership(ctx.db, ctx.actor.id, c)));
  // Copies are stored one by one: checking as we go would leave the earlier ones behind, and a
  // retry (a new clientId) would store them again.
  for (const target of targets) await assertMaySend(ctx, target);

  const results: MessageDto[] = [];
  for (const [index, target] of targets.entries()) {
    for (const [order, source] of sources.entries()) {
      const copyClientId = `${data.clientId}-f${index}${order > 0 ? `-${order}` : ""}`;
      results.push(await storeCopy(ctx, target.conversation.id, copyClientId, source));
    }
  }
  return results;
}

/** One copy in one chat, stored once however often the forward is retried. */
async function storeCopy(ctx: Ctx, conversationId: string, copyClientId: string, source: Source): Promise<MessageDto> {
  const stored = () => findStoredMessage(ctx, copyClientId);
  let message = await stored();
  if (!message) {
    try {
      message = await storeMessage(ctx, {
        conversationId,
        clientId: copyClientId,
        type: source.type,
        // My own message as I see it, with an edit that was withheld from the other person.
        text: textShownTo(source, ctx.actor.id).text,
        metadata: forwardedMetadata(source.metadata),
        forwardedFromId: source.id,
      });
    } catch (err) {
      if (!isUniqueViolation(err) && !(err instanceof MessageRefused)) throw err;
      // A retry racing this one stored the copy first; else the chat changed since the check.
      const raced = await stored();
      if (!raced) throw err instanceof MessageRefused ? await refusal(ctx, conversationId, err) : err;
      message = raced;
    }
  }
  return publishMessage(ctx, "message:new", message);
}

/** The chat changed since the check (e.g. made announcement-only): its real reason if it has one. */
async function refusal(ctx: Ctx, conversationId: string, err: MessageRefused): Promise<Error> {
  try {
    await assertMaySend(ctx, await requireMembership(ctx.db, ctx.actor.id, conversationId));
    return err;
  } catch (reason) {
    return reason as Error;
  }
}
