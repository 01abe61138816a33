import type { Ctx } from "@/lib/context";
import { CONVERSATION_NOT_FOUND } from "@/lib/conversations/membership";
import { forbidden, notFound } from "@/lib/errors";

/**
 * Who may manage a group: site admins manage public groups (from the admin console); a private
 * group is managed by its owner and admins. Outsiders of a private group learn nothing.
 */
export async function requireGroupManager(ctx: Ctx, conversationId: string) {
  const conversation = await ctx.db.conversation.findFirst({
    where: { id: conversationId, type: "GROUP" },
    select: {
      id: true, name: true, icon: true, iconBg: true, about: true, visibility: true, archivedAt: true,
      isDefault: true, autoJoin: true, onlyAdminsSend: true, lastSeq: true,
      participants: { where: { userId: ctx.actor.id, leftAt: null }, select: { role: true } },
    },
  });
  if (!conversation) throw notFound(CONVERSATION_NOT_FOUND);
  const myRole = conversation.participants[0]?.role ?? null;
  if (conversation.visibility === "PUBLIC") {
    if (ctx.actor.role !== "ADMIN") throw forbidden("Only admins can manage public groups");
  } else {
    if (!myRole) throw notFound(CONVERSATION_NOT_FOUND);
    if (myRole === "MEMBER") throw forbidden("Only group admins can do that");
  }
  return { conversation, myRole };
}
