import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { queryDirect } from "@/lib/db/direct-query";
import { Prisma } from "@/lib/generated/prisma/client";
import { badRequest, notFound } from "@/lib/errors";
import { DEFAULT_GROUP_COLOR, groupAbout, groupColor, groupIcon, groupName } from "@/lib/groups/group-fields";
import { deleteAttachmentRows, removeUnusedFiles } from "@/lib/storage/remove-unused-files";
import { id } from "@/lib/validation";
import { recordAudit } from "./audit";
import { requireAdmin } from "./require-admin";

export type AdminGroup = {
  id: string;
  name: string;
  icon: string | null;
  iconBg: string;
  about: string;
  autoJoin: boolean;
  onlyAdminsSend: boolean;
  /** Disappearing messages: seconds a new message lasts, null for off. */
  messageTimerSec: number | null;
  isDefault: boolean;
  archived: boolean;
  memberCount: number;
  messageCount: number;
  lastActivityAt: string | null;
};

type AdminGroupRow = {
  id: string;
  name: string | null;
  icon: string | null;
  iconBg: string | null;
  about: string;
  autoJoin: boolean;
  onlyAdminsSend: boolean;
  messageTimerSec: number | null;
  isDefault: boolean;
  archivedAt: Date | null;
  lastMessageAt: Date | null;
  memberCount: number;
  messageCount: number;
};

/** Public groups for the console, archived ones included, in one query. */
export async function listAdminGroups(ctx: Ctx): Promise<AdminGroup[]> {
  requireAdmin(ctx);
  const rows = await queryDirect<AdminGroupRow>(ctx.db, Prisma.sql`
    SELECT c.id, c.name, c.icon, c."iconBg", c.about, c."autoJoin", c."onlyAdminsSend", c."messageTimerSec", c."isDefault", c."archivedAt", c."lastMessageAt",
           (SELECT count(*)::int FROM "Participant" p WHERE p."conversationId" = c.id AND p."leftAt" IS NULL) AS "memberCount",
           (SELECT count(*)::int FROM "Message" m WHERE m."conversationId" = c.id AND m."deletedAt" IS NULL AND m.type <> 'SYSTEM') AS "messageCount"
    FROM "Conversation" c
    WHERE c.type = 'GROUP' AND c.visibility = 'PUBLIC'
    ORDER BY c."archivedAt" NULLS FIRST, c."createdAt", c.id`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name ?? "Group",
    icon: r.icon,
    iconBg: r.iconBg ?? DEFAULT_GROUP_COLOR,
    about: r.about,
    autoJoin: r.autoJoin,
    onlyAdminsSend: r.onlyAdminsSend,
    messageTimerSec: r.messageTimerSec,
    isDefault: r.isDefault,
    archived: r.archivedAt !== null,
    memberCount: r.memberCount,
    messageCount: r.messageCount,
    lastActivityAt: r.lastMessageAt?.toISOString() ?? null,
  }));
}

export const createPublicGroupInput = z.object({
  name: groupName,
  icon: groupIcon,
  iconBg: groupColor,
  about: groupAbout.default(""),
  autoJoin: z.boolean().default(false),
  onlyAdminsSend: z.boolean().default(false),
});

/** Creates a public group; it appears in everyone's Discover at once. */
export async function createPublicGroup(ctx: Ctx, input: z.input<typeof createPublicGroupInput>) {
  requireAdmin(ctx);
  const data = createPublicGroupInput.parse(input);
  const group = await ctx.db.conversation.create({
    data: { ...data, type: "GROUP", visibility: "PUBLIC", createdById: ctx.actor.id },
    select: { id: true, name: true, icon: true, iconBg: true, about: true, autoJoin: true, onlyAdminsSend: true },
  });
  await recordAudit(ctx, { action: "group.create", targetType: "group", targetId: group.id, after: group });
  ctx.publish.toAll("groups:changed");
  return group;
}

