import type { Socket } from "socket.io";
import { membershipIds } from "@/lib/conversations/membership";
import type { Db } from "@/lib/db/client";
import { rooms } from "./rooms";

/**
 * Puts a newly connected socket in the rooms of the user's conversations.
 *
 * A membership that ends while the first read is under way sends its "leave this room" before
 * the socket has joined it, so the join that follows would keep a removed member hearing the chat.
 * Reading again once joined closes that gap: a removal committed before the second read is seen by
 * it, and one committed after finds the socket already in the room and takes it out. Memberships
 * that start meanwhile need nothing: the socket is in its user room, which the join reaches.
 */
export async function joinConversationRooms(db: Db, socket: Socket, userId: string): Promise<void> {
  const joined = await membershipIds(db, userId);
  await socket.join(joined.map(rooms.conversation));
  const current = new Set(await membershipIds(db, userId));
  for (const conversationId of joined) {
    if (!current.has(conversationId)) await socket.leave(rooms.conversation(conversationId));
  }
}
