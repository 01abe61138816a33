import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserSummary } from "@/lib/realtime/contract";
import { blockedViewer, blocksViewerSelect, showsProfile, type ProfileSubject } from "./profile-privacy";

export const userSummaryFields = {
  id: true,
  name: true,
  username: true,
  initials: true,
  avatarColor: true,
  avatarUrl: true,
} satisfies Prisma.UserSelect;

/** A user's summary as `viewerId` may see it (toUserSummary). */
export const userSummarySelect = (viewerId: string) => ({ ...userSummaryFields, ...blocksViewerSelect(viewerId) }) satisfies Prisma.UserSelect;

/** A user selected with userSummarySelect, as that viewer sees them. */
export const toUserSummary = (u: UserSummary & { blocking: unknown[] }): UserSummary => summaryAsSeen(u, { blockedViewer: blockedViewer(u) });

/** A user as a viewer sees them: initials on their colour instead of a photo they may not see. */
export function summaryAsSeen(u: UserSummary, subject: ProfileSubject): UserSummary {
  return {
    id: u.id,
    name: u.name,
    username: u.username,
    initials: u.initials,
    avatarColor: u.avatarColor,
    avatarUrl: showsProfile(subject) ? u.avatarUrl : null,
  };
}
