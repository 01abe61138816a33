// What someone sees of a person who blocked them, as in WhatsApp: the name, but neither the
// profile photo nor the about (presence: lib/users/presence-privacy.ts). There is no photo or
// about setting (lib/users/user-settings.ts), so a block is all that hides them.
import type { Prisma } from "@/lib/generated/prisma/client";

/** The subject as a viewer may know them: whether they blocked the viewer. */
export type ProfileSubject = { blockedViewer: boolean };

/** Whether this viewer may see the subject's profile photo and about. */
export function showsProfile(subject: ProfileSubject): boolean {
  return !subject.blockedViewer;
}

/** The same rule as a filter on users: those whose photo and about `viewerId` may see. */
export const showsProfileTo = (viewerId: string) => ({ blocking: { none: { blockedId: viewerId } } }) satisfies Prisma.UserWhereInput;

/** Selected on a user: their block of `viewerId`, if any (read by blockedViewer). */
export const blocksViewerSelect = (viewerId: string) =>
  ({ blocking: { where: { blockedId: viewerId }, select: { blockerId: true } } }) satisfies Prisma.UserSelect;

export const blockedViewer = (user: { blocking: unknown[] }): boolean => user.blocking.length > 0;
