import { listBans } from "@/lib/groups/list-bans";
import { apiRoute } from "@/lib/http/api-route";

/** People banned from the group (its owner and admins; site admins for public groups). */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => ({ bans: await listBans(ctx, { conversationId: params.id }) }));
