import { unbanMember } from "@/lib/groups/manage-members";
import { apiRoute } from "@/lib/http/api-route";

export const DELETE = apiRoute<{ id: string; userId: string }>(async ({ ctx, params }) => {
  await unbanMember(ctx, { conversationId: params.id, userId: params.userId });
  return {};
});
