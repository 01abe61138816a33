import { createPublicGroup, createPublicGroupInput, listAdminGroups } from "@/lib/admin/manage-groups";
import { apiRoute, jsonBody } from "@/lib/http/api-route";

export const GET = apiRoute(async ({ ctx }) => ({ groups: await listAdminGroups(ctx) }));

export const POST = apiRoute(async ({ ctx, req }) =>
  Response.json({ group: await createPublicGroup(ctx, createPublicGroupInput.parse(await jsonBody(req))) }, { status: 201 }),
);
