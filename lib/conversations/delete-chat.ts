import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { badRequest } from "@/lib/errors";
import { id } from "@/lib/validation";
import { clearMyView } from "./clear-chat";
import { requireMembership } from "./membership";

export const deleteChatInput = z.object({ conversationId: id });

/**
 * "Delete chat" (a direct chat), as in WhatsApp: its messages so far leave my view, as with Clear
 * chat, and the chat leaves my list on every device of mine until a new message in it brings it
 * back. The other person keeps theirs and is told nothing. A group is left first (Exit group),
 * then deleted from the list in the browser.
 */
export async function deleteChat(ctx: Ctx, input: z.input<typeof deleteChatInput>): Promise<{ conversationId: string; clearedSeq: number }> {
  const { conversationId } = deleteChatInput.parse(input);
  const me = ctx.actor.id;
  const { conversation } = await requireMembership(ctx.db, me, conversationId);
  if (conversation.type !== "DIRECT") throw badRequest("Exit the group before deleting it");
  const clearedSeq = await clearMyView(ctx.db, me, conversationId, { deleteChat: true });
  ctx.publish.toUser(me, "conversation:hidden", { conversationId });
  return { conversationId, clearedSeq };
}
