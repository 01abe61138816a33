import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { requireMembership } from "@/lib/conversations/membership";
import { AppError } from "@/lib/errors";
import { lockGroupManager } from "@/lib/groups/permissions";
import { postSystemMessage, userName } from "@/lib/groups/system-message";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PinDto } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { previewSelect, toReplyPreview } from "./message-dto";
import { assertChatWritable, chatWritableFields } from "./chat-writable";
import { findVisibleMessage } from "./visible-message";

/** As in WhatsApp: a pin lasts 24 hours, 7 days or 30 days, and a chat shows at most three. */
export const PIN_DURATIONS = { "24h": 24 * 3600_000, "7d": 7 * 24 * 3600_000, "30d": 30 * 24 * 3600_000 } as const;
export const MAX_PINS = 3;

export const pinInput = z.object({
  messageId: id,
  duration: z.enum(["24h", "7d", "30d"], { error: "A pin lasts 24h, 7d or 30d" }).default("7d"),
});
export const unpinInput = z.object({ messageId: id });
export const listPinsInput = z.object({ conversationId: id });

/**
 * Who may pin and unpin: both people of a direct chat; in a group, those who manage it (its
 * owner and admins; site admins in a public group), so a big group's banner is not anyone's.
 * Only members, only while the chat is writable. `withheld`: the other person of the direct chat
 * blocks me, so what I pin is shown to me alone (a refusal would tell me I am blocked).
 */
async function requirePinRights(ctx: Ctx, messageId: string) {
  const message = await findVisibleMessage(ctx, messageId, {
    conversationId: true,
    type: true,
    deletedAt: true,
    conversation: { select: { id: true, ...chatWritableFields } },
  });
  const conversation = message.conversation;
  const { withheld } = await assertChatWritable(ctx, conversation);
  return { ...message, withheld };
}

/**
 * Taken first in a pin's transaction: the chat's row lock serialises its pins (of two pins of one
 * message at once, the second finds the first's and is no news; the trim keeps three, not four).
 * In a group the pinner's manager role is checked under it, and holds to the commit.
 */
async function lockPins(ctx: Ctx, db: Prisma.TransactionClient, conversation: { id: string; type: string }): Promise<void> {
  if (conversation.type === "GROUP") await lockGroupManager({ actor: ctx.actor, db }, conversation.id);
  else await db.$executeRaw`SELECT 1 FROM "Conversation" WHERE id = ${conversation.id}::uuid FOR NO KEY UPDATE`;
}

/** The pins `userId` is shown: the chat's (but those they took off while blocked), and their own withheld ones. */
const pinsShownTo = (userId: string) =>
  ({
    OR: [
      { withheld: false, hiddenForId: null },
      { withheld: false, hiddenForId: { not: userId } },
      { withheld: true, pinnedById: userId },
    ],
  }) satisfies Prisma.PinnedMessageWhereInput;

/** Pins a message for everyone in its chat; the oldest of more than three pins comes off. */
export async function pinMessage(ctx: Ctx, input: z.input<typeof pinInput>): Promise<{ pins: PinDto[] }> {
  const { messageId, duration } = pinInput.parse(input);
  const message = await requirePinRights(ctx, messageId);
  if (message.deletedAt) throw new AppError("BAD_REQUEST", "A deleted message can't be pinned");
  if (message.type === "SYSTEM") throw new AppError("BAD_REQUEST", "That message can't be pinned");
  const { conversationId, withheld } = message;
  const me = ctx.actor.id;
  const expiresAt = new Date(Date.now() + PIN_DURATIONS[duration]);
  const newlyPinned = await ctx.db.$transaction(async (tx) => {
    await lockPins(ctx, tx, message.conversation);
    const existing = await tx.pinnedMessage.findUnique({ where: { messageId }, select: { expiresAt: true, withheld: true, hiddenForId: true } });
    const active = !!existing && existing.expiresAt > new Date();
    // Withheld, a pin the other person sees stays as it is (a new duration would reach them);
    // one I took off meanwhile shows for me again.
    if (withheld && active && !existing.withheld) {
      if (existing.hiddenForId === me) await tx.pinnedMessage.update({ where: { messageId }, data: { hiddenForId: null }, select: { messageId: true } });
      return false;
    }
    await tx.pinnedMessage.upsert({
      where: { messageId },
      create: { messageId, conversationId, pinnedById: me, expiresAt, withheld },
      update: { pinnedById: me, pinnedAt: new Date(), expiresAt, withheld, hiddenForId: null },
    });
    // Pins that can no longer show (expired, or their message deleted) make room first.
    await tx.pinnedMessage.deleteMany({ where: { conversationId, OR: [{ expiresAt: { lte: new Date() } }, { message: { deletedAt: { not: null } } }] } });
    // Three at most, as each person is shown them: a withheld pin pushes out only my withheld ones.
    const trimmed = withheld ? { withheld: true, pinnedById: me } : { withheld: false };
    const keep = await tx.pinnedMessage.findMany({
      where: { conversationId, ...(withheld ? pinsShownTo(me) : trimmed) },
      orderBy: { pinnedAt: "desc" },
      take: MAX_PINS,
      select: { messageId: true },
    });
    await tx.pinnedMessage.deleteMany({ where: { conversationId, ...trimmed, messageId: { notIn: keep.map((k) => k.messageId) } } });
    return !active;
  });
  // Changing how long a pin lasts is not news; a new pin is, as in WhatsApp. A withheld pin's
  // notice is stored withheld like any message of mine.
  if (newlyPinned) await postSystemMessage(ctx, conversationId, { kind: "pinned", actorName: await userName(ctx, me) });
  tellPinsChanged(ctx, conversationId, withheld);
  return { pins: await pinsOf(ctx, conversationId) };
}

