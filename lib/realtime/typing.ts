import type { Socket } from "socket.io";
import { z } from "zod";
import { id } from "@/lib/validation";
import { rooms } from "./rooms";

export const typingInput = z.object({ conversationId: id, isTyping: z.boolean() });

/**
 * Relays a typing hint to the other members. The socket's rooms are its memberships (joined at
 * connect, updated on join/leave), so a socket outside the room is not a member: dropped.
 */
export function relayTyping(socket: Socket, userId: string, raw: unknown): void {
  const parsed = typingInput.safeParse(raw);
  if (!parsed.success) return;
  const { conversationId, isTyping } = parsed.data;
  const room = rooms.conversation(conversationId);
  if (!socket.rooms.has(room)) return;
  socket.to(room).emit("typing", { conversationId, userId, isTyping });
}
