import { apiRoute } from "@/lib/http/api-route";
import { listBlocked } from "@/lib/users/block-user";

export const GET = apiRoute(async ({ ctx }) => ({ users: await listBlocked(ctx) }));
