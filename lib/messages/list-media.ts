import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { requireMembership } from "@/lib/conversations/membership";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MessageDto } from "@/lib/realtime/contract";
import { id, seq } from "@/lib/validation";
import { messageDtos, messageSelect } from "./message-dto";

export const listMediaInput = z.object({
  conversationId: id,
  kind: z.enum(["media", "files", "links"]),
  before: seq.optional(),
});

const FILTERS: Record<z.infer<typeof listMediaInput>["kind"], Prisma.MessageWhereInput> = {
  media: { type: { in: ["IMAGE", "VIDEO"] } },
  files: { type: { in: ["FILE", "AUDIO"] } },
  links: { text: { contains: "http", mode: "insensitive" } },
};

/** A chat's media gallery tab, newest first, 60 at a time. */
export async function listMedia(ctx: Ctx, input: z.input<typeof listMediaInput>): Promise<{ messages: MessageDto[]; nextBefore: number | null }> {
  const { conversationId, kind, before } = listMediaInput.parse(input);
  const { clearedSeq } = await requireMembership(ctx.db, ctx.actor.id, conversationId);
  const take = 60;
  const rows = await ctx.db.message.findMany({
    where: {
      conversationId,
      deletedAt: null,
      hides: { none: { userId: ctx.actor.id } },
      seq: { gt: clearedSeq, ...(before !== undefined ? { lt: before } : {}) },
      ...FILTERS[kind],
    },
    orderBy: { seq: "desc" },
    take: take + 1,
    select: messageSelect,
  });
  const page = await messageDtos(ctx.db, rows.slice(0, take), ctx.actor.id);
  const messages = kind === "links" ? page.filter((m) => /https?:\/\/\S+/i.test(m.text ?? "")) : page;
  return { messages, nextBefore: rows.length > take ? page.at(-1)!.seq : null };
}
