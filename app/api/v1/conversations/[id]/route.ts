import { getConversation } from "@/lib/conversations/get-conversation";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute<{ id: string }>(({ ctx, params }) => getConversation(ctx, { conversationId: params.id }));