export async function unpinMessage(ctx: Ctx, input: z.input<typeof unpinInput>): Promise<{ pins: PinDto[] }> {
  const { messageId } = unpinInput.parse(input);
  const { conversationId, conversation, withheld } = await requirePinRights(ctx, messageId);
  const me = ctx.actor.id;
  const changed = await ctx.db.$transaction(async (tx) => {
    await lockPins(ctx, tx, conversation);
    const pin = await tx.pinnedMessage.findFirst({ where: { messageId, ...pinsShownTo(me) }, select: { withheld: true } });
    if (!pin) return null;
    // Withheld, a pin the other person sees stays pinned for them: taken off for me alone.
    const { count } = withheld && !pin.withheld
      ? await tx.pinnedMessage.updateMany({ where: { messageId, withheld: false }, data: { hiddenForId: me } })
      : await tx.pinnedMessage.deleteMany({ where: { messageId, ...pinsShownTo(me) } });
    return count > 0 ? { withheld: pin.withheld } : null;
  });
  if (changed) tellPinsChanged(ctx, conversationId, withheld || changed.withheld);
  return { pins: await pinsOf(ctx, conversationId) };
}

/** pins:changed, to my devices alone for what is mine alone. */
function tellPinsChanged(ctx: Ctx, conversationId: string, withheld: boolean) {
  if (withheld) ctx.publish.toUser(ctx.actor.id, "pins:changed", { conversationId });
  else ctx.publish.toConversation(conversationId, "pins:changed", { conversationId });
}

/** The chat's pins as I see them, newest first: none expired, deleted, hidden or cleared by me. */
export async function listPins(ctx: Ctx, input: z.input<typeof listPinsInput>): Promise<{ pins: PinDto[] }> {
  const { conversationId } = listPinsInput.parse(input);
  await requireMembership(ctx.db, ctx.actor.id, conversationId);
  return { pins: await pinsOf(ctx, conversationId) };
}

async function pinsOf(ctx: Ctx, conversationId: string): Promise<PinDto[]> {
  const me = ctx.actor.id;
  const membership = await ctx.db.participant.findUnique({
    where: { conversationId_userId: { conversationId, userId: me } },
    select: { clearedSeq: true },
  });
  const rows = await ctx.db.pinnedMessage.findMany({
    where: {
      conversationId,
      expiresAt: { gt: new Date() },
      ...pinsShownTo(me),
      message: { deletedAt: null, seq: { gt: membership?.clearedSeq ?? 0 }, hides: { none: { userId: me } } },
    },
    orderBy: { pinnedAt: "desc" },
    take: MAX_PINS,
    select: { pinnedById: true, pinnedAt: true, expiresAt: true, pinnedBy: { select: { name: true } }, message: { select: previewSelect } },
  });
  return rows.map((r) => ({
    message: toReplyPreview(r.message, me),
    pinnedById: r.pinnedById,
    pinnedByName: r.pinnedBy?.name ?? "Someone",
    pinnedAt: r.pinnedAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  }));
}
