import { z } from "zod";
import { recordAudit } from "@/lib/admin/audit";
import type { Ctx } from "@/lib/context";
import type { ConversationPatch } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { DEFAULT_GROUP_COLOR, groupAbout, groupColor, groupIcon, groupName } from "./group-fields";
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
  const { before, updated } = await ctx.db.$transaction(async (tx) => {
    // Compared with the row as this update finds it, under its lock: of a double-clicked
    // rename, the second finds the new name and announces nothing.
    const [before] = await tx.$queryRaw<GroupFields[]>`
      SELECT name, icon, "iconBg", about, "autoJoin", "onlyAdminsSend" FROM "Conversation" WHERE id = ${conversationId}::uuid
      FOR NO KEY UPDATE`;
    const updated = await tx.conversation.update({ where: { id: conversationId }, data, select: groupFields });
    return { before: before!, updated };
  });
  const changed = (Object.keys(groupFields) as (keyof GroupFields)[]).some((k) => before[k] !== updated[k]);
  if (!changed) return toPatch(conversationId, updated);

  if (isPublic) {
    await recordAudit(ctx, { action: "group.update", targetType: "group", targetId: conversationId, before, after: updated });
  } else {
    if (updated.name !== before.name) {
      await postSystemMessage(ctx, conversationId, { kind: "renamed", actorName: await userName(ctx, ctx.actor.id), groupName: updated.name ?? "Group" });
    }
    if (updated.onlyAdminsSend !== before.onlyAdminsSend) {
      const actorName = await userName(ctx, ctx.actor.id);
      await postSystemMessage(ctx, conversationId, { kind: "sendPolicy", actorName, onlyAdmins: updated.onlyAdminsSend });
    }
  }

  const patch = toPatch(conversationId, updated);
  ctx.publish.toConversation(conversationId, "conversation:patched", patch);
  if (isPublic) ctx.publish.toAll("groups:changed");
  return patch;
}

const groupFields = { name: true, icon: true, iconBg: true, about: true, autoJoin: true, onlyAdminsSend: true } as const;
type GroupFields = { name: string | null; icon: string | null; iconBg: string | null; about: string; autoJoin: boolean; onlyAdminsSend: boolean };

function toPatch(conversationId: string, group: GroupFields): ConversationPatch {
  return {
    conversationId,
    title: group.name ?? "Group",
    icon: group.icon,
    iconBg: group.iconBg ?? DEFAULT_GROUP_COLOR,
    about: group.about,
    onlyAdminsSend: group.onlyAdminsSend,
  };
}
