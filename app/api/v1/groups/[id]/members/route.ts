import { addMembers, addMembersInput } from "@/lib/groups/manage-members";
import { apiRoute, jsonBody } from "@/lib/http/api-route";

/** `{ userIds }`: adds people to a private group. */
export const POST = apiRoute<{ id: string }>(async ({ ctx, req, params }) =>
  addMembers(ctx, addMembersInput.parse({ ...(await jsonBody(req)), conversationId: params.id })),
);
