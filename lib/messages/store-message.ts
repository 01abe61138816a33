import { randomUUID } from "node:crypto";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { Prisma, type MessageType } from "@/lib/generated/prisma/client";
import { findMessageRow, readMessageRow, type MessageRow } from "./message-dto";
import { writeMessage, type Stored } from "./message-writer";
import { announceSendersWatermarks } from "./receipts";

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

/** Nothing was stored because a guard of the statement refused; sendMessage explains precisely why. */
export class MessageRefused extends AppError {
  constructor() {
    super("CONFLICT", "The chat changed while sending: try again");
  }
}

/**
 * The one insert path for messages (send, forward, system events), through the database
 * function store_messages_custom: the next seq of the conversation (gap-free), the insert, the
 * sender's uploads linked or a forward's files copied, the sender's own watermarks, all in one
 * statement that also guards what must hold at the instant of the insert (the sender is a
 * member, the group is not archived, the sender blocks no one in a direct chat, the uploads are
 * the sender's and unsent) and stores nothing otherwise (MessageRefused). A message to someone
 * who blocks the sender is stored withheld, for the sender only (see publishMessage). A group
 * hears of new watermark minima when the sender's own watermarks moved them. Messages
 * sent at the same moment share one call and one commit (group commit). A retry of a stored
 * clientId stores nothing either: callers look the stored message up and replay it.
 */
export async function storeMessage(ctx: Ctx, input: NewMessage): Promise<MessageRow> {
  const id = randomUUID();
  const stored = await writeMessage(ctx.db, {
    id,
    conversationId: input.conversationId,
    senderId: ctx.actor.id,
    clientId: input.clientId,
    type: input.type,
    text: input.text,
    metadata: input.metadata ?? null,
    replyToId: input.replyToId ?? null,
    forwardedFromId: input.forwardedFromId ?? null,
    attachmentIds: input.attachmentIds ?? [],
  });
  if (!stored) throw new MessageRefused();
  if (stored.movedMinima) {
    announceSendersWatermarks(ctx, { conversationId: input.conversationId, senderId: ctx.actor.id, seq: Number(stored.seq) }, stored.movedMinima);
  }
  if (stored.withheld && input.type !== "SYSTEM") await applyMyWithheldTimer(ctx, id);
  return rowOfNewMessage(ctx, input, { id, ...stored });
}

/**
 * A withheld message is mine alone, so it lasts as long as my own timer says when I set one
 * while blocked (lib/conversations/set-message-timer.ts); the insert applied the chat's.
 */
async function applyMyWithheldTimer(ctx: Ctx, messageId: string): Promise<void> {
  await ctx.db.$executeRaw`
    UPDATE "Message" m
    SET "expiresAt" = CASE WHEN p."withheldTimerSec" > 0 THEN m."createdAt" + make_interval(secs => p."withheldTimerSec") END
    FROM "Participant" p
    WHERE m.id = ${messageId}::uuid AND p."conversationId" = m."conversationId" AND p."userId" = m."senderId"
      AND p."withheldTimerSec" IS NOT NULL`;
}

/** My message stored under this client id (a retry's first attempt), or null. */
export function findStoredMessage(ctx: Ctx, clientId: string): Promise<MessageRow | null> {
  return findMessageRow(ctx.db, { senderId_clientId: { senderId: ctx.actor.id, clientId } });
}

/** The stored message with all that clients are shown of it, reading back only what this message has. */
async function rowOfNewMessage(ctx: Ctx, input: NewMessage, row: { id: string } & NonNullable<Stored>): Promise<MessageRow> {
  // Replies, files and forwards carry more than the input says: read the stored message back.
  if (input.replyToId || input.attachmentIds?.length || input.forwardedFromId) return readMessageRow(ctx.db, row.id);
  return {
    id: row.id,
    conversationId: input.conversationId,
    seq: row.seq,
    senderId: ctx.actor.id,
    clientId: input.clientId,
    type: input.type,
    text: input.text,
    metadata: (input.metadata ?? null) as Prisma.JsonValue,
    createdAt: row.createdAt,
    editedAt: null,
    deletedAt: null,
    withheld: row.withheld,
    withheldText: null,
    withheldEditedAt: null,
    version: 0,
    replyTo: null,
    attachments: [],
    reactions: [],
    pollVotes: [],
  };
}
