import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { badRequest, forbidden } from "@/lib/errors";
import type { MessageDto } from "@/lib/realtime/contract";
import { MAX_MESSAGE_LENGTH } from "@/lib/limits";
import { id } from "@/lib/validation";
import { readMessageRow, toMessageDto } from "./message-dto";
import { assertChatWritable, cantWriteWhileBlocked, chatWritableFields } from "./chat-writable";
import { publishMessage } from "./publish-message";
import { findVisibleMessage } from "./visible-message";

export const editMessageInput = z.object({
  messageId: id,
  text: z
    .string()
    .max(MAX_MESSAGE_LENGTH, `Messages can be at most ${MAX_MESSAGE_LENGTH} characters`)
    .refine((t) => t.trim().length > 0, "Message is empty"),
});

/** The sender changes a message's text (or a file's caption); the old text goes to its history. */
export async function editMessage(ctx: Ctx, input: z.input<typeof editMessageInput>): Promise<MessageDto> {
  const { messageId, text } = editMessageInput.parse(input);
  const message = await findVisibleMessage(ctx, messageId, {
    senderId: true,
    text: true,
    type: true,
    deletedAt: true,
    withheld: true,
    conversation: { select: chatWritableFields },
  });
  if (message.senderId !== ctx.actor.id) throw forbidden("Only the sender can edit a message");
  if (message.deletedAt) throw badRequest("A deleted message can't be edited");
  if (message.type === "SYSTEM" || message.type === "LOCATION" || message.type === "POLL") throw badRequest("This message can't be edited");
  // New text reaches the chat like a new message would. While the other person blocks me, only
  // a message of mine they never got can change: the text of one they got is both people's.
  const { withheld } = await assertChatWritable(ctx, message.conversation);
  if (withheld && !message.withheld) throw cantWriteWhileBlocked();
  if (message.text === text) return toMessageDto(await readMessageRow(ctx.db, messageId), ctx.actor.id);

  await ctx.db.$transaction([
    ctx.db.messageEdit.create({ data: { messageId, editorId: ctx.actor.id, text: message.text ?? "" }, select: { id: true } }),
    ctx.db.message.update({ where: { id: messageId }, data: { text, editedAt: new Date() }, select: { id: true } }),
  ]);
  // Read after the commit: Prisma runs the relation queries of a select concurrently, and inside
  // a transaction they share one connection, which pg deprecates (prisma/orm#29468).
  return publishMessage(ctx, "message:updated", await readMessageRow(ctx.db, messageId));
}

export const editHistoryInput = z.object({ messageId: id });

/** Every version of a message, oldest first, for any member who can see it. */
export async function editHistory(ctx: Ctx, input: z.input<typeof editHistoryInput>) {
  const { messageId } = editHistoryInput.parse(input);
  const message = await findVisibleMessage(ctx, messageId, {
    text: true,
    createdAt: true,
    editedAt: true,
    deletedAt: true,
    edits: { orderBy: { createdAt: "asc" }, select: { text: true, createdAt: true } },
  });
  if (message.deletedAt) return { versions: [] };
  // An edit row holds the text that was replaced at its createdAt.
  const starts = [message.createdAt, ...message.edits.map((e) => e.createdAt)];
  const texts = [...message.edits.map((e) => e.text), message.text ?? ""];
  return { versions: texts.map((text, i) => ({ text, at: starts[i]!.toISOString() })) };
}
