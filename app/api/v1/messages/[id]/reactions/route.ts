import { apiRoute, jsonBody } from "@/lib/http/api-route";
import { reactInput, reactToMessage } from "@/lib/messages/react-to-message";

/** Toggles my reaction `{ emoji }`. */
export const POST = apiRoute<{ id: string }>(async ({ ctx, req, params }) => ({
  message: await reactToMessage(ctx, reactInput.parse({ ...(await jsonBody(req)), messageId: params.id })),
}), { limit: "messages" });
