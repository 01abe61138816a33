import { apiRoute } from "@/lib/http/api-route";
import { messageReceipts } from "@/lib/messages/message-receipts";

export const GET = apiRoute<{ id: string }>(({ ctx, params }) => messageReceipts(ctx, { messageId: params.id }));
