import { apiRoute, searchParams } from "@/lib/http/api-route";
import { isUsernameAvailable } from "@/lib/users/profile";

export const GET = apiRoute(({ ctx, req }) => isUsernameAvailable(ctx, { username: searchParams(req).username ?? "" }));
