import { z } from "zod";
import type { Ctx } from "@/lib/context";
import type { UserSummary } from "@/lib/realtime/contract";
import { MAX_PEOPLE_QUERY } from "@/lib/limits";
import { toUserSummary, userSummarySelect } from "./user-summary";

export const searchUsersInput = z.object({ q: z.string().trim().min(1, "Type a name to search").max(MAX_PEOPLE_QUERY) });

/**
 * People to start a chat with: by name or @username (substring), or by exact email, so the
 * directory cannot be used to harvest addresses.
 */
export async function searchUsers(ctx: Ctx, input: z.input<typeof searchUsersInput>): Promise<UserSummary[]> {
  const q = searchUsersInput.parse(input).q.replace(/^@/, "");
  const users = await ctx.db.user.findMany({
    where: {
      id: { not: ctx.actor.id },
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        { username: { contains: q.toLowerCase() } },
        { email: q.toLowerCase() },
      ],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 20,
    select: userSummarySelect(ctx.actor.id),
  });
  return users.map(toUserSummary);
}
