import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { requireMembership } from "@/lib/conversations/membership";
import { badRequest } from "@/lib/errors";
import { id } from "@/lib/validation";
import { announceDeparture, appointOwnerIfNone, endMembership } from "./membership-changes";
import { postSystemMessage, userName } from "./system-message";

export const leaveGroupInput = z.object({ conversationId: id });

/**
 * Leaves a group. In a private group the others see "Ben left", and when the owner leaves,
 * ownership passes to the longest-standing admin, else the longest-standing member.
 */
export async function leaveGroup(ctx: Ctx, input: z.input<typeof leaveGroupInput>): Promise<void> {
  const { conversationId } = leaveGroupInput.parse(input);
  const me = ctx.actor.id;
  const membership = await requireMembership(ctx.db, me, conversationId);
  if (membership.conversation.type !== "GROUP") throw badRequest("Only groups can be left");
  const isPrivate = membership.conversation.visibility === "PRIVATE";

  // Only the request that ends the membership announces it (a double-clicked Leave posts once).
  if (!(await endMembership(ctx, conversationId, me))) return;
  // "Ben left" still reaches Ben's tabs: they leave the room only after it.
  if (isPrivate) await postSystemMessage(ctx, conversationId, { kind: "left", actorName: await userName(ctx, me) });
  await announceDeparture(ctx, conversationId, me);
  // Checked after every leave, not only when the role read above was OWNER: an heir may have
  // been made owner just before their own leave ended that membership.
  if (isPrivate) await appointOwnerIfNone(ctx, conversationId);
}
