import { apiRoute, jsonBody } from "@/lib/http/api-route";
import { pinInput, pinMessage, unpinMessage } from "@/lib/messages/pin-message";

/** Pins `{ duration: "24h" | "7d" | "30d" }` for everyone in the chat; answers the chat's pins. */
export const PUT = apiRoute<{ id: string }>(async ({ ctx, req, params }) =>
  pinMessage(ctx, pinInput.parse({ ...(await jsonBody(req)), messageId: params.id })),
);
export const DELETE = apiRoute<{ id: string }>(({ ctx, params }) => unpinMessage(ctx, { messageId: params.id }));
