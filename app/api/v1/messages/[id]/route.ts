import { apiRoute, searchParams } from "@/lib/http/api-route";
import { deleteMessage, deleteMessageInput } from "@/lib/messages/delete-message";

/** `?for=me` hides it for me; `?for=everyone` (sender only) deletes it for all members. */
export const DELETE = apiRoute<{ id: string }>(async ({ ctx, req, params }) => {
  await deleteMessage(ctx, deleteMessageInput.parse({ for: searchParams(req).for, messageId: params.id }));
  return {};
});
