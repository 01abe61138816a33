import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { MAX_PEOPLE_QUERY } from "@/lib/limits";
import { id } from "@/lib/validation";
import { requireAdmin } from "./require-admin";

export const listUsersInput = z.object({ q: z.string().trim().max(MAX_PEOPLE_QUERY).optional() });

/**
 * Everyone, for the console. `online` comes from the live sockets (any node): `lastActiveAt` is
 * only written on connect and disconnect, so for someone online now it is when they came online.
 * Like their last seen, admins see it whatever the user's privacy setting: moderation, not chat.
 */
export async function listUsers(ctx: Ctx, input: z.input<typeof listUsersInput> = {}) {
  requireAdmin(ctx);
  const q = listUsersInput.parse(input).q?.replace(/^@/, "");
  const users = await ctx.db.user.findMany({
    where: q
      ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }, { username: { contains: q.toLowerCase() } }] }
      : {},
    // Enum order is USER, ADMIN: descending puts admins first.
    orderBy: [{ role: "desc" }, { createdAt: "asc" }],
    take: 500,
    select: { id: true, name: true, username: true, email: true, role: true, initials: true, avatarColor: true, avatarUrl: true, lastActiveAt: true, createdAt: true },
  });
  const online = await ctx.publish.onlineAmong(users.map((u) => u.id));
  return users.map((u) => ({ ...u, online: online.has(u.id), lastActiveAt: u.lastActiveAt?.toISOString() ?? null, createdAt: u.createdAt.toISOString() }));
}

export const setUserRoleInput = z.object({ userId: id, role: z.enum(["USER", "ADMIN"]) });

/**
 * Promotes or demotes an admin. There is always at least one admin left. Their open sockets
 * reconnect, so a demoted admin's tabs lose admin rights at once, not at their next sign-in.
 */
export async function setUserRole(ctx: Ctx, input: z.input<typeof setUserRoleInput>): Promise<void> {
  requireAdmin(ctx);
  const { userId, role } = setUserRoleInput.parse(input);
  const changed = await ctx.db.$transaction(async (tx) => {
    // Serialises role changes, so two admins demoting each other at once can't both succeed.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
    // Re-checked under the lock: an admin demoted by the change just before is no admin any more.
    const actor = await tx.user.findUnique({ where: { id: ctx.actor.id }, select: { role: true } });
    if (actor?.role !== "ADMIN") throw forbidden("Admins only");
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user) throw notFound("User not found");
    if (user.role === role) return false;
    if (role === "USER" && (await tx.user.count({ where: { role: "ADMIN" } })) <= 1) {
      throw new AppError("CONFLICT", "The last admin can't be demoted: promote someone else first");
    }
    await tx.user.update({ where: { id: userId }, data: { role } });
    await tx.auditLog.create({
      data: { actorId: ctx.actor.id, action: role === "ADMIN" ? "user.promote" : "user.demote", targetType: "user", targetId: userId, before: { role: user.role }, after: { role } },
    });
    return true;
  });
  if (changed) ctx.publish.reconnectUser(userId);
}

