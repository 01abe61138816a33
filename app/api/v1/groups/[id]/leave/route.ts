import { leaveGroup } from "@/lib/groups/leave-group";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  await leaveGroup(ctx, { conversationId: params.id });
  return {};
});
