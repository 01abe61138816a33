import type { Ctx } from "@/lib/context";
import { directPeerOf } from "@/lib/conversations/direct-chats";
import { AppError } from "@/lib/errors";
import { groupArchived, onlyAdminsSend } from "./send-refusals";

type WritableCheck = { type: string; directKey: string | null; archivedAt: Date | null };

/** The fields of a chat assertChatWritable reads, for a select beside the message it guards. */
export const chatWritableFields = { type: true, directKey: true, archivedAt: true } as const;

/**
 * What every write into a chat passes: the group is not archived, and in a direct chat I don't
 * block the other person (they unblock first). Resolves to whether the other person blocks me:
 * then what I write (a message, a reaction, a vote, an edit, a pin, the timer) is kept for me
 * alone (withheld), as WhatsApp does, since a refusal would tell me I am blocked.
 */
export async function assertChatWritable(ctx: Ctx, conversation: WritableCheck): Promise<{ withheld: boolean }> {
  if (conversation.archivedAt) throw groupArchived();
  if (conversation.type !== "DIRECT" || !conversation.directKey) return { withheld: false };
  const peer = directPeerOf(conversation.directKey, ctx.actor.id);
  if (!peer) return { withheld: false };
  const blocks = await ctx.db.block.findMany({
    where: { OR: [{ blockerId: ctx.actor.id, blockedId: peer }, { blockerId: peer, blockedId: ctx.actor.id }] },
    select: { blockerId: true },
  });
  if (blocks.some((b) => b.blockerId === ctx.actor.id)) {
    throw new AppError("FORBIDDEN", "You blocked this contact. Unblock them to send a message.");
  }
  return { withheld: blocks.length > 0 };
}

/**
 * Taking back my reaction or vote: while the other person blocks me (`withheldNow`), one they
 * see stays theirs and is only retracted for me (deleting it would reach them); else it goes.
 */
export const takeBack = (mark: { withheld: boolean }, withheldNow: boolean): "retract" | "delete" =>
  withheldNow && !mark.withheld ? "retract" : "delete";

type SendCheck = { role: string; conversation: WritableCheck & { onlyAdminsSend: boolean; visibility: string } };

/**
 * What a new message needs, for callers that must know before storing anything (a forward stores
 * all its copies or none): a writable chat, and in an announcement group a right to announce. The
 * insert re-checks the same and decides itself whether the message is withheld; the refusals are
 * the ones a single send explains.
 */
export async function assertMaySend(ctx: Ctx, membership: SendCheck): Promise<{ withheld: boolean }> {
  const writable = await assertChatWritable(ctx, membership.conversation);
  if (membership.conversation.onlyAdminsSend && !mayAnnounce(ctx, membership)) throw onlyAdminsSend();
  return writable;
}

/** Who writes in an announcement group: its owner and admins; a public group's site admins. */
function mayAnnounce(ctx: Ctx, membership: { role: string; conversation: { visibility: string } }): boolean {
  return membership.conversation.visibility === "PUBLIC" ? ctx.actor.role === "ADMIN" : membership.role !== "MEMBER";
}
