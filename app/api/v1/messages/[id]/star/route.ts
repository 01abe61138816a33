import { apiRoute } from "@/lib/http/api-route";
import { starMessage } from "@/lib/messages/star-message";

export const PUT = apiRoute<{ id: string }>(({ ctx, params }) => starMessage(ctx, { messageId: params.id, starred: true }));
export const DELETE = apiRoute<{ id: string }>(({ ctx, params }) => starMessage(ctx, { messageId: params.id, starred: false }));
