import { z } from "zod";
import { recordAudit } from "@/lib/admin/audit";
import type { Ctx } from "@/lib/context";
import { badRequest, forbidden, notFound } from "@/lib/errors";
import type { ParticipantRole } from "@/lib/generated/prisma/client";
import { id } from "@/lib/validation";
import { admitRow, announceAdmission, announceDeparture, announceMemberChanged, announceToMember, appointOwnerIfNone, endMembership } from "./membership-changes";
import { asGroupManager } from "./permissions";
import { postSystemMessage, userName } from "./system-message";

export const addMembersInput = z.object({ conversationId: id, userIds: z.array(id).min(1).max(256) });

/** Group admins add people to a private group ("Ana added Ben"). Banned people must be unbanned first. */
export async function addMembers(ctx: Ctx, input: z.input<typeof addMembersInput>): Promise<{ added: string[] }> {
  const { conversationId, userIds } = addMembersInput.parse(input);
  const users = await asGroupManager(ctx, conversationId, async (tx, { conversation }) => {
    if (conversation.visibility === "PUBLIC") throw badRequest("People join public groups themselves");
    const users = await tx.db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
    if (users.length !== new Set(userIds).size) throw badRequest("Some of those people don't exist");
    const rows = await tx.db.participant.findMany({ where: { conversationId, userId: { in: userIds } }, select: { userId: true, leftAt: true, bannedAt: true } });
    const rowOf = new Map(rows.map((r) => [r.userId, r]));
    const banned = users.find((u) => rowOf.get(u.id)?.bannedAt);
    if (banned) throw forbidden(`${banned.name} is banned from this group: unban them first`);
    const added: typeof users = [];
    for (const user of users) {
      const row = rowOf.get(user.id);
      if (row && !row.leftAt) continue; // Already in.
      if (await admitRow(tx, conversationId, user.id, conversation.lastSeq)) added.push(user); // Else a concurrent add won.
    }
    return added;
  });
  const actorName = await userName(ctx, ctx.actor.id);
  for (const user of users) {
    await announceAdmission(ctx, conversationId, user.id, { kind: "added", actorName, targetName: user.name });
    await announceToMember(ctx, conversationId, user.id);
  }
  return { added: users.map((u) => u.id) };
}

export const removeMemberInput = z.object({ conversationId: id, userId: id, ban: z.boolean().default(false) });

/**
 * Removes (and optionally bans) a member: their delivery stops at once on every device. Site
 * admins do it for public groups (audited); owners and admins for private groups, where an
 * admin cannot remove the owner.
 */
