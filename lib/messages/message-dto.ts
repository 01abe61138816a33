import type { Prisma } from "@/lib/generated/prisma/client";
import type { MessageDto, SystemEvent } from "@/lib/realtime/contract";
import { attachmentDtoSelect, attachmentKind, toAttachmentDto } from "@/lib/storage/attachment-dto";

export const messageSelect = {
  id: true,
  conversationId: true,
  seq: true,
  senderId: true,
  clientId: true,
  type: true,
  text: true,
  metadata: true,
  forwardedFromId: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  replyTo: {
    select: {
      id: true,
      seq: true,
      senderId: true,
      type: true,
      text: true,
      deletedAt: true,
      sender: { select: { name: true } },
      attachments: { select: { mime: true }, take: 1 },
    },
  },
  attachments: { select: attachmentDtoSelect, orderBy: { createdAt: "asc" } },
  reactions: { select: { emoji: true, userId: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.MessageSelect;

export type MessageRow = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;
type Metadata = { location?: { lat: number; lng: number; label?: string | null }; system?: SystemEvent; deletedByAdmin?: boolean } | null;

/** Deleted for everyone by an admin (moderation): deleteMessage marks it in the metadata. */
export function isDeletedByAdmin(message: { deletedAt: Date | null; metadata: unknown }): boolean {
  return message.deletedAt !== null && (message.metadata as Metadata)?.deletedByAdmin === true;
}

/** The event a SYSTEM message records (joined, renamed…); null for other messages. */
export function systemEventOf(metadata: unknown): SystemEvent | null {
  return (metadata as Metadata)?.system ?? null;
}

export function toMessageDto(row: MessageRow): MessageDto {
  const deleted = row.deletedAt !== null;
  const metadata = row.metadata as Metadata;
  const reactions = new Map<string, string[]>();
  for (const r of row.reactions) reactions.set(r.emoji, [...(reactions.get(r.emoji) ?? []), r.userId]);
  const reply = row.replyTo;
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: Number(row.seq),
    senderId: row.senderId,
    clientId: row.clientId,
    type: row.type,
    // Deleted-for-everyone content never leaves the server, even if a row still had it.
    text: deleted ? null : row.text,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    deletedByAdmin: isDeletedByAdmin(row),
    replyTo: reply
      ? {
          id: reply.id,
          seq: Number(reply.seq),
          senderId: reply.senderId,
          senderName: reply.sender.name,
          type: reply.type,
          text: reply.deletedAt ? null : reply.text,
          deleted: reply.deletedAt !== null,
          attachmentKind: reply.deletedAt || !reply.attachments[0] ? null : attachmentKind(reply.attachments[0].mime),
        }
      : null,
    forwarded: row.forwardedFromId !== null,
    attachments: deleted ? [] : row.attachments.map(toAttachmentDto),
    reactions: deleted ? [] : [...reactions].map(([emoji, userIds]) => ({ emoji, userIds })),
    location: deleted || !metadata?.location ? null : { ...metadata.location, label: metadata.location.label ?? null },
    system: systemEventOf(row.metadata),
  };
}
