import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { queryDirect } from "@/lib/db/direct-query";
import { Prisma } from "@/lib/generated/prisma/client";
import { conversationSummaries } from "@/lib/conversations/conversation-summaries";
import type { MessageDto, SyncResult } from "@/lib/realtime/contract";
import { id, seq } from "@/lib/validation";
import { messageDtos, messageSelect } from "./message-dto";

export const SYNC_LIMIT_PER_CONVERSATION = 200;

export const syncInput = z.object({
  cursors: z.record(id, seq).refine((c) => Object.keys(c).length <= 1000, "Too many conversations"),
  /** The chats this browser lists (loaded or not): asked about too, so none outlives its end. */
  listed: z.array(id).max(1000, "Too many conversations").default([]),
});

/**
 * After a reconnect: my conversations as they are now, and for each cursor the messages after
 * it (my memberships only). More than one batch → listed in `truncated`. Of the chats asked about
 * (cursors and `listed`): one I have left or was removed from meanwhile → `removed`; one I have
 * no membership of at all (a deleted group) → `gone`; one I deleted that is still out of my
 * list → `hidden`. So a tab that was away drops what ended meanwhile too.
 */
export async function syncMessages(ctx: Ctx, input: z.input<typeof syncInput>): Promise<SyncResult> {
  const { cursors, listed: shown } = syncInput.parse(input);
  const [conversations, { removed, gone, deleted }] = await Promise.all([
    conversationSummaries(ctx.db, ctx.actor.id),
    myMemberships(ctx, [...new Set([...Object.keys(cursors), ...shown])]),
  ]);
  const listed = new Set(conversations.map((c) => c.id));
  const hidden = deleted.filter((d) => !listed.has(d.conversationId));
  const behind = conversations.filter((c) => cursors[c.id] !== undefined && c.lastSeq > cursors[c.id]!);

  const missed: Record<string, MessageDto[]> = {};
  const truncated: string[] = [];
  if (behind.length > 0) {
    const ids = await queryDirect<{ id: string }>(ctx.db, Prisma.sql`
      SELECT m.id
      FROM unnest(${behind.map((c) => c.id)}::uuid[], ${behind.map((c) => BigInt(cursors[c.id]!))}::bigint[]) AS cur(cid, after)
      JOIN "Participant" p ON p."conversationId" = cur.cid AND p."userId" = ${ctx.actor.id}::uuid
      CROSS JOIN LATERAL (
        SELECT m.id
        FROM "Message" m
        WHERE m."conversationId" = cur.cid AND m.seq > GREATEST(cur.after, p."clearedSeq")
          AND NOT EXISTS (SELECT 1 FROM "MessageHide" h WHERE h."messageId" = m.id AND h."userId" = ${ctx.actor.id}::uuid)
        ORDER BY m.seq
        LIMIT ${SYNC_LIMIT_PER_CONVERSATION + 1}
      ) m`);
    const rows = await ctx.db.message.findMany({
      where: { id: { in: ids.map((r) => r.id) } },
      orderBy: [{ conversationId: "asc" }, { seq: "asc" }],
      select: messageSelect,
    });
    for (const message of await messageDtos(ctx.db, rows, ctx.actor.id)) (missed[message.conversationId] ??= []).push(message);
    for (const [conversationId, list] of Object.entries(missed)) {
      if (list.length > SYNC_LIMIT_PER_CONVERSATION) {
        truncated.push(conversationId);
        delete missed[conversationId];
      }
    }
  }
  return { conversations, missed, truncated, removed, gone, hidden };
}

/**
 * My membership of each of these chats, in one read: which I was a member of and am not any more
 * (`removed`), which I have no membership of at all (`gone`: deleted, or never mine), and which I
 * am in and once deleted (`deleted`; those not listed now are hidden). Only my own membership rows
 * are read, so an id of someone else's chat gets the same answer as a made-up one.
 */
async function myMemberships(ctx: Ctx, conversationIds: string[]): Promise<{ removed: string[]; gone: string[]; deleted: SyncResult["hidden"] }> {
  if (conversationIds.length === 0) return { removed: [], gone: [], deleted: [] };
  const rows = await ctx.db.participant.findMany({
    where: { userId: ctx.actor.id, conversationId: { in: conversationIds } },
    select: { conversationId: true, leftAt: true, chatDeletedAt: true },
  });
  const mine = new Set(rows.map((r) => r.conversationId));
  return {
    removed: rows.filter((r) => r.leftAt !== null).map((r) => r.conversationId),
    gone: conversationIds.filter((id) => !mine.has(id)),
    deleted: rows.flatMap((r) => (r.leftAt === null && r.chatDeletedAt ? [{ conversationId: r.conversationId, chatDeletedAt: r.chatDeletedAt.toISOString() }] : [])),
  };
}
