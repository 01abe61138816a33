import { apiRoute, searchParams } from "@/lib/http/api-route";
import { searchMessages, searchMessagesInput } from "@/lib/search/search-messages";

/** `?q=words[&conversationId=…]`: ranked hits from my chats with highlighted snippets. */
export const GET = apiRoute(async ({ ctx, req }) => ({
  hits: await searchMessages(ctx, searchMessagesInput.parse(searchParams(req))),
}));
