import type { Ctx } from "@/lib/context";
import type { MessageDto } from "@/lib/realtime/contract";

/**
 * Tells the chat's members of a new or changed message; of a withheld one (the other person
 * blocks the sender) only the sender's devices.
 */
export function publishMessage(ctx: Ctx, event: "message:new" | "message:updated", message: MessageDto): void {
  if (message.withheld) ctx.publish.toUser(message.senderId, event, message);
  else ctx.publish.toConversation(message.conversationId, event, message);
}
