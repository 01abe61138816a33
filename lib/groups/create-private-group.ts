import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { conversationSummaries } from "@/lib/conversations/conversation-summaries";
import { badRequest } from "@/lib/errors";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { id } from "@/lib/validation";
import { DEFAULT_GROUP_COLOR, groupAbout, groupColor, groupIcon, groupName } from "./group-fields";
import { announceToMember } from "./membership-changes";
import { postSystemMessage, userName } from "./system-message";

export const MAX_GROUP_MEMBERS_AT_CREATION = 256;

export const createPrivateGroupInput = z.object({
  name: groupName,
  icon: groupIcon.default("👥"),
  iconBg: groupColor.default(DEFAULT_GROUP_COLOR),
  about: groupAbout.default(""),
  memberIds: z.array(id).max(MAX_GROUP_MEMBERS_AT_CREATION).default([]),
});

/** Any user creates a private group with initial members; the creator owns it. */
export async function createPrivateGroup(ctx: Ctx, input: z.input<typeof createPrivateGroupInput>): Promise<ConversationSummary> {
  const data = createPrivateGroupInput.parse(input);
  const me = ctx.actor.id;
  const memberIds = [...new Set(data.memberIds.filter((m) => m !== me))];
  const found = await ctx.db.user.findMany({ where: { id: { in: memberIds } }, select: { id: true, name: true } });
  if (found.length !== memberIds.length) throw badRequest("Some of those people don't exist");

  const group = await ctx.db.conversation.create({
    data: {
      type: "GROUP",
      visibility: "PRIVATE",
      name: data.name,
      icon: data.icon,
      iconBg: data.iconBg,
      about: data.about,
      createdById: me,
      participants: { create: [{ userId: me, role: "OWNER" }, ...memberIds.map((userId) => ({ userId }))] },
    },
    select: { id: true },
  });
  const actorName = await userName(ctx, me);
  await postSystemMessage(ctx, group.id, { kind: "created", actorName, groupName: data.name });
  for (const member of found) {
    await postSystemMessage(ctx, group.id, { kind: "added", actorName, targetName: member.name });
  }
  for (const userId of [me, ...memberIds]) {
    ctx.publish.subscribeUser(userId, group.id);
    await announceToMember(ctx, group.id, userId);
  }
  const [summary] = await conversationSummaries(ctx.db, me, group.id);
  return summary!;
}
