import { createInvite, listInvites } from "@/lib/groups/invites";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => ({ invites: await listInvites(ctx, { conversationId: params.id }) }));

export const POST = apiRoute<{ id: string }>(async ({ ctx, params }) =>
  Response.json({ invite: await createInvite(ctx, { conversationId: params.id }) }, { status: 201 }),
);
