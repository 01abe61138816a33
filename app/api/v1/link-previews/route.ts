import { apiRoute, jsonBody } from "@/lib/http/api-route";
import { previewLink, previewLinkInput } from "@/lib/link-previews/preview-link";

/** `{ url }` → `{ preview }`: what the page says about itself, or null. For the message being written. */
export const POST = apiRoute(async ({ ctx, req }) => previewLink(ctx, previewLinkInput.parse(await jsonBody(req))));
