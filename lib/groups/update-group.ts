import { z } from "zod";
import { recordAudit } from "@/lib/admin/audit";
import type { Ctx } from "@/lib/context";
import type { ConversationPatch } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { groupAbout, groupColor, groupIcon, groupName } from "./group-fields";
import { requireGroupManager } from "./permissions";
import { postSystemMessage, userName } from "./system-message";

export const updateGroupInput = z.object({
  conversationId: id,
  name: groupName.optional(),
  icon: groupIcon.optional(),
  iconBg: groupColor.optional(),
  about: groupAbout.optional(),
  /** Public groups only (admins): new users join it automatically. */
  autoJoin: z.boolean().optional(),
  /** An announcement group: only its admins send. */
  onlyAdminsSend: z.boolean().optional(),
});

/**
 * Renames a group or changes its icon, colour, about or who may send; live for every member and
 * Discover.
 */
export async function updateGroup(ctx: Ctx, input: z.input<typeof updateGroupInput>): Promise<ConversationPatch> {
  const { conversationId, ...changes } = updateGroupInput.parse(input);
  const { conversation } = await requireGroupManager(ctx, conversationId);
  const isPublic = conversation.visibility === "PUBLIC";
  const data = { ...changes, ...(isPublic ? {} : { autoJoin: undefined }) };
  const updated = await ctx.db.conversation.update({
    where: { id: conversationId },
    data,
    select: { name: true, icon: true, iconBg: true, about: true, autoJoin: true, onlyAdminsSend: true },
  });

  if (isPublic) {
    const before = {
      name: conversation.name, icon: conversation.icon, iconBg: conversation.iconBg, about: conversation.about,
      autoJoin: conversation.autoJoin, onlyAdminsSend: conversation.onlyAdminsSend,
    };
    await recordAudit(ctx, { action: "group.update", targetType: "group", targetId: conversationId, before, after: updated });
  } else {
    if (changes.name && changes.name !== conversation.name) {
      await postSystemMessage(ctx, conversationId, { kind: "renamed", actorName: await userName(ctx, ctx.actor.id), groupName: changes.name });
    }
    if (changes.onlyAdminsSend !== undefined && changes.onlyAdminsSend !== conversation.onlyAdminsSend) {
      const actorName = await userName(ctx, ctx.actor.id);
      await postSystemMessage(ctx, conversationId, { kind: "sendPolicy", actorName, onlyAdmins: changes.onlyAdminsSend });
    }
  }

  const patch: ConversationPatch = {
    conversationId,
    title: updated.name ?? "Group",
    icon: updated.icon,
    iconBg: updated.iconBg ?? "#25a366",
    about: updated.about,
    onlyAdminsSend: updated.onlyAdminsSend,
  };
  ctx.publish.toConversation(conversationId, "conversation:patched", patch);
  if (isPublic) ctx.publish.toAll("groups:changed");
  return patch;
}
