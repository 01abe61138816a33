import type { Ctx } from "@/lib/context";
import { AppError, badRequest } from "@/lib/errors";
import type { MessageType, Prisma } from "@/lib/generated/prisma/client";
import type { MessageDto } from "@/lib/realtime/contract";
import { messageSelect, toMessageDto } from "./message-dto";

export type NewMessage = {
  conversationId: string;
  clientId: string;
  type: MessageType;
  text: string | null;
  metadata?: Prisma.InputJsonValue;
  replyToId?: string;
  forwardedFromId?: string;
  /** My unattached uploads, linked to this message. */
  attachmentIds?: string[];
  /** Stored files of a forwarded message, copied as new attachments of mine. */
  copiedAttachments?: Prisma.AttachmentCreateManyMessageInput[];
};

/**
 * The one insert path for messages (send, forward, system events): takes the next seq of the
 * conversation under its row lock, links attachments and advances the sender's own watermarks,
 * all in one transaction. Callers have checked membership and permissions.
 */
export async function storeMessage(ctx: Ctx, input: NewMessage): Promise<MessageDto> {
  const me = ctx.actor.id;
  return ctx.db.$transaction(async (tx) => {
    const [{ lastSeq }] = await tx.$queryRaw<[{ lastSeq: bigint }]>`
      UPDATE "Conversation" SET "lastSeq" = "lastSeq" + 1, "lastMessageAt" = now(), "updatedAt" = now()
      WHERE id = ${input.conversationId}::uuid
      RETURNING "lastSeq"`;
    const created = await tx.message.create({
      data: {
        conversationId: input.conversationId,
        seq: lastSeq,
        senderId: me,
        clientId: input.clientId,
        type: input.type,
        text: input.text,
        metadata: input.metadata,
        replyToId: input.replyToId,
        forwardedFromId: input.forwardedFromId,
        ...(input.copiedAttachments?.length ? { attachments: { createMany: { data: input.copiedAttachments } } } : {}),
      },
      select: { id: true },
    });
    if (input.attachmentIds?.length) {
      const { count } = await tx.attachment.updateMany({
        where: { id: { in: input.attachmentIds }, ownerId: me, messageId: null },
        data: { messageId: created.id },
      });
      if (count !== input.attachmentIds.length) throw badRequest("An attachment was not found or is already sent");
    }
    await tx.participant.updateMany({
      where: { conversationId: input.conversationId, userId: me },
      data: { readSeq: lastSeq, deliveredSeq: lastSeq },
    });
    const row = await tx.message.findUniqueOrThrow({ where: { id: created.id }, select: messageSelect });
    return toMessageDto(row);
  });
}

/** Direct chats refuse messages while either person blocks the other. */
export async function assertNotBlocked(ctx: Ctx, conversation: { type: string; directKey: string | null }): Promise<void> {
  if (conversation.type !== "DIRECT" || !conversation.directKey) return;
  const peer = conversation.directKey.split(":").find((id) => id !== ctx.actor.id);
  if (!peer) return;
  const block = await ctx.db.block.findFirst({
    where: {
      OR: [
        { blockerId: ctx.actor.id, blockedId: peer },
        { blockerId: peer, blockedId: ctx.actor.id },
      ],
    },
    select: { blockerId: true },
  });
  if (!block) return;
  throw new AppError(
    "FORBIDDEN",
    block.blockerId === ctx.actor.id ? "You blocked this contact. Unblock them to send a message." : "You can't message this contact.",
  );
}
