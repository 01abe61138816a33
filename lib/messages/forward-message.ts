import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { requireMembership } from "@/lib/conversations/membership";
import { isUniqueViolation } from "@/lib/db/errors";
import { badRequest } from "@/lib/errors";
import type { MessageDto } from "@/lib/realtime/contract";
import { clientId, id } from "@/lib/validation";
import { assertMaySend } from "./chat-writable";
import { publishMessage } from "./publish-message";
import { findStoredMessage, MessageRefused, storeMessage } from "./store-message";
import { findVisibleMessage } from "./visible-message";

export const MAX_FORWARD_TARGETS = 5;

export const forwardInput = z.object({
  messageId: id,
  conversationIds: z
    .array(id)
    .min(1, "Choose a chat")
    .max(MAX_FORWARD_TARGETS, `You can forward to at most ${MAX_FORWARD_TARGETS} chats`)
    .refine((ids) => new Set(ids).size === ids.length, "A chat is listed twice"),
  clientId,
});

/**
 * Forwards a message I can see to up to five of my chats. Each copy is a new message marked
 * "Forwarded"; files are shared, not re-uploaded. Retries are idempotent per target
 * (clientId + target index). Every target is checked before anything is stored: a chat I can't
 * send to refuses the whole forward with its reason, as a send there would.
 */
export async function forwardMessage(ctx: Ctx, input: z.input<typeof forwardInput>): Promise<MessageDto[]> {
  const data = forwardInput.parse(input);
  const source = await findVisibleMessage(ctx, data.messageId, {
    id: true,
    type: true,
    text: true,
    metadata: true,
    deletedAt: true,
  });
  if (source.deletedAt || source.type === "SYSTEM") throw badRequest("This message can't be forwarded");
  const targets = await Promise.all(data.conversationIds.map((c) => requireMembership(ctx.db, ctx.actor.id, c)));
  // Copies are stored one by one: checking as we go would leave the earlier ones behind, and a
  // retry (a new clientId) would store them again.
  for (const target of targets) await assertMaySend(ctx, target);

  const results: MessageDto[] = [];
  for (const [index, target] of targets.entries()) {
    const targetClientId = `${data.clientId}-f${index}`;
    const stored = () => findStoredMessage(ctx, targetClientId);
    let message = await stored();
    if (!message) {
      try {
        message = await storeMessage(ctx, {
          conversationId: target.conversation.id,
          clientId: targetClientId,
          type: source.type,
          text: source.text,
          metadata: source.metadata ?? undefined,
          forwardedFromId: source.id,
        });
      } catch (err) {
        if (!isUniqueViolation(err) && !(err instanceof MessageRefused)) throw err;
        // A retry racing this one stored the copy first; else the chat changed since the check.
        const raced = await stored();
        if (!raced) throw err instanceof MessageRefused ? await refusal(ctx, target.conversation.id, err) : err;
        message = raced;
      }
    }
    results.push(publishMessage(ctx, "message:new", message));
  }
  return results;
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
