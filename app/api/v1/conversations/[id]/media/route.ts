import { apiRoute, searchParams } from "@/lib/http/api-route";
import { listMedia, listMediaInput } from "@/lib/messages/list-media";

/** `?kind=media|files|links[&before=seq]`: the chat's gallery. */
export const GET = apiRoute<{ id: string }>(({ ctx, req, params }) =>
  listMedia(ctx, listMediaInput.parse({ ...searchParams(req), conversationId: params.id })),
);
