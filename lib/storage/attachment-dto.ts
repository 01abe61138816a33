import type { Prisma } from "@/lib/generated/prisma/client";
import type { AttachmentDto } from "@/lib/realtime/contract";
import { AUDIO_MIMES, IMAGE_MIMES, VIDEO_MIMES, type AttachmentKind } from "./media-type";

export type { AttachmentKind } from "./media-type";

/** What clients see of an attachment (defined with the realtime contract). Its bytes: attachmentUrl(id). */
export type { AttachmentDto };

export const attachmentDtoSelect = {
  id: true,
  name: true,
  mime: true,
  size: true,
  width: true,
  height: true,
  thumbnailKey: true,
} satisfies Prisma.AttachmentSelect;

export type AttachmentDtoRow = Prisma.AttachmentGetPayload<{ select: typeof attachmentDtoSelect }>;

/** The kind, from the stored (sniffed) type: only the formats we support inline are media. */
export function attachmentKind(mime: string): AttachmentKind {
  if (IMAGE_MIMES.has(mime)) return "IMAGE";
  if (VIDEO_MIMES.has(mime)) return "VIDEO";
  if (AUDIO_MIMES.has(mime)) return "AUDIO";
  return "FILE";
}

export function toAttachmentDto(row: AttachmentDtoRow): AttachmentDto {
  return {
    id: row.id,
    kind: attachmentKind(row.mime),
    name: row.name,
    mime: row.mime,
    size: row.size,
    width: row.width,
    height: row.height,
    hasThumbnail: row.thumbnailKey !== null,
  };
}

/** Same-origin URL of an attachment's bytes (or its thumbnail). */
export function attachmentUrl(id: string, opts: { thumbnail?: boolean } = {}): string {
  return `/api/v1/attachments/${encodeURIComponent(id)}${opts.thumbnail ? "?thumb=1" : ""}`;
}
