import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { conversationSummaries } from "@/lib/conversations/conversation-summaries";
import { badRequest, forbidden, notFound } from "@/lib/errors";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { admitMember, announceToMember, appointOwnerIfNone } from "./membership-changes";
import { asGroupManager, requireGroupManager } from "./permissions";
import { userName } from "./system-message";
import { DEFAULT_GROUP_COLOR } from "./group-fields";

const code = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "Invalid invite link");
const INVITE_NOT_FOUND = "This invite link is invalid or was revoked";

export const createInviteInput = z.object({ conversationId: id });

/** A new invite link for a private group (group admins). */
export async function createInvite(ctx: Ctx, input: z.input<typeof createInviteInput>) {
  const { conversationId } = createInviteInput.parse(input);
  const invite = await asGroupManager(ctx, conversationId, async (tx, { conversation }) => {
    if (conversation.visibility === "PUBLIC") throw badRequest("Public groups need no invite");
    return tx.db.groupInvite.create({
      data: { conversationId, code: randomBytes(16).toString("base64url"), createdById: ctx.actor.id },
      select: { id: true, code: true, createdAt: true },
    });
  });
  return { ...invite, createdAt: invite.createdAt.toISOString() };
}

export const listInvitesInput = z.object({ conversationId: id });

export async function listInvites(ctx: Ctx, input: z.input<typeof listInvitesInput>) {
  const { conversationId } = listInvitesInput.parse(input);
  await requireGroupManager(ctx, conversationId);
  const invites = await ctx.db.groupInvite.findMany({
    where: { conversationId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, code: true, createdAt: true },
  });
  return invites.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() }));
}

export const revokeInviteInput = z.object({ conversationId: id, inviteId: id });

export async function revokeInvite(ctx: Ctx, input: z.input<typeof revokeInviteInput>): Promise<void> {
  const { conversationId, inviteId } = revokeInviteInput.parse(input);
  await asGroupManager(ctx, conversationId, async (tx) => {
    const { count } = await tx.db.groupInvite.updateMany({ where: { id: inviteId, conversationId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw notFound("Invite not found");
  });
}

export const inviteCodeInput = z.object({ code });

async function activeInvite(ctx: Ctx, inviteCode: string) {
  const invite = await ctx.db.groupInvite.findFirst({
    where: { code: inviteCode, revokedAt: null, conversation: { archivedAt: null, type: "GROUP" } },
    select: { conversation: { select: { id: true, name: true, icon: true, iconBg: true, about: true, lastSeq: true } } },
  });
  if (!invite) throw notFound(INVITE_NOT_FOUND);
  return invite.conversation;
}

/** What an invite link leads to, shown before joining. */
export async function previewInvite(ctx: Ctx, input: z.input<typeof inviteCodeInput>) {
  const group = await activeInvite(ctx, inviteCodeInput.parse(input).code);
  const memberCount = await ctx.db.participant.count({ where: { conversationId: group.id, leftAt: null } });
  const isMember = (await ctx.db.participant.count({ where: { conversationId: group.id, userId: ctx.actor.id, leftAt: null } })) > 0;
  return { id: group.id, name: group.name ?? "Group", icon: group.icon, iconBg: group.iconBg ?? DEFAULT_GROUP_COLOR, about: group.about, memberCount, isMember };
}

/** Joins a private group through a live invite link. */
export async function joinByInvite(ctx: Ctx, input: z.input<typeof inviteCodeInput>): Promise<ConversationSummary> {
  const group = await activeInvite(ctx, inviteCodeInput.parse(input).code);
  const me = ctx.actor.id;
  const existing = await ctx.db.participant.findUnique({
    where: { conversationId_userId: { conversationId: group.id, userId: me } },
    select: { leftAt: true, bannedAt: true },
  });
  if (existing?.bannedAt) throw forbidden("You can't join this group");
  // Only the request that admits me announces it (a double-clicked link posts once).
  if ((!existing || existing.leftAt) && (await admitMember(ctx, group.id, me, group.lastSeq, { kind: "joined", actorName: await userName(ctx, me) }))) {
    // Invite links outlive an owner who left last: whoever comes in then must be able to run it.
    await appointOwnerIfNone(ctx, group.id);
    await announceToMember(ctx, group.id, me);
  }
  const [summary] = await conversationSummaries(ctx.db, me, group.id);
  return summary!;
}
