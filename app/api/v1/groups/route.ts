import { createPrivateGroup, createPrivateGroupInput } from "@/lib/groups/create-private-group";
import { listPublicGroups } from "@/lib/groups/list-public-groups";
import { apiRoute, jsonBody } from "@/lib/http/api-route";

export const GET = apiRoute(async ({ ctx }) => ({ groups: await listPublicGroups(ctx) }));

/** Creates a private group `{ name, icon?, iconBg?, about?, memberIds }`; I become its owner. */
export const POST = apiRoute(async ({ ctx, req }) => {
  const conversation = await createPrivateGroup(ctx, createPrivateGroupInput.parse(await jsonBody(req)));
  return Response.json({ conversation }, { status: 201 });
});
