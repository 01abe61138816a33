import { previewInvite } from "@/lib/groups/invites";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute<{ code: string }>(async ({ ctx, params }) => ({ group: await previewInvite(ctx, { code: params.code }) }));
