import { apiRoute, searchParams } from "@/lib/http/api-route";
import { serveAttachment } from "@/lib/storage/serve-attachment";

/** The file's bytes (`?thumb=1`: its WebP thumbnail), for members of its chat only; Range supported. */
export const GET = apiRoute<{ id: string }>(({ ctx, req, params }) =>
  serveAttachment(ctx, req, { attachmentId: params.id, thumbnail: searchParams(req).thumb === "1" }),
);
