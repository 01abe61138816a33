import { z } from "zod";
import { recordAudit } from "@/lib/admin/audit";
import type { Ctx } from "@/lib/context";
import { badRequest, forbidden, notFound } from "@/lib/errors";
import type { ParticipantRole } from "@/lib/generated/prisma/client";
import type { SystemEvent } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { admitMember, announceDeparture, announceMemberChanged, announceToMember, appointOwnerIfNone, endMembership } from "./membership-changes";
import { requireGroupManager } from "./permissions";
import { postSystemMessage, userName } from "./system-message";

export const addMembersInput = z.object({ conversationId: id, userIds: z.array(id).min(1).max(256) });

/** Group admins add people to a private group ("Ana added Ben"). Banned people must be unbanned first. */
export async function addMembers(ctx: Ctx, input: z.input<typeof addMembersInput>): Promise<{ added: string[] }> {
  const { conversationId, userIds } = addMembersInput.parse(input);
  const { conversation } = await requireGroupManager(ctx, conversationId);
  if (conversation.visibility === "PUBLIC") throw badRequest("People join public groups themselves");
  const users = await ctx.db.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, participants: { where: { conversationId }, select: { leftAt: true, bannedAt: true } } },
  });
  if (users.length !== new Set(userIds).size) throw badRequest("Some of those people don't exist");
  const banned = users.find((u) => u.participants[0]?.bannedAt);
  if (banned) throw forbidden(`${banned.name} is banned from this group: unban them first`);
  const actorName = await userName(ctx, ctx.actor.id);
  const added: string[] = [];
  for (const user of users) {
    const current = user.participants[0];
    if (current && !current.leftAt) continue; // Already in.
    const notice = { kind: "added", actorName, targetName: user.name } satisfies SystemEvent;
    if (!(await admitMember(ctx, conversationId, user.id, conversation.lastSeq, notice))) continue; // A concurrent add won.
    await announceToMember(ctx, conversationId, user.id);
    added.push(user.id);
  }
  return { added };
}

export const removeMemberInput = z.object({ conversationId: id, userId: id, ban: z.boolean().default(false) });

/**
 * Removes (and optionally bans) a member: their delivery stops at once on every device. Site
 * admins do it for public groups (audited); owners and admins for private groups, where an
 * admin cannot remove the owner.
 */
export async function removeMember(ctx: Ctx, input: z.input<typeof removeMemberInput>): Promise<void> {
  const { conversationId, userId, ban } = removeMemberInput.parse(input);
  const { conversation, myRole } = await requireGroupManager(ctx, conversationId);
  if (userId === ctx.actor.id) throw badRequest("Use Leave group to leave");
  const target = await ctx.db.participant.findUnique({
    where: { conversationId_userId: { conversationId, userId } },
    select: { role: true, leftAt: true, bannedAt: true, user: { select: { name: true } } },
  });
  if (!target) throw notFound("Not a member of this group");
  // In a private group the owner removes admins and members, an admin only members.
  const roles: ParticipantRole[] | null = conversation.visibility === "PRIVATE" ? (myRole === "OWNER" ? ["ADMIN", "MEMBER"] : ["MEMBER"]) : null;
  const refuse = (role: ParticipantRole) => forbidden(role === "OWNER" ? "The owner can't be removed" : "Only the owner can remove an admin");
  if (roles && !roles.includes(target.role)) throw refuse(target.role);

  // Only the request that ends the membership announces it (two admins removing at once post
  // once), and only while they still have a role I may remove: one made an admin meanwhile is
  // checked again as they are now.
  const ended = !target.leftAt && (await endMembership(ctx, conversationId, userId, { ban, roles: roles ?? undefined }));
  if (!ended && !target.leftAt && roles) {
    const now = await ctx.db.participant.findUnique({ where: { conversationId_userId: { conversationId, userId } }, select: { role: true, leftAt: true } });
    if (now && !now.leftAt) throw refuse(now.role);
  }
  let bannedNow = false;
  if (ended) {
    if (conversation.visibility === "PRIVATE") {
      await postSystemMessage(ctx, conversationId, { kind: "removed", actorName: await userName(ctx, ctx.actor.id), targetName: target.user.name });
    }
    await announceDeparture(ctx, conversationId, userId);
    // The role checked above may be stale: an heir can have been made owner meanwhile.
    if (conversation.visibility === "PRIVATE") await appointOwnerIfNone(ctx, conversationId);
  } else if (ban && !target.bannedAt) {
    // Already gone (left, or removed by a concurrent request): the ban still applies.
    const { count } = await ctx.db.participant.updateMany({ where: { conversationId, userId, bannedAt: null }, data: { bannedAt: new Date() } });
    bannedNow = count > 0;
  }
  // Audited only when this request changed something: a repeated Remove, or removing someone
  // who already left, is no moderation act.
  if (conversation.visibility === "PUBLIC" && (ended || bannedNow)) {
    await recordAudit(ctx, { action: ban ? "member.ban" : "member.remove", targetType: "member", targetId: `${conversationId}:${userId}`, before: { member: ended }, after: { member: false, banned: ban } });
  }
}

export const unbanInput = z.object({ conversationId: id, userId: id });

export async function unbanMember(ctx: Ctx, input: z.input<typeof unbanInput>): Promise<void> {
  const { conversationId, userId } = unbanInput.parse(input);
  const { conversation } = await requireGroupManager(ctx, conversationId);
  const { count } = await ctx.db.participant.updateMany({ where: { conversationId, userId, bannedAt: { not: null } }, data: { bannedAt: null } });
  if (count === 0) throw notFound("That person is not banned");
  if (conversation.visibility === "PUBLIC") {
    await recordAudit(ctx, { action: "member.unban", targetType: "member", targetId: `${conversationId}:${userId}`, before: { banned: true }, after: { banned: false } });
  }
}

export const setMemberRoleInput = z.object({ conversationId: id, userId: id, role: z.enum(["ADMIN", "MEMBER"]) });

/** Private groups: owners and admins promote members to admin; only the owner demotes admins. */
export async function setMemberRole(ctx: Ctx, input: z.input<typeof setMemberRoleInput>): Promise<void> {
  const { conversationId, userId, role } = setMemberRoleInput.parse(input);
  const { conversation, myRole } = await requireGroupManager(ctx, conversationId);
  if (conversation.visibility === "PUBLIC") throw badRequest("Public groups are managed by site admins");
  const target = await ctx.db.participant.findFirst({
    where: { conversationId, userId, leftAt: null },
    select: { role: true, user: { select: { name: true } } },
  });
  if (!target) throw notFound("Not a member of this group");
  if (target.role === "OWNER") throw forbidden("The owner's role can't change");
  if (role === "MEMBER" && target.role === "ADMIN" && myRole !== "OWNER") throw forbidden("Only the owner can dismiss an admin");
  if (target.role === role) return;
  // Only from the role checked above, so of a double-clicked Promote one request changes it and announces it.
  const { count } = await ctx.db.participant.updateMany({ where: { conversationId, userId, leftAt: null, role: target.role }, data: { role } });
  if (count === 0) return;
  await postSystemMessage(ctx, conversationId, {
    kind: role === "ADMIN" ? "promoted" : "demoted",
    actorName: await userName(ctx, ctx.actor.id),
    targetName: target.user.name,
  });
  await announceMemberChanged(ctx, conversationId, userId);
}