export const archiveGroupInput = z.object({ conversationId: id, archived: z.boolean() });

/** Archived groups leave Discover; members keep the history, read-only. */
export async function setGroupArchived(ctx: Ctx, input: z.input<typeof archiveGroupInput>): Promise<void> {
  requireAdmin(ctx);
  const { conversationId, archived } = archiveGroupInput.parse(input);
  const group = await publicGroup(ctx, conversationId);
  if ((group.archivedAt !== null) === archived) return;
  await ctx.db.conversation.update({ where: { id: conversationId }, data: { archivedAt: archived ? new Date() : null } });
  await recordAudit(ctx, { action: archived ? "group.archive" : "group.unarchive", targetType: "group", targetId: conversationId, before: { archived: !archived }, after: { archived } });
  ctx.publish.toConversation(conversationId, "conversation:patched", { conversationId, archived });
  ctx.publish.toAll("groups:changed");
}

export const deleteGroupInput = z.object({ conversationId: id, confirmName: z.string() });

/** Deletes a public group and all its messages; the admin must type its name to confirm. */
export async function deletePublicGroup(ctx: Ctx, input: z.input<typeof deleteGroupInput>): Promise<void> {
  requireAdmin(ctx);
  const { conversationId, confirmName } = deleteGroupInput.parse(input);
  const group = await publicGroup(ctx, conversationId);
  if (confirmName.trim() !== (group.name ?? "")) throw badRequest("Type the group's name exactly to confirm");
  const members = await ctx.db.participant.findMany({ where: { conversationId, leftAt: null }, select: { userId: true } });
  const files = await ctx.db.$transaction(async (tx) => {
    const rows = await deleteAttachmentRows(tx, Prisma.sql`m."conversationId" = ${conversationId}::uuid`);
    await tx.conversation.delete({ where: { id: conversationId } });
    return rows;
  });
  // Its messages' files go with it, unless a forward to another chat still shows them.
  await removeUnusedFiles(ctx.db, files);
  // The members stop hearing each other's presence; those who still share a chat are watched
  // again when their browsers hear they were removed, and ask (the group no longer counts then).
  ctx.publish.unwatchPresenceAmong(members.map((m) => m.userId));
  // Everyone in it loses it now. The socket room outlives the row until its sockets leave it.
  ctx.publish.toConversation(conversationId, "conversation:removed", { conversationId });
  ctx.publish.toConversation(conversationId, "conversation:deleted", { conversationId });
  await recordAudit(ctx, { action: "group.delete", targetType: "group", targetId: conversationId, before: { name: group.name, about: group.about, icon: group.icon } });
  ctx.publish.toAll("groups:changed");
}

async function publicGroup(ctx: Ctx, conversationId: string) {
  const group = await ctx.db.conversation.findFirst({
    where: { id: conversationId, type: "GROUP", visibility: "PUBLIC" },
    select: { id: true, name: true, about: true, icon: true, archivedAt: true },
  });
  if (!group) throw notFound("Group not found");
  return group;
}

export const groupMembersInput = z.object({ conversationId: id });

/** Members and banned people of a public group, for the console. */
export async function listGroupMembers(ctx: Ctx, input: z.input<typeof groupMembersInput>) {
  requireAdmin(ctx);
  const { conversationId } = groupMembersInput.parse(input);
  await publicGroup(ctx, conversationId);
  const rows = await ctx.db.participant.findMany({
    where: { conversationId, OR: [{ leftAt: null }, { bannedAt: { not: null } }] },
    orderBy: { joinedAt: "asc" },
    take: 2000,
    select: { joinedAt: true, leftAt: true, bannedAt: true, user: { select: { id: true, name: true, username: true, email: true, initials: true, avatarColor: true, avatarUrl: true } } },
  });
  return rows.map((r) => ({ ...r.user, joinedAt: r.joinedAt.toISOString(), banned: r.bannedAt !== null, isMember: r.leftAt === null }));
}
