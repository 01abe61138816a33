import { updateConversationSettings, updateSettingsInput } from "@/lib/conversations/update-settings";
import { apiRoute, jsonBody } from "@/lib/http/api-route";

/** `{ isPinned?, isMuted?, muteFor?, isArchived?, markedUnread? }` for my own view of the chat. */
export const PATCH = apiRoute<{ id: string }>(async ({ ctx, req, params }) => ({
  conversation: await updateConversationSettings(ctx, updateSettingsInput.parse({ ...(await jsonBody(req)), conversationId: params.id })),
}));
