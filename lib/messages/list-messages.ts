import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { requireReadAccess } from "@/lib/conversations/membership";
import type { MessagePage } from "@/lib/realtime/contract";
import { id, seq } from "@/lib/validation";
import { messageSelect, toMessageDto } from "./message-dto";

export const PAGE_SIZE = 50;

export const listMessagesInput = z.object({
  conversationId: id,
  /** Older than this seq (keyset); omitted → the latest page. */
  before: seq.optional(),
  /** Newer than this seq, oldest first (filling the gap after a jump with `around`). */
  after: seq.optional(),
  /** A page centred on this seq (opening a search result or a reply's original). */
  around: seq.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(PAGE_SIZE),
});

/** A page of a conversation I'm in, oldest first, without the messages I deleted for me. */
export async function listMessages(ctx: Ctx, input: z.input<typeof listMessagesInput>): Promise<MessagePage> {
  const { conversationId, before, after, around, limit } = listMessagesInput.parse(input);
  await requireReadAccess(ctx.db, ctx.actor, conversationId);
  if (around !== undefined && before === undefined) {
    // Everything up to a little past the target: the page ends after it, with context above.
    return listMessages(ctx, { conversationId, before: around + Math.floor(limit / 2) + 1, limit });
  }
  if (after !== undefined) {
    const newer = await ctx.db.message.findMany({
      where: { conversationId, seq: { gt: after }, hides: { none: { userId: ctx.actor.id } } },
      orderBy: { seq: "asc" },
      take: limit + 1,
      select: messageSelect,
    });
    const page = newer.slice(0, limit).map(toMessageDto);
    return { messages: page, nextBefore: null, nextAfter: newer.length > limit ? page.at(-1)!.seq : null };
  }
  const rows = await ctx.db.message.findMany({
    where: {
      conversationId,
      ...(before !== undefined ? { seq: { lt: before } } : {}),
      hides: { none: { userId: ctx.actor.id } },
    },
    orderBy: { seq: "desc" },
    take: limit + 1,
    select: messageSelect,
  });
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit).reverse().map(toMessageDto);
  return { messages: page, nextBefore: hasMore && page.length > 0 ? page[0]!.seq : null };
}
