import { listGroupMembers } from "@/lib/admin/manage-groups";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => ({ members: await listGroupMembers(ctx, { conversationId: params.id }) }));
