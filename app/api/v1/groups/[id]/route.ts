import { updateGroup, updateGroupInput } from "@/lib/groups/update-group";
import { apiRoute, jsonBody } from "@/lib/http/api-route";

/** `{ name?, icon?, iconBg?, about?, autoJoin? }`: group admins (site admins for public groups). */
export const PATCH = apiRoute<{ id: string }>(async ({ ctx, req, params }) => ({
  group: await updateGroup(ctx, updateGroupInput.parse({ ...(await jsonBody(req)), conversationId: params.id })),
}));
