import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { badRequest } from "@/lib/errors";
import type { MessageDto } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { MAX_POLL_OPTIONS } from "./poll-rules";
import { assertChatWritable, chatWritableFields, takeBack } from "./chat-writable";
import { publishUpdate } from "./publish-message";
import { findVisibleMessage } from "./visible-message";

export const voteInput = z.object({
  messageId: id,
  /** The indexes of the options I choose; none takes my vote back. */
  options: z.array(z.number().int().min(0)).max(MAX_POLL_OPTIONS),
});

/** Sets my choice in a poll (replacing the one before); everyone in the chat sees the new count. */
export async function votePoll(ctx: Ctx, input: z.input<typeof voteInput>): Promise<MessageDto> {
  const { messageId, options } = voteInput.parse(input);
  const message = await findVisibleMessage(ctx, messageId, {
    type: true,
    deletedAt: true,
    metadata: true,
    conversation: { select: chatWritableFields },
  });
  const poll = (message.metadata as { poll?: { options: string[]; multiple: boolean } } | null)?.poll;
  if (message.type !== "POLL" || !poll || message.deletedAt) throw badRequest("This message is not a poll");
  // A vote reaches the chat like a message would: refused or withheld alike.
  const { withheld } = await assertChatWritable(ctx, message.conversation);
  const chosen = [...new Set(options)];
  if (chosen.some((o) => o >= poll.options.length)) throw badRequest("That option is not in the poll");
  if (!poll.multiple && chosen.length > 1) throw badRequest("This poll allows one answer");

  const me = ctx.actor.id;
  const mine = await ctx.db.pollVote.findMany({ where: { messageId, userId: me }, select: { option: true, withheld: true, retracted: true } });
  const gone = mine.filter((v) => !chosen.includes(v.option));
  const retract = gone.filter((v) => takeBack(v, withheld) === "retract").map((v) => v.option);
  // Chosen again: mine again, and the other person saw it all along.
  const restore = mine.filter((v) => v.retracted && chosen.includes(v.option)).map((v) => v.option);
  const mineIn = (options: number[]) => ({ messageId, userId: me, option: { in: options } });
  await ctx.db.$transaction([
    ctx.db.pollVote.deleteMany({ where: mineIn(gone.map((v) => v.option).filter((o) => !retract.includes(o))) }),
    ctx.db.pollVote.updateMany({ where: mineIn(retract), data: { retracted: true } }),
    ctx.db.pollVote.updateMany({ where: mineIn(restore), data: { retracted: false } }),
    ctx.db.pollVote.createMany({ data: chosen.map((option) => ({ messageId, userId: me, option, withheld })), skipDuplicates: true }),
  ]);
  return publishUpdate(ctx, messageId);
}
