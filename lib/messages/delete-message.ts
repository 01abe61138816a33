import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { forbidden, notFound } from "@/lib/errors";
import { id } from "@/lib/validation";

export const deleteMessageInput = z.object({ messageId: id, for: z.enum(["me", "everyone"]) });

const MESSAGE_NOT_FOUND = "Message not found";

/**
 * Delete for me hides the message from my views only. Delete for everyone (sender only) blanks
 * it for all members, who then see "This message was deleted".
 */
export async function deleteMessage(ctx: Ctx, input: z.input<typeof deleteMessageInput>): Promise<void> {
  const { messageId, for: scope } = deleteMessageInput.parse(input);
  const me = ctx.actor.id;
  const message = await ctx.db.message.findFirst({
    where: { id: messageId, conversation: { participants: { some: { userId: me, leftAt: null } } } },
    select: { id: true, conversationId: true, seq: true, senderId: true, deletedAt: true },
  });
  if (!message) throw notFound(MESSAGE_NOT_FOUND);
  const event = { conversationId: message.conversationId, messageId, seq: Number(message.seq) };

  if (scope === "me") {
    await ctx.db.messageHide.createMany({ data: [{ messageId, userId: me }], skipDuplicates: true });
    ctx.publish.toUser(me, "message:deleted", { ...event, forEveryone: false });
    return;
  }
  if (message.senderId !== me) throw forbidden("Only the sender can delete a message for everyone");
  if (!message.deletedAt) {
    await ctx.db.message.update({ where: { id: messageId }, data: { deletedAt: new Date(), text: null } });
  }
  ctx.publish.toConversation(message.conversationId, "message:deleted", { ...event, forEveryone: true });
}
