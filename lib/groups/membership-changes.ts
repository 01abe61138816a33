import type { Ctx } from "@/lib/context";
import { forbidden } from "@/lib/errors";
import { conversationSummaries, memberStats } from "@/lib/conversations/conversation-summaries";
import { Prisma, type ParticipantRole } from "@/lib/generated/prisma/client";
import type { SystemEvent } from "@/lib/realtime/contract";
import { memberDto } from "./member-dto";
import type { TxCtx } from "./permissions";
import { postSystemMessage, userName } from "./system-message";

/**
 * Makes a user a current member (new or returning) and tells everyone concerned (see
 * admitRow and announceAdmission). Returns false, changing and publishing nothing, when they
 * already are a member (e.g. a concurrent request admitted them first), so each admission is
 * announced once.
 */
export async function admitMember(ctx: Ctx, conversationId: string, userId: string, lastSeq: bigint, notice?: SystemEvent): Promise<boolean> {
  if (!(await admitRow(ctx, conversationId, userId, lastSeq))) return false;
  await announceAdmission(ctx, conversationId, userId, notice);
  return true;
}

/**
 * The database half of an admission: false when they already are a member. A banned person is
 * never admitted: callers refuse them first, and a ban that lands after that check is refused
 * here (FORBIDDEN) rather than lifted.
 */
export async function admitRow(ctx: TxCtx, conversationId: string, userId: string, lastSeq: bigint): Promise<boolean> {
  const { count: returned } = await ctx.db.participant.updateMany({
    where: { conversationId, userId, leftAt: { not: null }, bannedAt: null },
    data: { leftAt: null, role: "MEMBER", joinedAt: new Date(), readSeq: lastSeq, deliveredSeq: lastSeq },
  });
  const admitted =
    returned > 0 ||
    (await ctx.db.participant.createMany({ data: [{ conversationId, userId, readSeq: lastSeq, deliveredSeq: lastSeq }], skipDuplicates: true })).count > 0;
  if (admitted) return true;
  const row = await ctx.db.participant.findUnique({ where: { conversationId_userId: { conversationId, userId } }, select: { bannedAt: true } });
  if (row?.bannedAt) throw forbidden(userId === ctx.actor.id ? "You can't join this group" : "That person is banned from this group: unban them first");
  return false;
}

/**
 * After an admission: their sockets join the room on every node, members see them appear, the
 * chat gets `notice` ("Ben joined"), if any.
 */
export async function announceAdmission(ctx: Ctx, conversationId: string, userId: string, notice?: SystemEvent): Promise<void> {
  ctx.publish.subscribeUser(userId, conversationId);
  await announceMemberChanged(ctx, conversationId, userId);
  if (notice) await postSystemMessage(ctx, conversationId, notice);
}

/** Tells the group a member as they are now: member:joined doubles as "member changed" (clients upsert by id). */
export async function announceMemberChanged(ctx: Ctx, conversationId: string, userId: string): Promise<void> {
  const { member, hidden, blockedViewers } = await memberDto(ctx, conversationId, userId);
  if (blockedViewers.length === 0) return ctx.publish.toConversation(conversationId, "member:joined", { conversationId, member });
  ctx.publish.toConversationExceptUsers(conversationId, blockedViewers, "member:joined", { conversationId, member });
  for (const viewer of blockedViewers) ctx.publish.toUser(viewer, "member:joined", { conversationId, member: hidden });
}

/**
 * A private group with members always has an owner. When it has none (the owner left, or left
 * last and someone came back through an invite link), the longest-standing admin, else the
 * longest-standing member, becomes it, told to the group as a role change and a notice.
 * Called after every departure, and after a join by invite link: the one way into a group with
 * nobody left in it (adding takes a manager who is a member). A no-op for public groups.
 */
