import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { requireMembership } from "@/lib/conversations/membership";
import { isUniqueViolation } from "@/lib/db/errors";
import { badRequest } from "@/lib/errors";
import type { MessageDto } from "@/lib/realtime/contract";
import { clientId, id } from "@/lib/validation";
import { messageDto, messageSelect } from "./message-dto";
import { assertNotBlocked, storeMessage } from "./store-message";
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
 * (clientId + target index).
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
  for (const target of targets) await assertNotBlocked(ctx, target.conversation);

  const results: MessageDto[] = [];
  for (const [index, target] of targets.entries()) {
    const targetClientId = `${data.clientId}-f${index}`;
    const existing = await ctx.db.message.findUnique({
      where: { senderId_clientId: { senderId: ctx.actor.id, clientId: targetClientId } },
      select: messageSelect,
    });
    let message: MessageDto;
    if (existing) {
      message = await messageDto(ctx.db, existing);
    } else {
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
        if (!isUniqueViolation(err)) throw err;
        message = await messageDto(
          ctx.db,
          await ctx.db.message.findUniqueOrThrow({
            where: { senderId_clientId: { senderId: ctx.actor.id, clientId: targetClientId } },
            select: messageSelect,
          }),
        );
      }
    }
    ctx.publish.toConversation(message.conversationId, "message:new", message);
    results.push(message);
  }
  return results;
}
