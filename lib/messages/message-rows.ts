import { Prisma } from "@/lib/generated/prisma/client";
import type { AttachmentDtoRow } from "@/lib/storage/attachment-dto";
import type { MessageRow } from "./message-dto";

// The SQL twin of `messageSelect` + `messageDtos`: the same MessageRow, relations and poll votes
// included, in ONE round trip.
// Prisma's findMany runs one query per relation (8 for a history page); here the reply preview
// is joined and the attachments, reactions and poll votes come aggregated as JSON, so a page costs a single
// statement. The ordering of each list matches what messageSelect asks Prisma for.

/** Columns of one MessageRow, for a query whose message rows are aliased `m` (see messageRowJoins). */
export const messageRowColumns = Prisma.sql`
  m.id, m."conversationId", m.seq, m."senderId", m."clientId", m.type::text AS type, m.text, m.metadata,
  m."createdAt", m."editedAt", m."deletedAt", m.withheld, m."withheldText", m."withheldEditedAt",
  m.version,
  reply.id AS "replyId", reply.seq AS "replySeq", reply."senderId" AS "replySenderId", reply.type AS "replyType",
  reply.text AS "replyText", reply."withheldText" AS "replyWithheldText", reply."deletedAt" AS "replyDeletedAt", reply."senderName" AS "replySenderName",
  reply.mime AS "replyMime", reply."conversationId" AS "replyConversationId",
  COALESCE(att.list, '[]'::json) AS attachments, COALESCE(rx.list, '[]'::json) AS reactions,
  COALESCE(pv.list, '[]'::json) AS "pollVotes"`;

/**
 * The relations of `m`: reply preview (its sender and first attachment), attachments, reactions,
 * a poll's votes (looked for only in polls: the type test is a one-time filter per row).
 */
export const messageRowJoins = Prisma.sql`
  LEFT JOIN LATERAL (
    SELECT r.id, r.seq, r."senderId", r.type::text AS type, r.text, r."withheldText", r."deletedAt", u.name AS "senderName", r."conversationId",
           (SELECT a.mime FROM "Attachment" a WHERE a."messageId" = r.id ORDER BY a."position", a."createdAt", a.id LIMIT 1) AS mime
    FROM "Message" r JOIN "User" u ON u.id = r."senderId"
    WHERE r.id = m."replyToId"
  ) reply ON true
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'mime', a.mime, 'size', a.size, 'width', a.width,
                                      'height', a.height, 'thumbnailKey', a."thumbnailKey") ORDER BY a."position", a."createdAt", a.id) AS list
    FROM "Attachment" a WHERE a."messageId" = m.id
  ) att ON true
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('emoji', x.emoji, 'userId', x."userId", 'withheld', x.withheld, 'retracted', x.retracted) ORDER BY x."createdAt", x."userId", x.emoji) AS list
    FROM "Reaction" x WHERE x."messageId" = m.id
  ) rx ON true
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('option', v.option, 'userId', v."userId", 'withheld', v.withheld, 'retracted', v.retracted) ORDER BY v."createdAt", v."userId", v.option) AS list
    FROM "PollVote" v WHERE m.type = 'POLL' AND v."messageId" = m.id
  ) pv ON true`;

/** One row as selected by messageRowColumns. */
export type MessageRowRecord = {
  id: string;
  conversationId: string;
  seq: bigint;
  senderId: string;
  clientId: string;
  type: MessageRow["type"];
  text: string | null;
  metadata: Prisma.JsonValue | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  withheld: boolean;
  withheldText: string | null;
  withheldEditedAt: Date | null;
  version: number;
  replyId: string | null;
  replySeq: bigint | null;
  replySenderId: string | null;
  replyType: MessageRow["type"] | null;
  replyText: string | null;
  replyWithheldText: string | null;
  replyDeletedAt: Date | null;
  replySenderName: string | null;
  replyMime: string | null;
  replyConversationId: string | null;
  attachments: AttachmentDtoRow[];
  reactions: { emoji: string; userId: string; withheld: boolean; retracted: boolean }[];
  pollVotes: { option: number; userId: string; withheld: boolean; retracted: boolean }[];
};

export function toMessageRow(r: MessageRowRecord): MessageRow {
  return {
    id: r.id,
    conversationId: r.conversationId,
    seq: r.seq,
    senderId: r.senderId,
    clientId: r.clientId,
    type: r.type,
    text: r.text,
    metadata: r.metadata,
    createdAt: r.createdAt,
    editedAt: r.editedAt,
    deletedAt: r.deletedAt,
    withheld: r.withheld,
    withheldText: r.withheldText,
    withheldEditedAt: r.withheldEditedAt,
    version: r.version,
    replyTo:
      r.replyId !== null
        ? {
            id: r.replyId,
            seq: r.replySeq!,
            senderId: r.replySenderId!,
            type: r.replyType!,
            text: r.replyText,
            withheldText: r.replyWithheldText,
            deletedAt: r.replyDeletedAt,
            sender: { name: r.replySenderName! },
            attachments: r.replyMime !== null ? [{ mime: r.replyMime }] : [],
            conversationId: r.replyConversationId!,
          }
        : null,
    attachments: r.attachments,
    reactions: r.reactions,
    pollVotes: r.pollVotes,
  };
}
