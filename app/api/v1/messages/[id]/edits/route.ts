import { apiRoute } from "@/lib/http/api-route";
import { editHistory } from "@/lib/messages/edit-message";

export const GET = apiRoute<{ id: string }>(({ ctx, params }) => editHistory(ctx, { messageId: params.id }));
