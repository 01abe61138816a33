import { apiRoute, jsonBody } from "@/lib/http/api-route";
import { voteInput, votePoll } from "@/lib/messages/vote-poll";

/** My choice in a poll, `{ options: number[] }` (empty: no vote); answers the updated poll message. */
export const PUT = apiRoute<{ id: string }>(async ({ ctx, req, params }) => ({
  message: await votePoll(ctx, voteInput.parse({ ...(await jsonBody(req)), messageId: params.id })),
}));
