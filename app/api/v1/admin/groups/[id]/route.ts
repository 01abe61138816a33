import { archiveGroupInput, deleteGroupInput, deletePublicGroup, setGroupArchived } from "@/lib/admin/manage-groups";
import { apiRoute, jsonBody } from "@/lib/http/api-route";

/** `{ archived }` */
export const PATCH = apiRoute<{ id: string }>(async ({ ctx, req, params }) => {
  await setGroupArchived(ctx, archiveGroupInput.parse({ ...(await jsonBody(req)), conversationId: params.id }));
  return {};
});

/** `{ confirmName }`: the group's exact name. */
export const DELETE = apiRoute<{ id: string }>(async ({ ctx, req, params }) => {
  await deletePublicGroup(ctx, deleteGroupInput.parse({ ...(await jsonBody(req)), conversationId: params.id }));
  return {};
});
