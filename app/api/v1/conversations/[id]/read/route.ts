import { apiRoute, jsonBody } from "@/lib/http/api-route";
import { markRead, receiptInput } from "@/lib/messages/receipts";

export const POST = apiRoute<{ id: string }>(async ({ ctx, req, params }) => {
  const receipt = await markRead(ctx, receiptInput.parse({ ...(await jsonBody(req)), conversationId: params.id }));
  return { receipt };
});
