import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { requireMembership } from "@/lib/conversations/membership";
import { directKeyOf } from "@/lib/conversations/direct-chats";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, badRequest, notFound } from "@/lib/errors";
import type { MessageType } from "@/lib/generated/prisma/client";
import type { MessageDto } from "@/lib/realtime/contract";
import { MAX_MESSAGE_LENGTH } from "@/lib/limits";
import { clientId, id } from "@/lib/validation";
import { attachmentKind, attachmentUrl } from "@/lib/storage/attachment-dto";
import { linksOf } from "@/lib/link-previews/link-preview-dto";
import { cachedLinkPreview, MAX_LINK_LENGTH } from "@/lib/link-previews/preview-link";
import type { ContactCardDto, LinkPreviewDto } from "@/lib/realtime/contract";
import { pollOptions, pollQuestion } from "./poll-rules";
import { assertMaySend } from "./chat-writable";
import type { MessageRow } from "./message-dto";
import { publishMessage } from "./publish-message";
import { disappearedBefore, sentAndDisappeared } from "./disappeared-messages";
import { withMentions } from "./mentions";
import { findStoredMessage, MessageRefused, storeMessage } from "./store-message";
import { visibleMessageIds } from "./visible-message";

export const MAX_ATTACHMENTS = 10;
const pollInput = z.object({ options: pollOptions, multiple: z.boolean().default(false) });

export const sendMessageInput = z
  .object({
    conversationId: id,
    clientId,
    text: z.string().max(MAX_MESSAGE_LENGTH, `Messages can be at most ${MAX_MESSAGE_LENGTH} characters`).optional(),
    replyToId: id.optional(),
    attachmentIds: z.array(id).max(MAX_ATTACHMENTS, `At most ${MAX_ATTACHMENTS} files per message`).optional(),
    location: z
      .object({
        lat: z.number().min(-90).max(90),
        lng: z.number().min(-180).max(180),
        label: z.string().trim().max(200).optional(),
      })
      .optional(),
    /** A poll: `text` is its question. */
    poll: pollInput.optional(),
    /** Someone's contact card (their name and @username, and a way to message them). */
    contact: z.object({ userId: id }).optional(),
    /** The link of `text` whose preview (fetched by previewLink) goes with the message. */
    linkPreviewUrl: z.string().max(MAX_LINK_LENGTH).optional(),
    /** Not the first attempt of this clientId (see disappearedBefore). */
    retry: z.boolean().optional(),
  })
  .refine((m) => (m.text?.trim().length ?? 0) > 0 || (m.attachmentIds?.length ?? 0) > 0 || m.location || m.contact, "Message is empty")
  .superRefine((m, check) => {
    const problem = m.poll && pollQuestion.safeParse(m.text ?? "").error;
    if (problem) check.addIssue({ code: "custom", message: problem.issues[0]!.message });
  })
  .refine((m) => !m.poll || (!m.attachmentIds?.length && !m.location), "A poll is sent on its own")
  .refine((m) => !m.contact || (!m.text?.trim() && !m.attachmentIds?.length && !m.location && !m.poll), "A contact is sent on its own");

export type SendResult = { message: MessageDto; duplicate: boolean };

/**
 * Sends a message: text, files with a caption, a location or a poll, optionally as a reply.
 * Idempotent on (sender, clientId): a retry returns the stored message, or GONE once that
 * message has disappeared (its chat's timer ran out).
 */
export async function sendMessage(ctx: Ctx, input: z.input<typeof sendMessageInput>): Promise<SendResult> {
  try {
    return await send(ctx, sendMessageInput.parse(input));
  } catch (err) {
    if (err instanceof ReplayInstead) return err.result;
    throw err;
  }
}

async function send(ctx: Ctx, data: z.output<typeof sendMessageInput>): Promise<SendResult> {
  // A first attempt that was stored, lost its ack, and disappeared before this retry came: stored
  // again, it would show a second time. Only retries ask, so first sends cost nothing more.
  if (data.retry && (await disappearedBefore(ctx, data.clientId))) throw sentAndDisappeared();
  const quotedChat = data.replyToId ? await assertQuotable(ctx, data.replyToId, data.conversationId) : null;
  const linkPreview = await linkPreviewFor(ctx, data);
  const contact = data.contact ? await contactCard(ctx, data.contact.userId) : null;

  let message: MessageRow;
  try {
    message = await storeMessage(ctx, {
      conversationId: data.conversationId,
      clientId: data.clientId,
      type: await messageType(ctx, data),
      text: data.text?.trim() ? data.text : null,
      metadata: messageMetadata(data, quotedChat, linkPreview, contact),
      replyToId: data.replyToId,
      attachmentIds: data.attachmentIds,
    });
  } catch (err) {
    // A retry of a clientId already stored (or racing its first attempt): answer with that message.
    if (isUniqueViolation(err)) {
      const stored = await findStoredMessage(ctx, data.clientId);
      if (stored) return replay(ctx, stored, data.conversationId);
    }
    if (err instanceof MessageRefused) throw await refusal(ctx, data);
    throw err;
  }

  return { message: publishMessage(ctx, "message:new", message), duplicate: false };
}

/**
 * Why the insert refused, checked in the order a user would want to hear it. A retry of a
 * message already stored counts as success even if the sender has since left.
 */
async function refusal(ctx: Ctx, data: z.output<typeof sendMessageInput>): Promise<Error> {
  const stored = await findStoredMessage(ctx, data.clientId);
  if (stored) return new ReplayInstead(replay(ctx, stored, data.conversationId));
  const membership = await requireMembership(ctx.db, ctx.actor.id, data.conversationId).catch((err: unknown) => err as Error);
  if (membership instanceof Error) return membership;
  const denied = await assertMaySend(ctx, membership).then(
    () => null,
    (err: unknown) => err as Error,
  );
  if (denied) return denied;
  if (data.attachmentIds?.length) return badRequest("An attachment was not found or is already sent");
  return new AppError("CONFLICT", "The chat changed while sending: try again");
}

