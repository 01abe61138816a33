import { apiRoute, jsonBody } from "@/lib/http/api-route";
import { editMessage, editMessageInput } from "@/lib/messages/edit-message";

/** Edits the text (sender only). */
export const PATCH = apiRoute<{ id: string }>(async ({ ctx, req, params }) => ({
  message: await editMessage(ctx, editMessageInput.parse({ ...(await jsonBody(req)), messageId: params.id })),
}), { limit: "messages" });

