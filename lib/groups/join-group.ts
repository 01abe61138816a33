import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { conversationSummaries } from "@/lib/conversations/conversation-summaries";
import { forbidden, notFound } from "@/lib/errors";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { admitMember } from "./membership-changes";

export const joinGroupInput = z.object({ conversationId: id });

/** Joins a public group. History stays readable; nothing already sent counts as unread. */
export async function joinGroup(ctx: Ctx, input: z.input<typeof joinGroupInput>): Promise<ConversationSummary> {
  const { conversationId } = joinGroupInput.parse(input);
  const me = ctx.actor.id;
  const group = await ctx.db.conversation.findFirst({
    where: { id: conversationId, type: "GROUP", visibility: "PUBLIC", archivedAt: null },
    select: { id: true, lastSeq: true, participants: { where: { userId: me }, select: { bannedAt: true, leftAt: true } } },
  });
  if (!group) throw notFound("Group not found");
  const existing = group.participants[0];
  if (existing?.bannedAt) throw forbidden("You can't join this group");

  if (!existing || existing.leftAt) await admitMember(ctx, conversationId, me, group.lastSeq);
  const [summary] = await conversationSummaries(ctx.db, me, conversationId);
  ctx.publish.toUser(me, "conversation:updated", summary!);
  return summary!;
}
