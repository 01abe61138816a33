import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserSummary } from "@/lib/realtime/contract";

export const userSummarySelect = {
  id: true,
  name: true,
  username: true,
  initials: true,
  avatarColor: true,
  avatarUrl: true,
} satisfies Prisma.UserSelect;

export const toUserSummary = (u: Prisma.UserGetPayload<{ select: typeof userSummarySelect }>): UserSummary => ({
  id: u.id,
  name: u.name,
  username: u.username,
  initials: u.initials,
  avatarColor: u.avatarColor,
  avatarUrl: u.avatarUrl,
});
