import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { requireMembership } from "@/lib/conversations/membership";
import { badRequest } from "@/lib/errors";
import { id } from "@/lib/validation";

export const leaveGroupInput = z.object({ conversationId: id });

/**
 * Leaves a group. The user's sockets leave the room on every node before anyone else hears of
 * it, so nothing sent afterwards reaches them.
 */
export async function leaveGroup(ctx: Ctx, input: z.input<typeof leaveGroupInput>): Promise<void> {
  const { conversationId } = leaveGroupInput.parse(input);
  const me = ctx.actor.id;
  const membership = await requireMembership(ctx.db, me, conversationId);
  if (membership.conversation.type !== "GROUP") throw badRequest("Only groups can be left");

  await ctx.db.participant.update({
    where: { conversationId_userId: { conversationId, userId: me } },
    data: { leftAt: new Date(), isPinned: false },
  });
  ctx.publish.unsubscribeUser(me, conversationId);
  ctx.publish.toUser(me, "conversation:removed", { conversationId });
  ctx.publish.toConversation(conversationId, "member:left", { conversationId, userId: me });
}
