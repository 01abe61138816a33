import { messageTimerInput, setMessageTimer } from "@/lib/conversations/set-message-timer";
import { apiRoute, jsonBody } from "@/lib/http/api-route";

/** `{ seconds }`: disappearing messages for everyone in the chat (24 h, 7 d, 90 d), or null for off. */
export const PUT = apiRoute<{ id: string }>(async ({ ctx, req, params }) => ({
  conversation: await setMessageTimer(ctx, messageTimerInput.parse({ ...(await jsonBody(req)), conversationId: params.id })),
}));
