import type { Socket } from "socket.io";
import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { requireMembership } from "@/lib/conversations/membership";
import { assertMaySend } from "@/lib/messages/chat-writable";
import { id } from "@/lib/validation";
import { rooms } from "./rooms";

export const typingInput = z.object({ conversationId: id, isTyping: z.boolean(), recording: z.boolean().optional() });

/**
 * Relays a typing hint to the other members. The socket's rooms are its memberships (joined at
 * connect, updated on join/leave), so a socket outside the room is not a member: dropped. Typing
 * goes where a message would (assertMaySend): not into an archived group, nor from a member of
 * a group where only admins send, nor to someone I block, nor to someone who blocks me (what I
 * write there is withheld from them, and so is my typing).
 */
export async function relayTyping(socket: Socket, ctx: Ctx, raw: unknown): Promise<void> {
  const parsed = typingInput.safeParse(raw);
  if (!parsed.success) return;
  const { conversationId, isTyping, recording } = parsed.data;
  const room = rooms.conversation(conversationId);
  if (!socket.rooms.has(room)) return;
  if (!(await typingReachesOthers(ctx, conversationId))) return;
  // Not to my own other tabs: they would show me typing to myself.
  socket.to(room).except(rooms.user(ctx.actor.id)).emit("typing", { conversationId, userId: ctx.actor.id, isTyping, ...(isTyping && recording ? { recording: true } : {}) });
}

async function typingReachesOthers(ctx: Ctx, conversationId: string): Promise<boolean> {
  try {
    return !(await assertMaySend(ctx, await requireMembership(ctx.db, ctx.actor.id, conversationId))).withheld;
  } catch (err) {
    if (err instanceof AppError) return false;
    throw err;
  }
}
