import { listPublicGroups } from "@/lib/groups/list-public-groups";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(async ({ ctx }) => ({ groups: await listPublicGroups(ctx) }));
