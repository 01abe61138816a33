import type { Ctx } from "@/lib/context";
import { admitMember } from "./membership-changes";

/** A new user joins every public group an admin flagged "default for new users". */
export async function autoJoinGroups(ctx: Ctx): Promise<string[]> {
  const groups = await ctx.db.conversation.findMany({
    where: { type: "GROUP", visibility: "PUBLIC", autoJoin: true, archivedAt: null },
    select: { id: true, lastSeq: true },
  });
  for (const group of groups) await admitMember(ctx, group.id, ctx.actor.id, group.lastSeq);
  return groups.map((g) => g.id);
}
