import { listUsers } from "@/lib/admin/manage-users";
import { apiRoute, searchParams } from "@/lib/http/api-route";

export const GET = apiRoute(async ({ ctx, req }) => ({ users: await listUsers(ctx, { q: searchParams(req).q }) }));
