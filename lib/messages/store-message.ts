import { randomUUID } from "node:crypto";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { Prisma, type MessageType } from "@/lib/generated/prisma/client";
import type { MessageDto } from "@/lib/realtime/contract";
import { messageSelect, toMessageDto } from "./message-dto";

export type NewMessage = {
  conversationId: string;
  clientId: string;
  type: MessageType;
  text: string | null;
  metadata?: Prisma.InputJsonValue;
  replyToId?: string;
  /** A forward: the source message, whose files are shared as new attachments of mine. */
  forwardedFromId?: string;
  /** My unattached uploads, linked to this message. */
  attachmentIds?: string[];
};

type InsertedRow = { id: string; seq: bigint; createdAt: Date; linked: number };

/** Nothing was stored because a guard of the statement refused; sendMessage explains precisely why. */
export class MessageRefused extends AppError {
  constructor() {
    super("CONFLICT", "The chat changed while sending: try again");
  }
}

/**
 * The one insert path for messages (send, forward, system events), in ONE statement so a
 * message costs one database round trip: take the next seq of the conversation (its row lock
 * serialises senders, so seqs are gap-free), insert, link or copy attachments and advance the
 * sender's own watermarks. A statement is atomic: a unique violation on (sender, clientId)
 * rolls all of it back.
 * The statement also guards what must hold at the instant of the insert (the sender is a member,
 * the group is not archived, no block in a direct chat, the uploads are the sender's and unsent)
 * and stores nothing otherwise (MessageRefused): checking those first in separate queries cost
 * a round trip each on the hottest path. Callers turn a refusal into the precise error.
 */
export async function storeMessage(ctx: Ctx, input: NewMessage): Promise<MessageDto> {
  const me = ctx.actor.id;
  const id = randomUUID();
  const attachmentIds = input.attachmentIds ?? [];
  const metadata = input.metadata === undefined ? null : JSON.stringify(input.metadata);
  const [row] = await ctx.db.$queryRaw<InsertedRow[]>`
    WITH conv AS (
      UPDATE "Conversation" SET "lastSeq" = "lastSeq" + 1, "lastMessageAt" = now(), "updatedAt" = now()
      WHERE id = ${input.conversationId}::uuid
        AND (${input.type}::"MessageType" = 'SYSTEM' OR (
          "archivedAt" IS NULL
          AND EXISTS (SELECT 1 FROM "Participant" p
                      WHERE p."conversationId" = ${input.conversationId}::uuid AND p."userId" = ${me}::uuid AND p."leftAt" IS NULL)
          AND NOT (type = 'DIRECT' AND EXISTS (
            SELECT 1 FROM "Block" b
            WHERE (b."blockerId" = ${me}::uuid AND b."blockedId" = ANY(string_to_array("directKey", ':')::uuid[]))
               OR (b."blockedId" = ${me}::uuid AND b."blockerId" = ANY(string_to_array("directKey", ':')::uuid[]))))))
        -- Every listed upload is mine and unsent, or nothing happens (and no seq is used up).
        AND cardinality(${attachmentIds}::uuid[]) = (
          SELECT count(*) FROM "Attachment" a
          WHERE a.id = ANY(${attachmentIds}::uuid[]) AND a."ownerId" = ${me}::uuid AND a."messageId" IS NULL)
      RETURNING "lastSeq"
    ), ins AS (
      INSERT INTO "Message" (id, "conversationId", seq, "senderId", "clientId", type, text, metadata, "replyToId", "forwardedFromId", "createdAt")
      SELECT ${id}::uuid, ${input.conversationId}::uuid, conv."lastSeq", ${me}::uuid, ${input.clientId}, ${input.type}::"MessageType",
             ${input.text}, ${metadata}::jsonb, ${input.replyToId ?? null}::uuid, ${input.forwardedFromId ?? null}::uuid, now()
      FROM conv
      RETURNING id, seq, "createdAt"
    ), linked AS (
      UPDATE "Attachment" a SET "messageId" = ins.id
      FROM ins
      WHERE a.id = ANY(${attachmentIds}::uuid[]) AND a."ownerId" = ${me}::uuid AND a."messageId" IS NULL
      RETURNING a.id
    ), copied AS (
      INSERT INTO "Attachment" (id, "ownerId", "messageId", "storageKey", driver, name, mime, size, width, height, "durationMs", "thumbnailKey", "createdAt")
      SELECT gen_random_uuid(), ${me}::uuid, ins.id, a."storageKey", a.driver, a.name, a.mime, a.size, a.width, a.height, a."durationMs", a."thumbnailKey", a."createdAt"
      FROM "Attachment" a, ins
      WHERE ${input.forwardedFromId ?? null}::uuid IS NOT NULL AND a."messageId" = ${input.forwardedFromId ?? null}::uuid
      RETURNING id
    ), own AS (
      UPDATE "Participant" p SET "readSeq" = ins.seq, "deliveredSeq" = ins.seq
      FROM ins
      WHERE p."conversationId" = ${input.conversationId}::uuid AND p."userId" = ${me}::uuid
    )
    SELECT ins.id, ins.seq, ins."createdAt", (SELECT count(*)::int FROM linked) + (SELECT count(*)::int FROM copied) AS linked
    FROM ins`;
  if (!row) throw new MessageRefused();
  return dtoOfNewMessage(ctx, input, row);
}

/** The stored message as clients see it, reading back only what this message has. */
async function dtoOfNewMessage(ctx: Ctx, input: NewMessage, row: InsertedRow): Promise<MessageDto> {
  if (input.replyToId || row.linked > 0) {
    return toMessageDto(await ctx.db.message.findUniqueOrThrow({ where: { id: row.id }, select: messageSelect }));
  }
  return toMessageDto({
    id: row.id,
    conversationId: input.conversationId,
    seq: row.seq,
    senderId: ctx.actor.id,
    clientId: input.clientId,
    type: input.type,
    text: input.text,
    metadata: (input.metadata ?? null) as Prisma.JsonValue,
    forwardedFromId: input.forwardedFromId ?? null,
    createdAt: row.createdAt,
    editedAt: null,
    deletedAt: null,
    replyTo: null,
    attachments: [],
    reactions: [],
  });
}

/** Direct chats refuse messages while either person blocks the other. */
export async function assertNotBlocked(ctx: Ctx, conversation: { type: string; directKey: string | null }): Promise<void> {
  if (conversation.type !== "DIRECT" || !conversation.directKey) return;
  const peer = conversation.directKey.split(":").find((id) => id !== ctx.actor.id);
  if (!peer) return;
  const block = await ctx.db.block.findFirst({
    where: {
      OR: [
        { blockerId: ctx.actor.id, blockedId: peer },
        { blockerId: peer, blockedId: ctx.actor.id },
      ],
    },
    select: { blockerId: true },
  });
  if (!block) return;
  throw new AppError(
    "FORBIDDEN",
    block.blockerId === ctx.actor.id ? "You blocked this contact. Unblock them to send a message." : "You can't message this contact.",
  );
}
