import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { requireMembership } from "@/lib/conversations/membership";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { MessageDto } from "@/lib/realtime/contract";
import { clientId, id, MAX_MESSAGE_LENGTH } from "@/lib/validation";
import { messageSelect, toMessageDto } from "./message-dto";

export const sendMessageInput = z.object({
  conversationId: id,
  clientId,
  text: z
    .string()
    .max(MAX_MESSAGE_LENGTH, `Messages can be at most ${MAX_MESSAGE_LENGTH} characters`)
    .refine((t) => t.trim().length > 0, "Message is empty"),
});

export type SendResult = { message: MessageDto; duplicate: boolean };

/**
 * Stores a message with the next seq of its conversation and advances the sender's own
 * watermarks. Idempotent on (sender, clientId): a retry returns the stored message.
 */
export async function sendMessage(ctx: Ctx, input: z.input<typeof sendMessageInput>): Promise<SendResult> {
  const data = sendMessageInput.parse(input);
  const me = ctx.actor.id;

  const previous = await findByClientId(ctx, data.clientId);
  if (previous) return replay(ctx, previous, data.conversationId);

  const membership = await requireMembership(ctx.db, me, data.conversationId);
  if (membership.conversation.archivedAt) throw new AppError("FORBIDDEN", "This group is archived");

  let message: MessageDto;
  try {
    message = await ctx.db.$transaction(async (tx) => {
      // The row lock on the conversation serialises senders: seqs are gap-free and ordered.
      const [{ lastSeq }] = await tx.$queryRaw<[{ lastSeq: bigint }]>`
        UPDATE "Conversation" SET "lastSeq" = "lastSeq" + 1, "lastMessageAt" = now(), "updatedAt" = now()
        WHERE id = ${data.conversationId}::uuid
        RETURNING "lastSeq"`;
      const row = await tx.message.create({
        data: { conversationId: data.conversationId, seq: lastSeq, senderId: me, clientId: data.clientId, text: data.text },
        select: messageSelect,
      });
      await tx.participant.update({
        where: { conversationId_userId: { conversationId: data.conversationId, userId: me } },
        data: { readSeq: lastSeq, deliveredSeq: lastSeq },
      });
      return toMessageDto(row);
    });
  } catch (err) {
    // A concurrent retry of the same clientId committed first: answer with its message.
    if (!isUniqueViolation(err)) throw err;
    const stored = await findByClientId(ctx, data.clientId);
    if (!stored) throw err;
    return replay(ctx, stored, data.conversationId);
  }

  ctx.publish.toConversation(message.conversationId, "message:new", message);
  return { message, duplicate: false };
}

async function findByClientId(ctx: Ctx, clientIdValue: string) {
  const row = await ctx.db.message.findUnique({
    where: { senderId_clientId: { senderId: ctx.actor.id, clientId: clientIdValue } },
    select: messageSelect,
  });
  return row ? toMessageDto(row) : null;
}

/**
 * A retry. The first attempt may have committed but died before publishing, so publish again:
 * clients dedupe by id and seq.
 */
function replay(ctx: Ctx, message: MessageDto, conversationId: string): SendResult {
  if (message.conversationId !== conversationId) {
    throw new AppError("CONFLICT", "This client id was already used for another conversation");
  }
  ctx.publish.toConversation(message.conversationId, "message:new", message);
  return { message, duplicate: true };
}
