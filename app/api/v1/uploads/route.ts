import { z } from "zod";
import { apiRoute, searchParams } from "@/lib/http/api-route";
import { uploadAttachment } from "@/lib/storage/upload-attachment";

const query = z.object({ purpose: z.enum(["message", "avatar"], { error: "Unknown upload purpose" }).optional() });

/**
 * Upload one file as multipart/form-data, field `file` (`?purpose=avatar` for a profile picture).
 * 201 `{ attachment }`; reference `attachment.id` in `message:send { attachmentIds }`.
 * Streamed and size-capped: keep this route out of any proxy/middleware matcher (it would buffer).
 */
export const POST = apiRoute(async ({ ctx, req }) => {
  const { purpose } = query.parse(searchParams(req));
  const attachment = await uploadAttachment(ctx, req, { purpose });
  return Response.json({ attachment }, { status: 201, headers: { "cache-control": "no-store" } });
}, { limit: "uploads" });
