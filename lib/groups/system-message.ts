import { randomUUID } from "node:crypto";
import type { Ctx } from "@/lib/context";
import { publishMessage } from "@/lib/messages/publish-message";
import { storeMessage } from "@/lib/messages/store-message";
import type { MessageDto, SystemEvent } from "@/lib/realtime/contract";

/** Records a group event ("Ana added Ben") as a SYSTEM message in the chat, once, and publishes it. */
export async function postSystemMessage(ctx: Ctx, conversationId: string, event: SystemEvent): Promise<MessageDto> {
  const message = await storeMessage(ctx, {
    conversationId,
    clientId: `sys-${randomUUID()}`,
    type: "SYSTEM",
    text: null,
    metadata: { system: event },
  });
  return publishMessage(ctx, "message:new", message);
}

export async function userName(ctx: Ctx, userId: string): Promise<string> {
  const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { name: true } });
  return user?.name ?? "Someone";
}
