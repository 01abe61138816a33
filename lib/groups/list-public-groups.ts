import type { Ctx } from "@/lib/context";
import type { GroupSummary } from "@/lib/realtime/contract";
import { DEFAULT_GROUP_COLOR } from "./group-fields";

/** Discover: the public groups anyone may join, with member counts and whether I'm in. */
export async function listPublicGroups(ctx: Ctx): Promise<GroupSummary[]> {
  const groups = await ctx.db.conversation.findMany({
    where: { type: "GROUP", visibility: "PUBLIC", archivedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      icon: true,
      iconBg: true,
      about: true,
      _count: { select: { participants: { where: { leftAt: null } } } },
      participants: { where: { userId: ctx.actor.id, leftAt: null }, select: { userId: true } },
    },
  });
  return groups.map((g) => ({
    id: g.id,
    name: g.name ?? "Group",
    icon: g.icon,
    iconBg: g.iconBg ?? DEFAULT_GROUP_COLOR,
    about: g.about,
    memberCount: g._count.participants,
    isMember: g.participants.length > 0,
  }));
}
