import type { Ctx } from "@/lib/context";
import { groupArchived } from "./send-refusals";
import { assertNotBlocked } from "./store-message";

type WritableCheck = { type: string; directKey: string | null; archivedAt: Date | null };

/**
 * What every write into a chat besides a new message (an edit, a reaction, a vote, a pin, the
 * timer) passes, as a send does: the group is not archived, and in a direct chat neither person
 * blocks the other. (Sends check the same inside their insert.)
 */
export async function assertChatWritable(ctx: Ctx, conversation: WritableCheck): Promise<void> {
  if (conversation.archivedAt) throw groupArchived();
  await assertNotBlocked(ctx, conversation);
}
