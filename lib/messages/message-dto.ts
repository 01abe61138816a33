import type { Prisma } from "@/lib/generated/prisma/client";
import type { MessageDto } from "@/lib/realtime/contract";

export const messageSelect = {
  id: true,
  conversationId: true,
  seq: true,
  senderId: true,
  clientId: true,
  type: true,
  text: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
} satisfies Prisma.MessageSelect;

export type MessageRow = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

export function toMessageDto(row: MessageRow): MessageDto {
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: Number(row.seq),
    senderId: row.senderId,
    clientId: row.clientId,
    type: row.type,
    // Deleted-for-everyone text never leaves the server, even if a row still had it.
    text: row.deletedAt ? null : row.text,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}
