import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryDirect } from "@/lib/db/direct-query";
import { isDeletedByAdmin, systemEventOf } from "@/lib/messages/message-dto";
import type { ConversationSummary, MessageDto } from "@/lib/realtime/contract";
import { readReceiptsShared } from "@/lib/users/read-receipts";
import { summaryAsSeen } from "@/lib/users/user-summary";
import { DEFAULT_GROUP_COLOR } from "@/lib/groups/group-fields";
import { directChatTitle } from "./direct-chats";
import { directKeyOf } from "./direct-chats";

type SummaryRow = {
  id: string;
  type: "DIRECT" | "GROUP";
  name: string | null;
  icon: string | null;
  iconBg: string | null;
  about: string;
  visibility: "PUBLIC" | "PRIVATE";
  lastSeq: bigint;
  lastMessageAt: Date | null;
  readSeq: bigint;
  clearedSeq: bigint;
  chatDeletedAt: Date | null;
  isPinned: boolean;
  isMuted: boolean;
  mutedUntil: Date | null;
  isArchived: boolean;
  markedUnread: boolean;
  isFavourite: boolean;
  groupArchived: boolean;
  onlyAdminsSend: boolean;
  messageTimerSec: number | null;
  peerId: string | null;
  peerName: string | null;
  peerUsername: string | null;
  peerInitials: string | null;
  peerAvatarColor: string | null;
  peerAvatarUrl: string | null;
  peerBlockedMe: boolean | null;
  lmId: string | null;
  lmSeq: bigint | null;
  lmSenderId: string | null;
  lmType: MessageDto["type"];
  lmText: string | null;
  lmCreatedAt: Date | null;
  lmDeletedAt: Date | null;
  lmSenderName: string | null;
  lmMetadata: Prisma.JsonValue | null;
  lmWithheld: boolean | null;
  memberCount: number;
  minDeliveredSeq: bigint | null;
  minReadSeq: bigint | null;
  unreadCount: number;
  mentionSeq: bigint | null;
  readReceipts: boolean;
};

/** The list's badge shows "999+" beyond this, so counting stops there. */
const UNREAD_COUNT_CAP = 1000;

