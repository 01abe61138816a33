import { z } from "zod";
import type { Ctx } from "@/lib/context";
import type { MessageDto } from "@/lib/realtime/contract";
import { messageDtos, messageSelect } from "./message-dto";
import { messageIds } from "./message-selection";
import { findVisibleMessages } from "./visible-message";

export const starInput = z.object({ messageIds, starred: z.boolean() });

/** Stars or unstars messages for me (each one I can see, or none); my other tabs hear of it. */
export async function starMessages(ctx: Ctx, input: z.input<typeof starInput>): Promise<{ starred: boolean }> {
  const { messageIds: ids, starred } = starInput.parse(input);
  const me = ctx.actor.id;
  await findVisibleMessages(ctx, ids, { id: true });
  if (starred) {
    await ctx.db.star.createMany({ data: ids.map((messageId) => ({ userId: me, messageId })), skipDuplicates: true });
  } else {
    await ctx.db.star.deleteMany({ where: { userId: me, messageId: { in: ids } } });
  }
  ctx.publish.toUser(me, "star:updated", { messageIds: ids, starred });
  return { starred };
}

export type StarredMessage = { message: MessageDto; conversationTitle: string };

/**
 * My starred messages, newest star first: ones every chat view still shows me (in chats I'm still
 * in, not deleted, not deleted for me). Filtered here rather than unstarring on delete, so stars
 * kept from before are hidden too and "Delete for me" needs no second write.
 */
export async function listStarred(ctx: Ctx): Promise<{ items: StarredMessage[]; messageIds: string[] }> {
  const me = ctx.actor.id;
  const stars = await ctx.db.star.findMany({
    where: {
      userId: me,
      message: { deletedAt: null, hides: { none: { userId: me } }, conversation: { participants: { some: { userId: me, leftAt: null } } } },
    },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      message: {
        select: {
          ...messageSelect,
          conversation: { select: { type: true, name: true, participants: { where: { userId: { not: me } }, take: 1, select: { user: { select: { name: true } } } } } },
        },
      },
    },
  });
  const dtos = await messageDtos(ctx.db, stars.map((s) => s.message), ctx.actor.id);
  const items = stars.map(({ message }, i) => ({
    message: dtos[i]!,
    conversationTitle:
      message.conversation.type === "GROUP" ? (message.conversation.name ?? "Group") : (message.conversation.participants[0]?.user.name ?? "Chat"),
  }));
  return { items, messageIds: items.map((i) => i.message.id) };
}
