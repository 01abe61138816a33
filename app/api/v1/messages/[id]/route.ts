import { apiRoute, jsonBody, searchParams } from "@/lib/http/api-route";
import { deleteMessage, deleteMessageInput } from "@/lib/messages/delete-message";
import { editMessage, editMessageInput } from "@/lib/messages/edit-message";

/** Edits the text (sender only). */
export const PATCH = apiRoute<{ id: string }>(async ({ ctx, req, params }) => ({
  message: await editMessage(ctx, editMessageInput.parse({ ...(await jsonBody(req)), messageId: params.id })),
}), { limit: "messages" });

/** `?for=me` hides it for me; `?for=everyone` (sender, or an admin moderating) deletes it for all members. */
export const DELETE = apiRoute<{ id: string }>(
  async ({ ctx, req, params }) => deleteMessage(ctx, deleteMessageInput.parse({ for: searchParams(req).for, messageId: params.id })),
  { limit: "messages" },
);
