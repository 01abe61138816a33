import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound } from "@/lib/errors";
import type { UserSummary } from "@/lib/realtime/contract";
import { attachmentUrl } from "@/lib/storage/attachment-dto";
import { AVATAR_SIZE } from "@/lib/storage/images";
import { announcePresenceSharing } from "@/lib/users/presence-privacy";
import { announceReadReceipts } from "@/lib/users/read-receipts";
import { blockedViewer, showsProfile } from "@/lib/users/profile-privacy";
import { summaryAsSeen, toUserSummary, userSummaryFields, userSummarySelect } from "@/lib/users/user-summary";
import { id } from "@/lib/validation";
import { initialsOf, USERNAME_PATTERN } from "./profile-defaults";
import { groupsInCommon } from "./groups-in-common";
import { readSettings, settingsPatch } from "./user-settings";

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, "3–24 characters: lowercase letters, digits and underscores");

export const updateProfileInput = z.object({
  name: z.string().trim().min(1, "Enter your name").max(60, "Name is too long").optional(),
  username: username.optional(),
  bio: z.string().trim().max(160, "About is at most 160 characters").optional(),
  phoneNumber: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,20}$/, "Enter a valid phone number")
    .or(z.literal(""))
    .optional(),
  /** An avatar uploaded with purpose "avatar"; null removes the picture. */
  avatarAttachmentId: id.nullable().optional(),
  settings: settingsPatch.optional(),
});

const profileSelect = { ...userSummaryFields, bio: true, phoneNumber: true, email: true, settings: true, role: true, lastActiveAt: true };


/** My profile as I see it (with email and settings). */
export async function getMyProfile(ctx: Ctx) {
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: profileSelect });
  return { ...user, settings: readSettings(user.settings), lastActiveAt: user.lastActiveAt?.toISOString() ?? null };
}

export async function updateProfile(ctx: Ctx, input: z.input<typeof updateProfileInput>) {
  const data = updateProfileInput.parse(input);
  const me = ctx.actor.id;
  const current = await getMyProfile(ctx);
  let avatarUrl: string | null | undefined;
  if (data.avatarAttachmentId === null) avatarUrl = null;
  if (data.avatarAttachmentId) {
    const attachment = await ctx.db.attachment.findFirst({
      // Only what an avatar upload made (?purpose=avatar: a small square WebP), never a full photo
      // or an animated image that everyone who sees my name would download.
      where: { id: data.avatarAttachmentId, ownerId: me, messageId: null, mime: "image/webp", width: AVATAR_SIZE, height: AVATAR_SIZE },
      select: { id: true },
    });
    if (!attachment) throw notFound("Picture not found");
    avatarUrl = attachmentUrl(attachment.id);
  }
  try {
    const updated = await ctx.db.user.update({
      where: { id: me },
      data: {
        ...(data.name !== undefined ? { name: data.name, initials: initialsOf(data.name) } : {}),
        ...(data.username !== undefined ? { username: data.username } : {}),
        ...(data.bio !== undefined ? { bio: data.bio } : {}),
        ...(data.phoneNumber !== undefined ? { phoneNumber: data.phoneNumber || null } : {}),
        ...(avatarUrl !== undefined ? { avatarUrl } : {}),
        ...(data.settings ? { settings: { ...current.settings, ...data.settings } } : {}),
      },
      select: profileSelect,
    });
    const summary = summaryAsSeen(updated, { blockedViewer: false });
    ctx.publish.toUser(me, "profile:updated", summary);
    if (data.name !== undefined || data.username !== undefined || avatarUrl !== undefined) await announceProfile(ctx, summary);
    const changed = (key: "readReceipts" | "lastSeen") => data.settings?.[key] !== undefined && data.settings[key] !== current.settings[key];
    if (changed("readReceipts")) await announceReadReceipts(ctx);
    if (changed("lastSeen")) await announcePresenceSharing(ctx, data.settings?.lastSeen === "everyone", updated.lastActiveAt);
    return { ...updated, settings: readSettings(updated.settings), lastActiveAt: updated.lastActiveAt?.toISOString() ?? null };
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "That username is taken");
    throw err;
  }
}

/** My new name or picture, to everyone: those I blocked learn the name alone. */
async function announceProfile(ctx: Ctx, summary: UserSummary): Promise<void> {
  const blocked = await ctx.db.block.findMany({ where: { blockerId: ctx.actor.id }, select: { blockedId: true } });
  const blockedIds = blocked.map((b) => b.blockedId);
  ctx.publish.toAllExceptUsers(blockedIds, "user:updated", summary);
  const hidden = summaryAsSeen(summary, { blockedViewer: true });
  for (const id of blockedIds) ctx.publish.toUser(id, "user:updated", hidden);
}

export const usernameAvailableInput = z.object({ username });

export async function isUsernameAvailable(ctx: Ctx, input: z.input<typeof usernameAvailableInput>) {
  const parsed = usernameAvailableInput.safeParse(input);
  if (!parsed.success) return { available: false, reason: parsed.error.issues[0]?.message ?? "Invalid username" };
  const taken = await ctx.db.user.findFirst({ where: { username: parsed.data.username, id: { not: ctx.actor.id } }, select: { id: true } });
  return { available: !taken, reason: taken ? "That username is taken" : null };
}

export const userProfileInput = z.object({ userId: id });

/**
 * Someone's profile panel. About and avatar are for signed-in users its owner has not blocked
 * (lib/users/profile-privacy.ts); email never. The phone number only to people in a chat where
 * its owner has written: anyone can open an empty chat with anyone, add them to a group or
 * invite them to one, and that alone must not reveal it.
 */
export async function getUserProfile(ctx: Ctx, input: z.input<typeof userProfileInput>) {
  const { userId } = userProfileInput.parse(input);
  const user = await ctx.db.user.findUnique({
    where: { id: userId },
    select: { ...userSummarySelect(ctx.actor.id), bio: true, phoneNumber: true, createdAt: true },
  });
  if (!user) throw notFound("User not found");
  const talkedTo =
    userId === ctx.actor.id ||
    (await ctx.db.participant.count({
      where: {
        userId,
        leftAt: null,
        // A notice in their name ("joined via the invite link") is not something they wrote, and
        // a message withheld from me (I block them) never reached me.
        conversation: {
          participants: { some: { userId: ctx.actor.id, leftAt: null } },
          messages: { some: { senderId: userId, type: { not: "SYSTEM" }, withheld: false } },
        },
      },
    })) > 0;
  const blocked = await ctx.db.block.findUnique({
    where: { blockerId_blockedId: { blockerId: ctx.actor.id, blockedId: userId } },
    select: { blockerId: true },
  });
  return {
    ...toUserSummary(user),
    bio: showsProfile({ blockedViewer: blockedViewer(user) }) ? user.bio : "",
    phoneNumber: talkedTo ? user.phoneNumber : null,
    joinedAt: user.createdAt.toISOString(),
    isBlocked: Boolean(blocked),
    groupsInCommon: await groupsInCommon(ctx, userId),
  };
}
