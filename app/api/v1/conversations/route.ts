import { listConversations } from "@/lib/conversations/list-conversations";
import { openDirect, openDirectInput } from "@/lib/conversations/open-direct";
import { apiRoute, jsonBody } from "@/lib/http/api-route";

export const GET = apiRoute(async ({ ctx }) => ({ conversations: await listConversations(ctx) }));

/** Opens (or creates) the direct chat with `userId`. */
export const POST = apiRoute(async ({ ctx, req }) => ({ conversation: await openDirect(ctx, openDirectInput.parse(await jsonBody(req))) }));
