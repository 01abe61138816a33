import { z } from "zod";
import { recordAudit } from "@/lib/admin/audit";
import type { Ctx } from "@/lib/context";
import { forbidden, notFound } from "@/lib/errors";
import { id } from "@/lib/validation";
import { isDeletedByAdmin } from "./message-dto";

export const deleteMessageInput = z.object({ messageId: id, for: z.enum(["me", "everyone"]) });

const MESSAGE_NOT_FOUND = "Message not found";

/**
 * Delete for me hides the message from my views only. Delete for everyone (the sender, or a site
 * admin moderating a public group, audited) blanks it for all members, who then see "This
 * message was deleted".
 */
export async function deleteMessage(ctx: Ctx, input: z.input<typeof deleteMessageInput>): Promise<{ byAdmin: boolean }> {
  const { messageId, for: scope } = deleteMessageInput.parse(input);
  const me = ctx.actor.id;
  const message = await ctx.db.message.findFirst({
    where: { id: messageId },
    select: {
      id: true, conversationId: true, seq: true, senderId: true, deletedAt: true, text: true, metadata: true,
      conversation: { select: { visibility: true, type: true, participants: { where: { userId: me, leftAt: null }, select: { userId: true } } } },
    },
  });
  const isMember = (message?.conversation.participants.length ?? 0) > 0;
  // Site admins moderate public groups without having to be in them.
  const moderates = ctx.actor.role === "ADMIN" && message?.conversation.type === "GROUP" && message.conversation.visibility === "PUBLIC";
  if (!message || (!isMember && !(moderates && scope === "everyone"))) throw notFound(MESSAGE_NOT_FOUND);
  const event = { conversationId: message.conversationId, messageId, seq: Number(message.seq) };

  if (scope === "me") {
    await ctx.db.messageHide.createMany({ data: [{ messageId, userId: me }], skipDuplicates: true });
    ctx.publish.toUser(me, "message:deleted", { ...event, forEveryone: false, byAdmin: false });
    return { byAdmin: false };
  }
  const isSender = message.senderId === me;
  if (!isSender && !moderates) throw forbidden("Only the sender can delete a message for everyone");
  // A repeat (a retry, another tab, a loop) gets the same answer without telling the chat again.
  if (message.deletedAt) return { byAdmin: isDeletedByAdmin(message) };
  // Members are told who removed it: "deleted by an admin" is not "you deleted this message".
  const byAdmin = !isSender;
  const { count } = await ctx.db.message.updateMany({
    where: { id: messageId, deletedAt: null },
    data: { deletedAt: new Date(), text: null, ...(byAdmin ? { metadata: { deletedByAdmin: true } } : {}) },
  });
  if (count === 0) {
    // Of two deletes at once, the one that blanked the row tells the chat; this one only answers.
    const stored = await ctx.db.message.findUnique({ where: { id: messageId }, select: { deletedAt: true, metadata: true } });
    return { byAdmin: stored ? isDeletedByAdmin(stored) : byAdmin };
  }
  if (byAdmin) {
    await recordAudit(ctx, { action: "message.delete", targetType: "message", targetId: messageId, before: { text: message.text, senderId: message.senderId }, after: { deleted: true } });
  }
  ctx.publish.toConversation(message.conversationId, "message:deleted", { ...event, forEveryone: true, byAdmin });
  return { byAdmin };
}
