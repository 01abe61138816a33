import { apiRoute, jsonBody } from "@/lib/http/api-route";
import { deleteMessages, deleteMessagesInput } from "@/lib/messages/delete-message";
import { chargeSelection } from "@/lib/messages/message-selection";

/** `{ messageIds, for: "me" | "everyone" }`: hides them for me, or (sender, or an admin moderating) deletes them for all members. */
export const POST = apiRoute(async ({ ctx, req }) => {
  const input = deleteMessagesInput.parse(await jsonBody(req));
  await chargeSelection(ctx.actor.id, input);
  return deleteMessages(ctx, input);
}, { limit: "messages" });