export async function removeMember(ctx: Ctx, input: z.input<typeof removeMemberInput>): Promise<void> {
  const { conversationId, userId, ban } = removeMemberInput.parse(input);
  const { ended, isPrivate } = await asGroupManager(ctx, conversationId, async (tx, { conversation, myRole }) => {
    if (userId === ctx.actor.id) throw badRequest("Use Leave group to leave");
    const isPrivate = conversation.visibility === "PRIVATE";
    const target = await tx.db.participant.findUnique({
      where: { conversationId_userId: { conversationId, userId } },
      select: { role: true, leftAt: true, bannedAt: true },
    });
    if (!target) throw notFound("Not a member of this group");
    // In a private group the owner removes admins and members, an admin only members.
    const roles: ParticipantRole[] | null = isPrivate ? (myRole === "OWNER" ? ["ADMIN", "MEMBER"] : ["MEMBER"]) : null;
    const refuse = (role: ParticipantRole) => forbidden(role === "OWNER" ? "The owner can't be removed" : "Only the owner can remove an admin");
    if (roles && !roles.includes(target.role)) throw refuse(target.role);

    // Only the request that ends the membership announces it (two admins removing at once post
    // once), and only while they still have a role I may remove: one made an admin meanwhile is
    // checked again as they are now.
    const ended = !target.leftAt && (await endMembership(tx, conversationId, userId, { ban, roles: roles ?? undefined }));
    if (!ended && !target.leftAt && roles) {
      const now = await tx.db.participant.findUnique({ where: { conversationId_userId: { conversationId, userId } }, select: { role: true, leftAt: true } });
      if (now && !now.leftAt) throw refuse(now.role);
    }
    let bannedNow = false;
    if (!ended && ban && !target.bannedAt) {
      // Already gone (left, or removed by a concurrent request): the ban still applies.
      const { count } = await tx.db.participant.updateMany({ where: { conversationId, userId, bannedAt: null }, data: { bannedAt: new Date() } });
      bannedNow = count > 0;
    }
    // Audited only when this request changed something: a repeated Remove, or removing someone
    // who already left, is no moderation act.
    if (!isPrivate && (ended || bannedNow)) {
      await recordAudit(tx, { action: ban ? "member.ban" : "member.remove", targetType: "member", targetId: `${conversationId}:${userId}`, before: { member: ended }, after: { member: false, banned: ban } });
    }
    return { ended, isPrivate };
  });
  if (!ended) return;
  if (isPrivate) {
    await postSystemMessage(ctx, conversationId, { kind: "removed", actorName: await userName(ctx, ctx.actor.id), targetName: await userName(ctx, userId) });
  }
  await announceDeparture(ctx, conversationId, userId);
  // The role checked above may be stale: an heir can have been made owner meanwhile.
  if (isPrivate) await appointOwnerIfNone(ctx, conversationId);
}

export const unbanInput = z.object({ conversationId: id, userId: id });

export async function unbanMember(ctx: Ctx, input: z.input<typeof unbanInput>): Promise<void> {
  const { conversationId, userId } = unbanInput.parse(input);
  await asGroupManager(ctx, conversationId, async (tx, { conversation }) => {
    const { count } = await tx.db.participant.updateMany({ where: { conversationId, userId, bannedAt: { not: null } }, data: { bannedAt: null } });
    if (count === 0) throw notFound("That person is not banned");
    if (conversation.visibility === "PUBLIC") {
      await recordAudit(tx, { action: "member.unban", targetType: "member", targetId: `${conversationId}:${userId}`, before: { banned: true }, after: { banned: false } });
    }
  });
}

export const setMemberRoleInput = z.object({ conversationId: id, userId: id, role: z.enum(["ADMIN", "MEMBER"]) });

/** Private groups: owners and admins promote members to admin; only the owner demotes admins. */
export async function setMemberRole(ctx: Ctx, input: z.input<typeof setMemberRoleInput>): Promise<void> {
  const { conversationId, userId, role } = setMemberRoleInput.parse(input);
  const changed = await asGroupManager(ctx, conversationId, async (tx, { conversation, myRole }) => {
    if (conversation.visibility === "PUBLIC") throw badRequest("Public groups are managed by site admins");
    const target = await tx.db.participant.findFirst({ where: { conversationId, userId, leftAt: null }, select: { role: true } });
    if (!target) throw notFound("Not a member of this group");
    if (target.role === "OWNER") throw forbidden("The owner's role can't change");
    if (role === "MEMBER" && target.role === "ADMIN" && myRole !== "OWNER") throw forbidden("Only the owner can dismiss an admin");
    if (target.role === role) return false;
    // Only from the role checked above, so of a double-clicked Promote one request changes it and announces it.
    const { count } = await tx.db.participant.updateMany({ where: { conversationId, userId, leftAt: null, role: target.role }, data: { role } });
    return count > 0;
  });
  if (!changed) return;
  await postSystemMessage(ctx, conversationId, {
    kind: role === "ADMIN" ? "promoted" : "demoted",
    actorName: await userName(ctx, ctx.actor.id),
    targetName: await userName(ctx, userId),
  });
  await announceMemberChanged(ctx, conversationId, userId);
}
