import { revokeInvite } from "@/lib/groups/invites";
import { apiRoute } from "@/lib/http/api-route";

export const DELETE = apiRoute<{ id: string; inviteId: string }>(async ({ ctx, params }) => {
  await revokeInvite(ctx, { conversationId: params.id, inviteId: params.inviteId });
  return {};
});
