import { apiRoute, searchParams } from "@/lib/http/api-route";
import { searchMessages, searchMessagesInput } from "@/lib/search/search-messages";

/** `?q=words[&conversationId=…]`: hits from my chats, newest first, with highlighted snippets. */
export const GET = apiRoute(async ({ ctx, req }) => ({
  hits: await searchMessages(ctx, searchMessagesInput.parse(searchParams(req))),
}));
