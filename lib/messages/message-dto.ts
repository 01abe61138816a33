import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { shownLinkPreview } from "@/lib/link-previews/link-preview-dto";
import type { ContactCardDto, LinkPreviewDto, MessageDto, PollDto, ReplyPreview, SystemEvent } from "@/lib/realtime/contract";
import { attachmentDtoSelect, attachmentKind, toAttachmentDto } from "@/lib/storage/attachment-dto";
import { isForwardedManyTimes } from "./forward-limits";

/** What a one-line quote of a message needs: a reply's original, a pinned message. */
/** A message's files in the order the sender picked them (SQL twin: lib/messages/message-rows.ts). */
export const attachmentOrder = [
  { position: "asc" },
  { createdAt: "asc" },
  { id: "asc" },
] satisfies Prisma.AttachmentOrderByWithRelationInput[];

export const previewSelect = {
  id: true,
  seq: true,
  senderId: true,
  type: true,
  text: true,
  withheldText: true,
  deletedAt: true,
  sender: { select: { name: true } },
  attachments: { select: { mime: true }, orderBy: attachmentOrder, take: 1 },
} satisfies Prisma.MessageSelect;

/** A reply's original: its preview, and its chat (named from the reply's metadata when that is not the reply's). */
export const quotedSelect = { ...previewSelect, conversationId: true } satisfies Prisma.MessageSelect;

/**
 * The quote as `readerId` is shown it (its sender sees their withheld edit, as in the message
 * itself). `chat`: where the original is, when it is another chat than the one it is quoted in.
 */
export function toReplyPreview(
  row: Prisma.MessageGetPayload<{ select: typeof previewSelect }>,
  readerId: string | null,
  chat: ReplyPreview["chat"] = null,
): ReplyPreview {
  const text = row.withheldText !== null && readerId === row.senderId ? row.withheldText : row.text;
  return {
    id: row.id,
    seq: Number(row.seq),
    senderId: row.senderId,
    senderName: row.sender.name,
    type: row.type,
    text: row.deletedAt ? null : text,
    deleted: row.deletedAt !== null,
    attachmentKind: row.deletedAt || !row.attachments[0] ? null : attachmentKind(row.attachments[0].mime),
    chat,
  };
}

