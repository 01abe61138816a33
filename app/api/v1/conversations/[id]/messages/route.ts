import { apiRoute, jsonBody, searchParams } from "@/lib/http/api-route";
import { listMessages } from "@/lib/messages/list-messages";
import { sendMessage, sendMessageInput } from "@/lib/messages/send-message";

export const GET = apiRoute<{ id: string }>(({ ctx, req, params }) =>
  listMessages(ctx, { ...searchParams(req), conversationId: params.id }),
);

/** Sends a message; `clientId` makes retries safe. 201 the first time, 200 for a retry. */
export const POST = apiRoute<{ id: string }>(async ({ ctx, req, params }) => {
  const { message, duplicate } = await sendMessage(
    ctx,
    sendMessageInput.parse({ ...(await jsonBody(req)), conversationId: params.id }),
  );
  return Response.json({ message }, { status: duplicate ? 200 : 201 });
}, { limit: "messages" });
