import { joinByInvite } from "@/lib/groups/invites";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute<{ code: string }>(async ({ ctx, params }) => ({ conversation: await joinByInvite(ctx, { code: params.code }) }));
