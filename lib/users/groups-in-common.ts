import type { Ctx } from "@/lib/context";
import { DEFAULT_GROUP_COLOR } from "@/lib/groups/group-fields";

/** A group both people are in, as the contact panel lists it. */
export type GroupInCommon = { id: string; name: string; icon: string | null; iconBg: string; memberCount: number };

const MAX_LISTED = 50;

/**
 * The groups I am in together with `userId` (both current members), by name: "N groups in
 * common" in their contact info. Only groups I am in, so it tells me nothing I couldn't see.
 */
export async function groupsInCommon(ctx: Ctx, userId: string): Promise<GroupInCommon[]> {
  if (userId === ctx.actor.id) return [];
  const groups = await ctx.db.conversation.findMany({
    where: {
      type: "GROUP",
      AND: [{ participants: { some: { userId: ctx.actor.id, leftAt: null } } }, { participants: { some: { userId, leftAt: null } } }],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: MAX_LISTED,
    select: { id: true, name: true, icon: true, iconBg: true, _count: { select: { participants: { where: { leftAt: null } } } } },
  });
  return groups.map((g) => ({ id: g.id, name: g.name ?? "Group", icon: g.icon, iconBg: g.iconBg ?? DEFAULT_GROUP_COLOR, memberCount: g._count.participants }));
}
