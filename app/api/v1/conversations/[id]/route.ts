import { deleteChat } from "@/lib/conversations/delete-chat";
import { getConversation } from "@/lib/conversations/get-conversation";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute<{ id: string }>(({ ctx, params }) => getConversation(ctx, { conversationId: params.id }));

/** Delete chat: out of my list, its messages so far out of my view (nobody else's). */
export const DELETE = apiRoute<{ id: string }>(({ ctx, params }) => deleteChat(ctx, { conversationId: params.id }));