/** A chat's current member count and its members' watermark minima (what its ticks show). */
export function memberStats(conversationId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS "memberCount", min(x."deliveredSeq") AS "minDeliveredSeq", min(x."readSeq") AS "minReadSeq"
    FROM "Participant" x
    WHERE x."conversationId" = ${conversationId} AND x."leftAt" IS NULL`;
}

/**
 * The acting user's conversations as list rows, in one query: membership join, the direct
 * chat's peer, the last message not hidden for this user, and the members' watermark minima.
 * A direct chat shows for the other person only once it has a message.
 */
export async function conversationSummaries(
  db: Db,
  userId: string,
  onlyConversationId?: string,
): Promise<ConversationSummary[]> {
  const only = onlyConversationId ? Prisma.sql`AND c.id = ${onlyConversationId}::uuid` : Prisma.empty;
  // Only the list hides a still-empty direct chat from the other person, and a chat I deleted
  // until a message after that: asked for by id (opened, or a new message came), a member always
  // gets it.
  const listed = onlyConversationId
    ? Prisma.empty
    : Prisma.sql`AND (c.type = 'GROUP' OR c."lastMessageAt" IS NOT NULL OR lm.id IS NOT NULL OR c."createdById" = p."userId")
                 AND (p."chatDeletedAt" IS NULL OR lm.id IS NOT NULL)`;
  // A withheld message leaves the chat's lastMessageAt alone (the blocker must not see the chat
  // move), so for its sender the chat's time is that of their last message.
  const lastActivity = Prisma.sql`GREATEST(c."lastMessageAt", lm."createdAt")`;
  const rows = await queryDirect<SummaryRow>(db, Prisma.sql`
    SELECT c.id, c.type::text AS type, c.name, c.icon, c."iconBg", c.about, c.visibility::text AS visibility,
           c."lastSeq", ${lastActivity} AS "lastMessageAt", c."archivedAt" IS NOT NULL AS "groupArchived", c."onlyAdminsSend",
           -- Mine alone while the other person blocked me (lib/conversations/set-message-timer.ts).
           CASE WHEN p."withheldTimerSec" IS NULL THEN c."messageTimerSec" ELSE NULLIF(p."withheldTimerSec", 0) END AS "messageTimerSec",
           p."readSeq", p."clearedSeq", p."chatDeletedAt", p."isPinned", p."isArchived", p."markedUnread", p."isFavourite",
           -- A mute for a while is over once its time has passed.
           p."isMuted" AND (p."mutedUntil" IS NULL OR p."mutedUntil" > now()) AS "isMuted",
           CASE WHEN p."isMuted" AND p."mutedUntil" > now() THEN p."mutedUntil" END AS "mutedUntil",
           peer.id AS "peerId", peer.name AS "peerName", peer.username AS "peerUsername",
           peer.initials AS "peerInitials", peer."avatarColor" AS "peerAvatarColor", peer."avatarUrl" AS "peerAvatarUrl",
           peer."blockedMe" AS "peerBlockedMe",
           lm.id AS "lmId", lm.seq AS "lmSeq", lm."senderId" AS "lmSenderId", lm.type::text AS "lmType",
           -- Its sender's withheld edit shows to its sender alone (lib/messages/message-dto.ts).
           CASE WHEN lm."deletedAt" IS NULL THEN
             CASE WHEN lm."senderId" = p."userId" AND lm."withheldText" IS NOT NULL THEN lm."withheldText" ELSE lm.text END
           END AS "lmText",
           lm."createdAt" AS "lmCreatedAt", lm."deletedAt" AS "lmDeletedAt", lmu.name AS "lmSenderName",
           lm.metadata AS "lmMetadata", lm.withheld AS "lmWithheld",
           stats."memberCount", stats."minDeliveredSeq", stats."minReadSeq", unread.n AS "unreadCount", unread."mentionSeq",
           ${readReceiptsShared("c")} AS "readReceipts"
    FROM "Participant" p
    JOIN "Conversation" c ON c.id = p."conversationId"
    JOIN "User" me ON me.id = p."userId"
    LEFT JOIN LATERAL (
      SELECT u.id, u.name, u.username, u.initials, u."avatarColor", u."avatarUrl",
             -- Whether they blocked me: then I see no photo of theirs (lib/users/profile-privacy.ts).
             EXISTS (SELECT 1 FROM "Block" b WHERE b."blockerId" = u.id AND b."blockedId" = p."userId") AS "blockedMe"
      FROM "Participant" op JOIN "User" u ON u.id = op."userId"
      WHERE c.type = 'DIRECT' AND op."conversationId" = c.id
        -- The other person; in my chat with myself, me.
        AND (op."userId" <> p."userId" OR c."directKey" = ${directKeyOf(userId, userId)})
      LIMIT 1
    ) peer ON true
    LEFT JOIN LATERAL (
      SELECT m.id, m.seq, m."senderId", m.type, m.text, m."withheldText", m."createdAt", m."deletedAt", m.metadata, m.withheld
      FROM "Message" m
      WHERE m."conversationId" = c.id AND m.seq > p."clearedSeq"
        AND NOT EXISTS (SELECT 1 FROM "MessageHide" h WHERE h."messageId" = m.id AND h."userId" = p."userId")
      ORDER BY m.seq DESC
      LIMIT 1
    ) lm ON true
    LEFT JOIN "User" lmu ON lmu.id = lm."senderId"
    CROSS JOIN LATERAL (${memberStats(Prisma.sql`c.id`)}) stats
    -- What the badge counts, as the chat's "unread messages" divider does (lib/client/unread.ts):
    -- others' messages after my read mark, not notices, not deleted for me. Messages that
    -- disappeared are gone from the table, so they stop counting.
    -- Of those, the newest that @mentions me in a group (whom a message mentions is recorded
    -- when it is sent or edited, lib/messages/mentions.ts), over the same capped rows.
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n, max(capped.seq) FILTER (WHERE capped.mentions) AS "mentionSeq" FROM (
        SELECT um.seq, c.type = 'GROUP' AND um."deletedAt" IS NULL
                         AND (um.metadata->'mentions') ? me.username AS mentions
        FROM "Message" um
        WHERE um."conversationId" = c.id AND um.seq > GREATEST(p."readSeq", p."clearedSeq")
          AND um."senderId" <> p."userId" AND um.type <> 'SYSTEM'
          AND NOT EXISTS (SELECT 1 FROM "MessageHide" uh WHERE uh."messageId" = um.id AND uh."userId" = p."userId")
        LIMIT ${UNREAD_COUNT_CAP}
      ) capped
    ) unread
    WHERE p."userId" = ${userId}::uuid AND p."leftAt" IS NULL
      ${listed}
      ${only}
    ORDER BY p."isPinned" DESC, COALESCE(${lastActivity}, p."joinedAt") DESC, c.id
  `);
  return rows.map((r) => toSummary(r, userId));
}

function toSummary(r: SummaryRow, userId: string): ConversationSummary {
  const peer =
    r.peerId && r.peerName && r.peerUsername
      ? summaryAsSeen(
          {
            id: r.peerId,
            name: r.peerName,
            username: r.peerUsername,
            initials: r.peerInitials ?? "?",
            avatarColor: r.peerAvatarColor ?? "#888888",
            avatarUrl: r.peerAvatarUrl,
          },
          { blockedViewer: r.peerBlockedMe === true },
        )
      : null;
  const lastSeq = Number(r.lastSeq);
  // A cleared chat has nothing unread up to where it was cleared (no read receipt is sent for it).
  const readSeq = Math.max(Number(r.readSeq), Number(r.clearedSeq));
  return {
    id: r.id,
    type: r.type,
    title: r.type === "DIRECT" ? (peer ? directChatTitle(peer.name, peer.id === userId) : "Deleted user") : (r.name ?? "Group"),
    icon: r.type === "DIRECT" ? null : r.icon,
    iconBg: r.type === "DIRECT" ? (peer?.avatarColor ?? "#888888") : (r.iconBg ?? DEFAULT_GROUP_COLOR),
    about: r.about,
    visibility: r.visibility,
    peer,
    lastSeq,
    lastMessageAt: r.lastMessageAt?.toISOString() ?? null,
    lastMessage:
      r.lmId && r.lmSeq !== null && r.lmSenderId && r.lmCreatedAt
        ? {
            id: r.lmId,
            seq: Number(r.lmSeq),
            senderId: r.lmSenderId,
            senderName: r.lmSenderName ?? "",
            type: r.lmType,
            text: r.lmText,
            createdAt: r.lmCreatedAt.toISOString(),
            deletedAt: r.lmDeletedAt?.toISOString() ?? null,
            deletedByAdmin: isDeletedByAdmin({ deletedAt: r.lmDeletedAt, metadata: r.lmMetadata }),
            system: systemEventOf(r.lmMetadata),
            withheld: r.lmWithheld === true,
          }
        : null,
    unreadCount: r.unreadCount,
    mentionSeq: r.mentionSeq === null ? 0 : Number(r.mentionSeq),
    readSeq,
    isPinned: r.isPinned,
    isMuted: r.isMuted,
    mutedUntil: r.mutedUntil?.toISOString() ?? null,
    isArchived: r.isArchived,
    markedUnread: r.markedUnread,
    isFavourite: r.isFavourite,
    groupArchived: r.groupArchived,
    onlyAdminsSend: r.onlyAdminsSend,
    messageTimerSec: r.messageTimerSec,
    memberCount: r.memberCount,
    minDeliveredSeq: Number(r.minDeliveredSeq ?? 0),
    // Where reads aren't shared, nobody learns how far the others read.
    minReadSeq: r.readReceipts ? Number(r.minReadSeq ?? 0) : 0,
    readReceipts: r.readReceipts,
    clearedSeq: Number(r.clearedSeq),
    chatDeletedAt: r.chatDeletedAt?.toISOString() ?? null,
  };
}