export const messageSelect = {
  id: true,
  conversationId: true,
  seq: true,
  senderId: true,
  clientId: true,
  type: true,
  text: true,
  metadata: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  withheld: true,
  withheldText: true,
  withheldEditedAt: true,
  version: true,
  replyTo: { select: quotedSelect },
  attachments: { select: attachmentDtoSelect, orderBy: attachmentOrder },
  reactions: { select: { emoji: true, userId: true, withheld: true, retracted: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.MessageSelect;

/** A message as read with messageSelect. */
export type StoredMessageRow = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;
type PollVoteRow = { option: number; userId: string; withheld: boolean; retracted: boolean };
/** What toMessageDto reads: the row and, for a poll, its votes. */
export type MessageRow = StoredMessageRow & { pollVotes: PollVoteRow[] };

/**
 * Adds a poll's votes to messages read with messageSelect, in one query for all the polls among
 * `rows` and none when there are none: as a relation of messageSelect they would cost every read
 * of messages a round trip of its own.
 */
async function withPollVotes(db: Pick<Db, "pollVote">, rows: readonly StoredMessageRow[]): Promise<MessageRow[]> {
  const polls = rows.filter((r) => r.type === "POLL").map((r) => r.id);
  const votes = polls.length
    ? await db.pollVote.findMany({
        where: { messageId: { in: polls } },
        orderBy: [{ createdAt: "asc" }, { userId: "asc" }, { option: "asc" }],
        select: { messageId: true, option: true, userId: true, withheld: true, retracted: true },
      })
    : [];
  const byMessage = new Map<string, PollVoteRow[]>();
  for (const v of votes) byMessage.set(v.messageId, [...(byMessage.get(v.messageId) ?? []), v]);
  return rows.map((r) => ({ ...r, pollVotes: byMessage.get(r.id) ?? [] }));
}

/** Messages read with messageSelect, as `readerId` sees them. */
export async function messageDtos(db: Pick<Db, "pollVote">, rows: readonly StoredMessageRow[], readerId: string): Promise<MessageDto[]> {
  return (await withPollVotes(db, rows)).map((row) => toMessageDto(row, readerId));
}

/** One message with everything a client is shown of it, for publishing and answering; null if none. */
export async function findMessageRow(db: Pick<Db, "message" | "pollVote">, where: Prisma.MessageWhereUniqueInput): Promise<MessageRow | null> {
  const row = await db.message.findUnique({ where, select: messageSelect });
  return row && (await withPollVotes(db, [row]))[0]!;
}

/** As findMessageRow, for a message known to exist (just written). */
export async function readMessageRow(db: Pick<Db, "message" | "pollVote">, messageId: string): Promise<MessageRow> {
  const [row] = await withPollVotes(db, [await db.message.findUniqueOrThrow({ where: { id: messageId }, select: messageSelect })]);
  return row!;
}

/**
 * A reaction or vote is withheld when its author made it while the other person of the direct
 * chat blocked them: only its author sees it, for good (as a withheld message). One they took
 * back meanwhile is retracted: the other person still sees it, its author no longer does.
 */
function shownTo(readerId: string | null) {
  return (x: BlockMarks) => (x.withheld ? x.userId === readerId : !(x.retracted && x.userId === readerId));
}

type BlockMarks = { userId: string; withheld: boolean; retracted: boolean };

/**
 * Who sees this message otherwise than everyone else: its sender after a withheld edit, the
 * sender of a quoted message they edited so (the quote shows it to them), and the authors of its
 * withheld or retracted reactions and votes.
 */
export function withheldAuthors(row: MessageRow): string[] {
  const edited = [
    ...(row.withheldText !== null ? [row.senderId] : []),
    ...(row.replyTo && row.replyTo.withheldText !== null ? [row.replyTo.senderId] : []),
  ];
  const marked = [...row.reactions, ...row.pollVotes].filter((x) => x.withheld || x.retracted);
  return [...new Set([...edited, ...marked.map((x) => x.userId)])];
}

type EditedText = Pick<MessageRow, "senderId" | "text" | "editedAt" | "withheldText" | "withheldEditedAt">;

/** The text and edit time `readerId` is shown: a withheld edit only to its sender. */
export function textShownTo(row: EditedText, readerId: string | null): { text: string | null; editedAt: Date | null } {
  if (row.withheldText !== null && readerId === row.senderId) return { text: row.withheldText, editedAt: row.withheldEditedAt };
  return { text: row.text, editedAt: row.editedAt };
}

type Metadata = {
  location?: { lat: number; lng: number; label?: string | null };
  system?: SystemEvent;
  poll?: { options: string[]; multiple: boolean };
  deletedByAdmin?: boolean;
  /** "Reply privately": the quoted group's name when the reply was sent (see sendMessage). */
  quotedChatName?: string;
  /** The linked page as it was when the message was sent. */
  linkPreview?: LinkPreviewDto;
  /** Whom the text @mentions, by lowercased username (lib/messages/mentions.ts). */
  mentions?: string[];
  /** A forwarded copy: how many forwards from the message first sent (1: forwarded once). */
  forwards?: number;
  /** A CONTACT message's card, as it was when sent. */
  contact?: ContactCardDto;
} | null;

/** A poll's options (from its metadata) with who chose each. */
function pollOf(metadata: Metadata, votes: { option: number; userId: string }[]): PollDto | null {
  if (!metadata?.poll) return null;
  const options = metadata.poll.options.map((text) => ({ text, voterIds: [] as string[] }));
  for (const v of votes) options[v.option]?.voterIds.push(v.userId);
  return { multiple: metadata.poll.multiple, options };
}

/** How many forwards carried this message from the one first sent: 0 for that one. */
export const forwardsOf = (metadata: unknown): number => (metadata as Metadata)?.forwards ?? 0;

/**
 * What a forward copies of a message's metadata: its content, not where its quote came from, and
 * one forward more. Kept in the copy, so it stays "Forwarded" when the original disappears.
 */
export function forwardedMetadata(metadata: Prisma.JsonValue | null): Prisma.InputJsonObject {
  const content = metadata !== null && typeof metadata === "object" && !Array.isArray(metadata) ? { ...metadata } : {};
  delete content.quotedChatName;
  return { ...content, forwards: forwardsOf(metadata) + 1 };
}

/** Deleted for everyone by an admin (moderation): deleteMessage marks it in the metadata. */
export function isDeletedByAdmin(message: { deletedAt: Date | null; metadata: unknown }): boolean {
  return message.deletedAt !== null && (message.metadata as Metadata)?.deletedByAdmin === true;
}

/** The event a SYSTEM message records (joined, renamed…); null for other messages. */
export function systemEventOf(metadata: unknown): SystemEvent | null {
  return (metadata as Metadata)?.system ?? null;
}

/** The message as `readerId` is shown it; `null`: as everyone is, who made nothing of it withheld. */
export function toMessageDto(row: MessageRow, readerId: string | null): MessageDto {
  const deleted = row.deletedAt !== null;
  const metadata = row.metadata as Metadata;
  const reactions = new Map<string, string[]>();
  for (const r of row.reactions.filter(shownTo(readerId))) reactions.set(r.emoji, [...(reactions.get(r.emoji) ?? []), r.userId]);
  const reply = row.replyTo;
  const shown = textShownTo(row, readerId);
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: Number(row.seq),
    senderId: row.senderId,
    clientId: row.clientId,
    type: row.type,
    // Deleted-for-everyone content never leaves the server, even if a row still had it.
    text: deleted ? null : shown.text,
    createdAt: row.createdAt.toISOString(),
    editedAt: shown.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    deletedByAdmin: isDeletedByAdmin(row),
    withheld: row.withheld,
    replyTo: reply ? toReplyPreview(reply, readerId, reply.conversationId === row.conversationId ? null : { id: reply.conversationId, title: metadata?.quotedChatName ?? "" }) : null,
    forwarded: forwardsOf(metadata) > 0,
    forwardedManyTimes: isForwardedManyTimes(forwardsOf(metadata)),
    attachments: deleted ? [] : row.attachments.map(toAttachmentDto),
    reactions: deleted ? [] : [...reactions].map(([emoji, userIds]) => ({ emoji, userIds })),
    location: deleted || !metadata?.location ? null : { ...metadata.location, label: metadata.location.label ?? null },
    system: systemEventOf(row.metadata),
    poll: deleted ? null : pollOf(metadata, row.pollVotes.filter(shownTo(readerId))),
    contact: deleted ? null : (metadata?.contact ?? null),
    linkPreview: deleted ? null : shownLinkPreview(metadata?.linkPreview, shown.text),
    version: row.version,
  };
}