export async function appointOwnerIfNone(ctx: Ctx, conversationId: string): Promise<void> {
  const heir = await ctx.db.$transaction(async (tx) => {
    // The group's row lock serialises appointments: two people joining an empty group at once
    // make one owner, as each statement below reads what the one before committed.
    const group = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Conversation" WHERE id = ${conversationId}::uuid AND type = 'GROUP' AND visibility = 'PRIVATE'
      FOR NO KEY UPDATE`;
    if (group.length === 0) return null;
    for (;;) {
      // One statement, limited to current members: an heir whose leave commits meanwhile is
      // re-checked and skipped (no row), and the next one is tried.
      const [appointed] = await tx.$queryRaw<{ userId: string }[]>`
        UPDATE "Participant" p SET role = 'OWNER'
        WHERE p."conversationId" = ${conversationId}::uuid AND p."leftAt" IS NULL
          AND p."userId" = (
            SELECT h."userId" FROM "Participant" h
            WHERE h."conversationId" = ${conversationId}::uuid AND h."leftAt" IS NULL
            ORDER BY h.role, h."joinedAt", h."userId" LIMIT 1)
          AND NOT EXISTS (
            SELECT 1 FROM "Participant" o WHERE o."conversationId" = ${conversationId}::uuid AND o."leftAt" IS NULL AND o.role = 'OWNER')
        RETURNING p."userId"`;
      if (appointed) return appointed.userId;
      const [state] = await tx.$queryRaw<{ ownerless: boolean }[]>`
        SELECT NOT EXISTS (SELECT 1 FROM "Participant" WHERE "conversationId" = ${conversationId}::uuid AND "leftAt" IS NULL AND role = 'OWNER')
           AND EXISTS (SELECT 1 FROM "Participant" WHERE "conversationId" = ${conversationId}::uuid AND "leftAt" IS NULL) AS ownerless`;
      if (!state?.ownerless) return null; // It has an owner, or nobody is left (it stays silent).
    }
  });
  if (!heir) return;
  await postSystemMessage(ctx, conversationId, { kind: "owner", targetName: await userName(ctx, heir) });
  await announceMemberChanged(ctx, conversationId, heir);
}

/** Sends the member's own (personal) summary of the chat to their tabs, after admission. */
export async function announceToMember(ctx: Ctx, conversationId: string, userId: string): Promise<void> {
  const [summary] = await conversationSummaries(ctx.db, userId, conversationId);
  if (summary) ctx.publish.toUser(userId, "conversation:updated", summary);
}

/**
 * Ends a membership (the database half): true when this call ended a current membership, false
 * when they were no longer a member (e.g. a concurrent request ended it first) or, with
 * `roles`, no longer had one of those roles (made an admin meanwhile). Callers then post their
 * system message, if any, and announceDeparture().
 */
export async function endMembership(
  ctx: TxCtx,
  conversationId: string,
  userId: string,
  opts: { ban?: boolean; roles?: ParticipantRole[] } = {},
): Promise<boolean> {
  const { count } = await ctx.db.participant.updateMany({
    where: { conversationId, userId, leftAt: null, ...(opts.roles ? { role: { in: opts.roles } } : {}) },
    data: { leftAt: new Date(), isPinned: false, role: "MEMBER", ...(opts.ban ? { bannedAt: new Date() } : {}) },
  });
  return count > 0;
}

/**
 * The user's sockets leave the room on every node before anyone else hears, so nothing sent
 * afterwards reaches them; their tabs keep the history read-only. The group hears its new member
 * count and watermark minima with it: a member who had not read my message no longer holds its
 * ticks back, and no receipt would tell. Whoever shared no other chat with them stops hearing
 * their presence, and they stop hearing those people's.
 */
export async function announceDeparture(ctx: Ctx, conversationId: string, userId: string): Promise<void> {
  ctx.publish.unsubscribeUser(userId, conversationId);
  ctx.publish.toUser(userId, "conversation:removed", { conversationId });
  const [stats] = await ctx.db.$queryRaw<{ memberCount: number; minDeliveredSeq: bigint | null; minReadSeq: bigint | null }[]>(
    memberStats(Prisma.sql`${conversationId}::uuid`),
  );
  ctx.publish.toConversation(conversationId, "member:left", {
    conversationId,
    userId,
    memberCount: stats?.memberCount ?? 0,
    minDeliveredSeq: Number(stats?.minDeliveredSeq ?? 0),
    minReadSeq: Number(stats?.minReadSeq ?? 0),
  });
  const strangers = await membersNoLongerShared(ctx, conversationId, userId);
  if (strangers.length > 0) ctx.publish.unwatchPresenceBetween(userId, strangers);
}

/** The group's current members who share no other current chat with `userId`. */
async function membersNoLongerShared(ctx: Ctx, conversationId: string, userId: string): Promise<string[]> {
  const rows = await ctx.db.$queryRaw<{ userId: string }[]>`
    SELECT m."userId" FROM "Participant" m
    WHERE m."conversationId" = ${conversationId}::uuid AND m."leftAt" IS NULL AND m."userId" <> ${userId}::uuid
      AND NOT EXISTS (
        SELECT 1 FROM "Participant" mine JOIN "Participant" theirs ON theirs."conversationId" = mine."conversationId"
        WHERE mine."userId" = ${userId}::uuid AND mine."leftAt" IS NULL
          AND theirs."userId" = m."userId" AND theirs."leftAt" IS NULL)`;
  return rows.map((r) => r.userId);
}
