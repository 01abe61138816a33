import { apiRoute, jsonBody } from "@/lib/http/api-route";
import { starInput, starMessages } from "@/lib/messages/star-message";

/** `{ messageIds, starred }`: stars or unstars messages for me. */
export const POST = apiRoute(async ({ ctx, req }) => starMessages(ctx, starInput.parse(await jsonBody(req))));
