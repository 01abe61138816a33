import { z } from "zod";
import type { Ctx } from "@/lib/context";
import type { UserSummary } from "@/lib/realtime/contract";
import { toUserSummary, userSummarySelect } from "@/lib/users/user-summary";
import { id } from "@/lib/validation";
import { requireGroupManager } from "./permissions";

export const listBansInput = z.object({ conversationId: id });

export type BannedMember = UserSummary & { bannedAt: string };

/** Who is banned from a group (group managers: owner/admins, site admins for public groups), newest first. */
export async function listBans(ctx: Ctx, input: z.input<typeof listBansInput>): Promise<BannedMember[]> {
  const { conversationId } = listBansInput.parse(input);
  await requireGroupManager(ctx, conversationId);
  const rows = await ctx.db.participant.findMany({
    where: { conversationId, bannedAt: { not: null } },
    orderBy: [{ bannedAt: "desc" }, { userId: "asc" }],
    take: 1000,
    select: { bannedAt: true, user: { select: userSummarySelect(ctx.actor.id) } },
  });
  return rows.map((r) => ({ ...toUserSummary(r.user), bannedAt: r.bannedAt!.toISOString() }));
}
