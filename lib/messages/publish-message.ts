import type { Ctx } from "@/lib/context";
import type { MessageDto } from "@/lib/realtime/contract";
import { toMessageDto, withheldAuthors, type MessageRow } from "./message-dto";

/**
 * Tells the chat's members of a new or changed message, each as they are shown it: a withheld
 * message (the other person blocks the sender) reaches only the sender's devices, and the
 * authors of withheld reactions or votes get the one view that shows theirs. Returns the message
 * as the actor is shown it, for their answer.
 */
export function publishMessage(ctx: Ctx, event: "message:new" | "message:updated", row: MessageRow): MessageDto {
  if (row.withheld) {
    const senderView = toMessageDto(row, row.senderId);
    ctx.publish.toUser(row.senderId, event, senderView);
    return row.senderId === ctx.actor.id ? senderView : toMessageDto(row, ctx.actor.id);
  }
  const authors = withheldAuthors(row);
  const shared = toMessageDto(row, null);
  if (authors.length === 0) {
    ctx.publish.toConversation(row.conversationId, event, shared);
    return shared;
  }
  ctx.publish.toConversationExceptUsers(row.conversationId, authors, event, shared);
  for (const author of authors) ctx.publish.toUser(author, event, toMessageDto(row, author));
  return authors.includes(ctx.actor.id) ? toMessageDto(row, ctx.actor.id) : shared;
}
