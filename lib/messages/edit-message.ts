import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { AppError, badRequest, forbidden, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MessageDto } from "@/lib/realtime/contract";
import { MAX_MESSAGE_LENGTH } from "@/lib/limits";
import { id } from "@/lib/validation";
import { EDIT_WINDOW_PASSED, mayStillEdit } from "./change-windows";
import { isEditableType } from "./editable-types";
import { withMentions } from "./mentions";
import { readMessageRow, textShownTo, toMessageDto } from "./message-dto";
import { assertChatWritable, chatWritableFields } from "./chat-writable";
import { publishUpdate } from "./publish-message";
import { findVisibleMessage } from "./visible-message";

export const editMessageInput = z.object({
  messageId: id,
  text: z
    .string()
    .max(MAX_MESSAGE_LENGTH, `Messages can be at most ${MAX_MESSAGE_LENGTH} characters`)
    .refine((t) => t.trim().length > 0, "Message is empty"),
});

/**
 * The sender changes a message's text (or a file's caption); the old text goes to its history.
 * While the other person of a direct chat blocks the sender, an edit of a message they have is
 * withheld instead: the sender sees the new text, the other person keeps the old (a refusal would
 * tell the sender they are blocked).
 */
export async function editMessage(ctx: Ctx, input: z.input<typeof editMessageInput>): Promise<MessageDto> {
  const { messageId, text } = editMessageInput.parse(input);
  const message = await findVisibleMessage(ctx, messageId, {
    senderId: true,
    text: true,
    editedAt: true,
    withheldText: true,
    withheldEditedAt: true,
    type: true,
    deletedAt: true,
    withheld: true,
    metadata: true,
    createdAt: true,
    conversation: { select: chatWritableFields },
  });
  if (message.senderId !== ctx.actor.id) throw forbidden("Only the sender can edit a message");
  if (message.deletedAt) throw cannotEditDeleted();
  if (!isEditableType(message.type)) throw badRequest("This message can't be edited");
  const { withheld } = await assertChatWritable(ctx, message.conversation);
  // Unchanged as I see it (a withheld edit of mine included): nothing to do, however late (a
  // retry of an edit that was made in time).
  if (textShownTo(message, ctx.actor.id).text === text) return toMessageDto(await readMessageRow(ctx.db, messageId), ctx.actor.id);
  if (!mayStillEdit(message.createdAt)) throw badRequest(EDIT_WINDOW_PASSED);

  // While they block me, the new text of a message they have is mine alone. (One they never got,
  // withheld itself, is mine alone anyway: its text simply changes below.)
  if (withheld && !message.withheld) {
    const { count } = await ctx.db.message.updateMany({
      where: { id: messageId, deletedAt: null },
      data: { withheldText: text, withheldEditedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw cannotEditDeleted();
    const mine = toMessageDto(await readMessageRow(ctx.db, messageId), ctx.actor.id);
    ctx.publish.toUser(ctx.actor.id, "message:updated", mine);
    return mine;
  }
  const stored = await ctx.db.$transaction(async (tx) => {
    // Only over the row as it was read: one deleted for everyone meanwhile stays blank, and one
    // edited meanwhile (another tab) would lose that text from its history.
    const { count } = await tx.message.updateMany({
      where: { id: messageId, deletedAt: null, text: message.text },
      data: { text, metadata: withMentions(message.metadata, text) ?? Prisma.DbNull, editedAt: new Date(), withheldText: null, withheldEditedAt: null },
    });
    if (count === 1) await tx.messageEdit.create({ data: { messageId, editorId: ctx.actor.id, text: message.text ?? "" }, select: { id: true } });
    return count === 1;
  });
  if (!stored) {
    const now = await ctx.db.message.findUnique({ where: { id: messageId }, select: { deletedAt: true } });
    if (!now) throw notFound("Message not found");
    throw now.deletedAt ? cannotEditDeleted() : new AppError("CONFLICT", "The message was edited elsewhere meanwhile: try again");
  }
  // Read after the commit: Prisma runs the relation queries of a select concurrently, and inside
  // a transaction they share one connection, which pg deprecates (prisma/orm#29468).
  return publishUpdate(ctx, messageId);
}

const cannotEditDeleted = () => badRequest("A deleted message can't be edited");

export const editHistoryInput = z.object({ messageId: id });

/** Every version of a message, oldest first, for any member who can see it. */
export async function editHistory(ctx: Ctx, input: z.input<typeof editHistoryInput>) {
  const { messageId } = editHistoryInput.parse(input);
  const message = await findVisibleMessage(ctx, messageId, {
    senderId: true,
    text: true,
    withheldText: true,
    withheldEditedAt: true,
    createdAt: true,
    editedAt: true,
    deletedAt: true,
    edits: { orderBy: { createdAt: "asc" }, select: { text: true, createdAt: true } },
  });
  if (message.deletedAt) return { versions: [] };
  // An edit row holds the text that was replaced at its createdAt.
  const starts = [message.createdAt, ...message.edits.map((e) => e.createdAt)];
  const texts = [...message.edits.map((e) => e.text), message.text ?? ""];
  const versions = texts.map((text, i) => ({ text, at: starts[i]!.toISOString() }));
  // The sender's withheld edit is the newest version, for the sender alone.
  if (message.withheldText !== null && message.senderId === ctx.actor.id) {
    versions.push({ text: message.withheldText, at: message.withheldEditedAt!.toISOString() });
  }
  return { versions };
}
