import { apiRoute } from "@/lib/http/api-route";
import { listPins } from "@/lib/messages/pin-message";

/** The chat's pinned messages, newest pin first. */
export const GET = apiRoute<{ id: string }>(({ ctx, params }) => listPins(ctx, { conversationId: params.id }));
