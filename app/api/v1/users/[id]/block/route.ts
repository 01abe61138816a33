import { apiRoute } from "@/lib/http/api-route";
import { setBlocked } from "@/lib/users/block-user";

export const PUT = apiRoute<{ id: string }>(({ ctx, params }) => setBlocked(ctx, { userId: params.id, blocked: true }));
export const DELETE = apiRoute<{ id: string }>(({ ctx, params }) => setBlocked(ctx, { userId: params.id, blocked: false }));
