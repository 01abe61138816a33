import type { Ctx } from "@/lib/context";
import { groupArchived, onlyAdminsSend } from "./send-refusals";
import { assertNotBlocked } from "./store-message";

type WritableCheck = { type: string; directKey: string | null; archivedAt: Date | null };

/** The fields of a chat assertChatWritable reads, for a select beside the message it guards. */
export const chatWritableFields = { type: true, directKey: true, archivedAt: true } as const;

/**
 * What every write into a chat passes: the group is not archived, and in a direct chat neither
 * person blocks the other. A new message passes it with `alsoBlockedBy: false`: being blocked
 * withholds the message instead of refusing it (only I, blocking them, am refused).
 */
export async function assertChatWritable(ctx: Ctx, conversation: WritableCheck, { alsoBlockedBy = true } = {}): Promise<void> {
  if (conversation.archivedAt) throw groupArchived();
  await assertNotBlocked(ctx, conversation, { alsoBlockedBy });
}

type SendCheck = { role: string; conversation: WritableCheck & { onlyAdminsSend: boolean; visibility: string } };

/**
 * What a new message needs, for callers that must know before storing anything (a forward stores
 * all its copies or none): a writable chat, and in an announcement group a right to announce. The
 * insert re-checks the same; the refusals are the ones a single send explains.
 */
export async function assertMaySend(ctx: Ctx, membership: SendCheck): Promise<void> {
  await assertChatWritable(ctx, membership.conversation, { alsoBlockedBy: false });
  if (membership.conversation.onlyAdminsSend && !mayAnnounce(ctx, membership)) throw onlyAdminsSend();
}

/** Who writes in an announcement group: its owner and admins; a public group's site admins. */
function mayAnnounce(ctx: Ctx, membership: { role: string; conversation: { visibility: string } }): boolean {
  return membership.conversation.visibility === "PUBLIC" ? ctx.actor.role === "ADMIN" : membership.role !== "MEMBER";
}
