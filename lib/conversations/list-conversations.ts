import type { Ctx } from "@/lib/context";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { conversationSummaries } from "./conversation-summaries";

export async function listConversations(ctx: Ctx): Promise<ConversationSummary[]> {
  return conversationSummaries(ctx.db, ctx.actor.id);
}
