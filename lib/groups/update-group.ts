import { z } from "zod";
import { recordAudit } from "@/lib/admin/audit";
import type { Ctx } from "@/lib/context";
import type { ConversationPatch } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { DEFAULT_GROUP_COLOR, groupAbout, groupColor, groupIcon, groupName } from "./group-fields";
import { asGroupManager } from "./permissions";
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
  const { before, updated, isPublic } = await asGroupManager(ctx, conversationId, async (tx, { conversation }) => {
    // Compared with the row as this update finds it, under its lock: of a double-clicked
    // rename, the second finds the new name and announces nothing.
    const { name, icon, iconBg, about, autoJoin, onlyAdminsSend, visibility } = conversation;
    const before: GroupFields = { name, icon, iconBg, about, autoJoin, onlyAdminsSend };
    const isPublic = visibility === "PUBLIC";
    const data = { ...changes, ...(isPublic ? {} : { autoJoin: undefined }) };
    const updated = await tx.db.conversation.update({ where: { id: conversationId }, data, select: groupFields });
    if (isPublic && changedFields(before, updated)) {
      await recordAudit(tx, { action: "group.update", targetType: "group", targetId: conversationId, before, after: updated });
    }
    return { before, updated, isPublic };
  });
  if (!changedFields(before, updated)) return toPatch(conversationId, updated);

  if (!isPublic) {
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

const changedFields = (before: GroupFields, after: GroupFields) => (Object.keys(groupFields) as (keyof GroupFields)[]).some((k) => before[k] !== after[k]);

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
