import { removeMember, removeMemberInput, setMemberRole, setMemberRoleInput } from "@/lib/groups/manage-members";
import { apiRoute, jsonBody, searchParams } from "@/lib/http/api-route";

/** `{ role: "ADMIN" | "MEMBER" }` in a private group. */
export const PATCH = apiRoute<{ id: string; userId: string }>(async ({ ctx, req, params }) => {
  await setMemberRole(ctx, setMemberRoleInput.parse({ ...(await jsonBody(req)), conversationId: params.id, userId: params.userId }));
  return {};
});

/** Removes a member; `?ban=true` also keeps them from rejoining. */
export const DELETE = apiRoute<{ id: string; userId: string }>(async ({ ctx, req, params }) => {
  await removeMember(ctx, removeMemberInput.parse({ conversationId: params.id, userId: params.userId, ban: searchParams(req).ban === "true" }));
  return {};
});
