import { apiRoute } from "@/lib/http/api-route";
import { getUserProfile } from "@/lib/users/profile";

export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => ({ user: await getUserProfile(ctx, { userId: params.id }) }));
