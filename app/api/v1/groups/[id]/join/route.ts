import { joinGroup } from "@/lib/groups/join-group";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute<{ id: string }>(async ({ ctx, params }) => ({
  conversation: await joinGroup(ctx, { conversationId: params.id }),
}));
