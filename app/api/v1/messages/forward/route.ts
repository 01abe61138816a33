import { apiRoute, jsonBody } from "@/lib/http/api-route";
import { forwardInput, forwardMessages } from "@/lib/messages/forward-message";
import { chargeSelection } from "@/lib/messages/message-selection";

/** `{ messageIds, conversationIds, clientId }`: forwards up to 50 messages to up to five of my chats. */
export const POST = apiRoute(async ({ ctx, req }) => {
  const input = forwardInput.parse(await jsonBody(req));
  await chargeSelection(ctx.actor.id, input);
  return { messages: await forwardMessages(ctx, input) };
}, { limit: "messages" });
