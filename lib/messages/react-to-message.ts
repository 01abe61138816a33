import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { isUniqueViolation } from "@/lib/db/errors";
import { badRequest } from "@/lib/errors";
import type { MessageDto } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { assertChatWritable, chatWritableFields, takeBack } from "./chat-writable";
import { publishUpdate } from "./publish-message";
import { findVisibleMessage } from "./visible-message";

export const reactInput = z.object({
  messageId: id,
  emoji: z
    .string()
    .trim()
    .min(1)
    .max(16, "Not an emoji")
    .refine((e) => /^\p{Extended_Pictographic}/u.test(e) || /^\p{Regional_Indicator}/u.test(e), "Not an emoji"),
});

/** Toggles my reaction with this emoji (one per user per emoji). */
export async function reactToMessage(ctx: Ctx, input: z.input<typeof reactInput>): Promise<MessageDto> {
  const { messageId, emoji } = reactInput.parse(input);
  const message = await findVisibleMessage(ctx, messageId, { deletedAt: true, type: true, conversation: { select: chatWritableFields } });
  if (message.deletedAt || message.type === "SYSTEM") throw badRequest("You can't react to this message");
  // A reaction reaches the chat like a message would: refused or withheld alike.
  const { withheld } = await assertChatWritable(ctx, message.conversation);

  const key = { messageId, userId: ctx.actor.id, emoji };
  const mine = await ctx.db.reaction.findUnique({ where: { messageId_userId_emoji: key }, select: { withheld: true, retracted: true } });
  if (!mine) {
    try {
      await ctx.db.reaction.create({ data: { ...key, withheld } });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // A double click: the first one counted.
    }
  } else if (mine.retracted) {
    // Mine again: the other person saw it all along.
    await ctx.db.reaction.updateMany({ where: key, data: { retracted: false } });
  } else if (takeBack(mine, withheld) === "retract") {
    await ctx.db.reaction.updateMany({ where: key, data: { retracted: true } });
  } else {
    await ctx.db.reaction.deleteMany({ where: key });
  }
  return publishUpdate(ctx, messageId);
}
