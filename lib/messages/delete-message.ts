import { z } from "zod";
import { recordAudit } from "@/lib/admin/audit";
import type { Ctx } from "@/lib/context";
import { moderates } from "@/lib/conversations/membership";
import { badRequest, forbidden, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { deleteAttachmentRows, removeUnusedFiles } from "@/lib/storage/remove-unused-files";
import { DELETE_WINDOW_PASSED, mayStillDeleteForEveryone } from "./change-windows";
import { isDeletedByAdmin } from "./message-dto";
import { messageIds } from "./message-selection";

export const deleteMessagesInput = z.object({ messageIds, for: z.enum(["me", "everyone"]) });

/** byAdmin: the server recorded it as an admin's moderation. */
export type DeletedMessage = { messageId: string; byAdmin: boolean };

const MESSAGE_NOT_FOUND = "Message not found";

/** What deciding and doing a delete needs, with my membership of the message's chat. */
const deletableSelect = (me: string) =>
  ({
    id: true, conversationId: true, seq: true, senderId: true, deletedAt: true, text: true, metadata: true, withheld: true, createdAt: true,
    conversation: { select: { visibility: true, type: true, participants: { where: { userId: me, leftAt: null }, select: { userId: true } } } },
  }) satisfies Prisma.MessageSelect;
type Deletable = Prisma.MessageGetPayload<{ select: ReturnType<typeof deletableSelect> }>;

/** Which message message:deleted is about. */
const deletedEventOf = (m: Deletable) => ({ conversationId: m.conversationId, messageId: m.id, seq: Number(m.seq) });

/**
 * Delete for me hides the messages from my views only. Delete for everyone (the sender, or a site
 * admin moderating a public group, audited) blanks them for all members, who then see "This
 * message was deleted". Every message is checked before any is deleted: one I may not delete
 * refuses them all.
 */
export async function deleteMessages(ctx: Ctx, input: z.input<typeof deleteMessagesInput>): Promise<{ deleted: DeletedMessage[] }> {
  const { messageIds: ids, for: scope } = deleteMessagesInput.parse(input);
  const me = ctx.actor.id;
  const found = new Map((await ctx.db.message.findMany({ where: { id: { in: ids } }, select: deletableSelect(me) })).map((m) => [m.id, m]));
  const messages = ids.map((messageId) => {
    const message = found.get(messageId);
    const isMember = (message?.conversation.participants.length ?? 0) > 0;
    const moderator = message !== undefined && moderates(ctx.actor, message.conversation);
    if (!message || (!isMember && !(moderator && scope === "everyone"))) throw notFound(MESSAGE_NOT_FOUND);
    if (scope === "everyone" && message.senderId !== me && !moderator) throw forbidden("Only the sender can delete a message for everyone");
    // A repeat of a delete that was done stays an answer, however late.
    if (scope === "everyone" && !moderator && !message.deletedAt && !mayStillDeleteForEveryone(message.createdAt)) throw badRequest(DELETE_WINDOW_PASSED);
    return message;
  });

  if (scope === "me") {
    await ctx.db.messageHide.createMany({ data: ids.map((messageId) => ({ messageId, userId: me })), skipDuplicates: true });
    for (const m of messages) {
      ctx.publish.toUser(me, "message:deleted", { ...deletedEventOf(m), forEveryone: false, byAdmin: false });
    }
    return { deleted: ids.map((messageId) => ({ messageId, byAdmin: false })) };
  }
  const deleted: DeletedMessage[] = [];
  for (const message of messages) deleted.push({ messageId: message.id, byAdmin: await deleteForEveryone(ctx, message) });
  return { deleted };
}

/** Blanks one message for all members; answers whether it was recorded as an admin's. */
async function deleteForEveryone(ctx: Ctx, message: Deletable): Promise<boolean> {
  // A repeat (a retry, another tab, a loop) gets the same answer without telling the chat again.
  if (message.deletedAt) return isDeletedByAdmin(message);
  // Members are told who removed it: "deleted by an admin" is not "you deleted this message".
  const byAdmin = message.senderId !== ctx.actor.id;
  // Its content leaves the database, not just the views: text, what the metadata held (a
  // location, a poll, a link's preview, whom it mentioned) and the texts its edits replaced.
  const [{ count }] = await ctx.db.$transaction([
    ctx.db.message.updateMany({
      where: { id: message.id, deletedAt: null },
      data: { deletedAt: new Date(), text: null, withheldText: null, metadata: byAdmin ? { deletedByAdmin: true } : Prisma.DbNull },
    }),
    ctx.db.messageEdit.deleteMany({ where: { messageId: message.id } }),
  ]);
  if (count === 0) {
    // Of two deletes at once, the one that blanked the row tells the chat; this one only answers.
    const stored = await ctx.db.message.findUnique({ where: { id: message.id }, select: { deletedAt: true, metadata: true } });
    return stored ? isDeletedByAdmin(stored) : byAdmin;
  }
  // Nobody can see its files any more: their rows go, and their bytes unless a forward shares them.
  await removeUnusedFiles(ctx.db, await deleteAttachmentRows(ctx.db, Prisma.sql`m.id = ${message.id}::uuid`));
  if (byAdmin) {
    await recordAudit(ctx, { action: "message.delete", targetType: "message", targetId: message.id, before: { text: message.text, senderId: message.senderId }, after: { deleted: true } });
  }
  const event = { ...deletedEventOf(message), forEveryone: true, byAdmin };
  // A withheld message was only ever its sender's: the chat never heard of it, and doesn't now.
  if (message.withheld) ctx.publish.toUser(message.senderId, "message:deleted", event);
  else ctx.publish.toConversation(message.conversationId, "message:deleted", event);
  return byAdmin;
}
