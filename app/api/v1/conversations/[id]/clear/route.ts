import { clearChat } from "@/lib/conversations/clear-chat";
import { apiRoute } from "@/lib/http/api-route";

/** Clear chat: its messages so far leave my view (nobody else's). */
export const POST = apiRoute<{ id: string }>(({ ctx, params }) => clearChat(ctx, { conversationId: params.id }));
