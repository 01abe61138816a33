import { apiRoute, searchParams } from "@/lib/http/api-route";
import { searchUsers } from "@/lib/users/search-users";

export const GET = apiRoute(async ({ ctx, req }) => ({ users: await searchUsers(ctx, { q: searchParams(req).q ?? "" }) }));
