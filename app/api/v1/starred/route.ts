import { apiRoute } from "@/lib/http/api-route";
import { listStarred } from "@/lib/messages/star-message";

export const GET = apiRoute(({ ctx }) => listStarred(ctx));