/** Thrown by refusal() when the message turned out to be stored: carries the replay. */
class ReplayInstead extends Error {
  constructor(readonly result: SendResult) {
    super("already stored");
  }
}

/**
 * `quotedChat`: the group a private reply quotes, named as it is now (see QuotedChat): the quote
 * keeps this name, so someone who later leaves the group doesn't learn what it is renamed to.
 */
function messageMetadata(data: z.output<typeof sendMessageInput>, quotedChat: QuotedChat, linkPreview: LinkPreviewDto | null, contact: ContactCardDto | null) {
  const metadata = {
    ...(linkPreview ? { linkPreview } : {}),
    ...(contact ? { contact } : {}),
    ...(data.location ? { location: { ...data.location, label: data.location.label ?? null } } : {}),
    ...(data.poll ? { poll: data.poll } : {}),
    ...(quotedChat ? { quotedChatName: quotedChat.name } : {}),
  };
  return withMentions(metadata, data.text);
}

/**
 * The preview a text message goes with: the cached one of a link in its text. A message with
 * files, a location or a poll has none (their own content is shown instead, as in WhatsApp), nor
 * one whose link was never previewed: it is sent without, never held up by a fetch.
 */
async function linkPreviewFor(ctx: Ctx, data: z.output<typeof sendMessageInput>): Promise<LinkPreviewDto | null> {
  const url = data.linkPreviewUrl;
  if (!url || data.attachmentIds?.length || data.location || data.poll || !linksOf(data.text ?? null).includes(url)) return null;
  return cachedLinkPreview(ctx, url);
}

/** The card of someone shared as a contact: as they are named now (a card does not change later). */
async function contactCard(ctx: Ctx, userId: string): Promise<ContactCardDto> {
  const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, username: true, initials: true, avatarColor: true } });
  if (!user) throw notFound("User not found");
  return user;
}

async function messageType(ctx: Ctx, data: z.output<typeof sendMessageInput>): Promise<MessageType> {
  if (data.poll) return "POLL";
  if (data.contact) return "CONTACT";
  if (data.location) return "LOCATION";
  if (!data.attachmentIds?.length) return "TEXT";
  const first = await ctx.db.attachment.findFirst({
    where: { id: data.attachmentIds[0], ownerId: ctx.actor.id, messageId: null },
    select: { mime: true, owner: { select: { avatarUrl: true } } },
  });
  if (!first) throw badRequest("An attachment was not found or is already sent");
  // My profile picture is an upload no message has: sent, it would go with the message.
  if (data.attachmentIds.some((id) => attachmentUrl(id) === first.owner.avatarUrl)) throw badRequest("Your profile picture can't be sent as a file");
  return attachmentKind(first.mime);
}

/** The group of a message quoted in another chat ("Reply privately"); null for a quote from the same chat. */
type QuotedChat = { name: string } | null;

/**
 * A reply quotes a message I see (visibleMessageIds) of the same chat, or ("Reply privately") a
 * group's message in my direct chat with its sender, who wrote it. Never a withheld one: the
 * quote goes to everyone in the chat, and a withheld message must never reach the person who
 * blocked its sender.
 */
async function assertQuotable(ctx: Ctx, messageId: string, conversationId: string): Promise<QuotedChat> {
  const [found, visible] = await Promise.all([
    ctx.db.message.findUnique({
      where: { id: messageId },
      select: { id: true, conversationId: true, withheld: true, senderId: true, type: true, deletedAt: true },
    }),
    visibleMessageIds(ctx.db, ctx.actor.id, [messageId]),
  ]);
  const seen = found && visible.has(found.id) ? found : null;
  const group = seen && seen.conversationId !== conversationId ? await groupQuotablePrivately(ctx, seen, conversationId) : null;
  if (!seen || (seen.conversationId !== conversationId && !group)) {
    throw badRequest("The message you replied to is not in this chat");
  }
  if (seen.withheld) throw badRequest("That message was not delivered, so it can't be quoted");
  return group;
}

/**
 * The group of a message I see there, not mine and not gone, quoted in my direct chat with the
 * person who sent it; null when it can't be quoted there.
 */
async function groupQuotablePrivately(
  ctx: Ctx,
  original: { id: string; conversationId: string; senderId: string; type: MessageType; deletedAt: Date | null },
  conversationId: string,
): Promise<QuotedChat> {
  if (original.type === "SYSTEM" || original.deletedAt || original.senderId === ctx.actor.id) return null;
  const chats = await ctx.db.conversation.findMany({
    where: { id: { in: [original.conversationId, conversationId] } },
    select: { id: true, type: true, directKey: true, name: true },
  });
  const group = chats.find((c) => c.id === original.conversationId);
  const direct = chats.find((c) => c.id === conversationId);
  const quotable = group?.type === "GROUP" && direct?.type === "DIRECT" && direct.directKey === directKeyOf(ctx.actor.id, original.senderId);
  return quotable ? { name: group.name ?? "" } : null;
}

/**
 * A retry. The first attempt may have committed but died before publishing, so publish again:
 * clients dedupe by id and seq.
 */
function replay(ctx: Ctx, message: MessageRow, conversationId: string): SendResult {
  if (message.conversationId !== conversationId) {
    throw new AppError("CONFLICT", "This client id was already used for another conversation");
  }
  return { message: publishMessage(ctx, "message:new", message), duplicate: true };
}
