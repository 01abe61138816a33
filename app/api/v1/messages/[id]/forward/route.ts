import { apiRoute, jsonBody } from "@/lib/http/api-route";
import { forwardInput, forwardMessage } from "@/lib/messages/forward-message";

/** `{ conversationIds, clientId }`: forwards to up to five of my chats. */
export const POST = apiRoute<{ id: string }>(async ({ ctx, req, params }) => ({
  messages: await forwardMessage(ctx, forwardInput.parse({ ...(await jsonBody(req)), messageId: params.id })),
}), { limit: "messages" });
