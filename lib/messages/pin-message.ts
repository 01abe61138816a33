import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { requireMembership } from "@/lib/conversations/membership";
import { AppError } from "@/lib/errors";
import { requireGroupManager } from "@/lib/groups/permissions";
import { postSystemMessage, userName } from "@/lib/groups/system-message";
import type { PinDto } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { previewSelect, toReplyPreview } from "./message-dto";
import { assertSharedWritable, chatWritableFields } from "./chat-writable";
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
 * Only members, only while the chat is writable.
 */
async function requirePinRights(ctx: Ctx, messageId: string) {
  const message = await findVisibleMessage(ctx, messageId, {
    conversationId: true,
    type: true,
    deletedAt: true,
    conversation: { select: { id: true, ...chatWritableFields } },
  });
  const conversation = message.conversation;
  await assertSharedWritable(ctx, conversation);
  if (conversation.type === "GROUP") await requireGroupManager(ctx, conversation.id);
  return message;
}

/** Pins a message for everyone in its chat; the oldest of more than three pins comes off. */
export async function pinMessage(ctx: Ctx, input: z.input<typeof pinInput>): Promise<{ pins: PinDto[] }> {
  const { messageId, duration } = pinInput.parse(input);
  const message = await requirePinRights(ctx, messageId);
  if (message.deletedAt) throw new AppError("BAD_REQUEST", "A deleted message can't be pinned");
  if (message.type === "SYSTEM") throw new AppError("BAD_REQUEST", "That message can't be pinned");
  const conversationId = message.conversationId;
  const expiresAt = new Date(Date.now() + PIN_DURATIONS[duration]);
  const newlyPinned = await ctx.db.$transaction(async (tx) => {
    // The chat's row lock serialises its pins: of two pins of one message at once, the second
    // finds the first's and is no news; and the trim below keeps three, not four.
    await tx.$executeRaw`SELECT 1 FROM "Conversation" WHERE id = ${conversationId}::uuid FOR NO KEY UPDATE`;
    const existing = await tx.pinnedMessage.findUnique({ where: { messageId }, select: { expiresAt: true } });
    const active = !!existing && existing.expiresAt > new Date();
    await tx.pinnedMessage.upsert({
      where: { messageId },
      create: { messageId, conversationId, pinnedById: ctx.actor.id, expiresAt },
      update: { pinnedById: ctx.actor.id, pinnedAt: new Date(), expiresAt },
    });
    // Pins that can no longer show (expired, or their message deleted) make room first.
    await tx.pinnedMessage.deleteMany({ where: { conversationId, OR: [{ expiresAt: { lte: new Date() } }, { message: { deletedAt: { not: null } } }] } });
    const keep = await tx.pinnedMessage.findMany({ where: { conversationId }, orderBy: { pinnedAt: "desc" }, take: MAX_PINS, select: { messageId: true } });
    await tx.pinnedMessage.deleteMany({ where: { conversationId, messageId: { notIn: keep.map((k) => k.messageId) } } });
    return !active;
  });
  // Changing how long a pin lasts is not news; a new pin is, as in WhatsApp.
  if (newlyPinned) await postSystemMessage(ctx, conversationId, { kind: "pinned", actorName: await userName(ctx, ctx.actor.id) });
  ctx.publish.toConversation(conversationId, "pins:changed", { conversationId });
  return { pins: await pinsOf(ctx, conversationId) };
}

export async function unpinMessage(ctx: Ctx, input: z.input<typeof unpinInput>): Promise<{ pins: PinDto[] }> {
  const { messageId } = unpinInput.parse(input);
  const { conversationId } = await requirePinRights(ctx, messageId);
  const { count } = await ctx.db.pinnedMessage.deleteMany({ where: { messageId } });
  if (count > 0) ctx.publish.toConversation(conversationId, "pins:changed", { conversationId });
  return { pins: await pinsOf(ctx, conversationId) };
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
      message: { deletedAt: null, seq: { gt: membership?.clearedSeq ?? 0 }, hides: { none: { userId: me } } },
    },
    orderBy: { pinnedAt: "desc" },
    take: MAX_PINS,
    select: { pinnedById: true, pinnedAt: true, expiresAt: true, pinnedBy: { select: { name: true } }, message: { select: previewSelect } },
  });
  return rows.map((r) => ({
    message: toReplyPreview(r.message),
    pinnedById: r.pinnedById,
    pinnedByName: r.pinnedBy?.name ?? "Someone",
    pinnedAt: r.pinnedAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  }));
}
