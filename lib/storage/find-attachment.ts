import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { moderatedConversations } from "@/lib/conversations/membership";
import { visibleMessageIds } from "@/lib/messages/visible-message";
import { showsProfileTo } from "@/lib/users/profile-privacy";
import { attachmentUrl } from "./attachment-dto";

export const ATTACHMENT_NOT_FOUND = "File not found";

export type ReadableAttachment = {
  id: string;
  storageKey: string;
  thumbnailKey: string | null;
  driver: string;
  name: string;
  mime: string;
  size: number;
  createdAt: Date;
  /**
   * On a message (read by the message's rule) rather than the owner's pending upload or a profile
   * picture, whose readers can change while the bytes do not (a block): serveAttachment caches
   * only the former for good.
   */
  onMessage: boolean;
};

/**
 * An attachment the actor may read: one on a (not deleted) message they see (visibleMessageIds:
 * a chat they are in, not cleared or hidden for them) or moderate (a site admin, in a public
 * group), their own upload that no message references yet, or the current profile picture of
 * anyone who has not blocked them. Anything else, including ids that do not exist or are not ids
 * at all, is the same NOT_FOUND.
 */
export async function findReadableAttachment(ctx: Ctx, attachmentId: string): Promise<ReadableAttachment> {
  if (!z.uuid().safeParse(attachmentId).success) throw notFound(ATTACHMENT_NOT_FOUND);
  const me = ctx.actor.id;
  const attachment = await ctx.db.attachment.findFirst({
    where: {
      id: attachmentId,
      OR: [
        { messageId: null, ownerId: me },
        // Profile pictures are for every signed-in user to see, but those their owner blocked:
        // the id is in the URL they may still have (lib/users/profile-privacy.ts).
        { messageId: null, owner: { avatarUrl: attachmentUrl(attachmentId), ...showsProfileTo(me) } },
        // On a message: readable where that message is (checked below, by the one rule for it).
        { message: { deletedAt: null } },
      ],
    },
    select: { id: true, storageKey: true, thumbnailKey: true, driver: true, name: true, mime: true, size: true, createdAt: true, messageId: true },
  });
  if (!attachment) throw notFound(ATTACHMENT_NOT_FOUND);
  const { messageId, ...readable } = attachment;
  if (messageId && !(await visibleMessageIds(ctx.db, me, [messageId])).has(messageId) && !(await onModeratedMessage(ctx, messageId))) {
    throw notFound(ATTACHMENT_NOT_FOUND);
  }
  return { ...readable, onMessage: messageId !== null };
}

/** Site admins read the groups they moderate without joining them, files included. */
async function onModeratedMessage(ctx: Ctx, messageId: string): Promise<boolean> {
  const conversation = moderatedConversations(ctx.actor);
  return conversation !== null && (await ctx.db.message.count({ where: { id: messageId, conversation } })) > 0;
}
