import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { systemText } from "@/lib/client/system";
import { attachmentOrder, isDeletedByAdmin, systemEventOf, textShownTo } from "@/lib/messages/message-dto";
import { id } from "@/lib/validation";
import { requireMembership } from "./membership";

export const exportChatInput = z.object({
  conversationId: id,
  /** The reader's time zone (IANA), for the times in the file. */
  tz: z
    .string()
    .max(64)
    .default("UTC")
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "Unknown time zone"),
});

/** Messages read per query: the file streams, however long the chat. */
const BATCH = 1_000;

type ExportRow = {
  seq: bigint;
  senderId: string;
  createdAt: Date;
  type: string;
  text: string | null;
  withheldText: string | null;
  withheldEditedAt: Date | null;
  metadata: unknown;
  deletedAt: Date | null;
  editedAt: Date | null;
  sender: { name: string };
  attachments: { name: string }[];
};

/**
 * "Export chat" (WhatsApp's): the chat as I see it, as plain text, one line per message, oldest
 * first: what I cleared or deleted for me is not in it. The membership is checked before the
 * first byte, so an outsider gets NOT_FOUND, not an empty file.
 */
export async function exportChat(
  ctx: Ctx,
  input: z.input<typeof exportChatInput>,
): Promise<{ fileName: string; lines: AsyncGenerator<string> }> {
  const { conversationId, tz } = exportChatInput.parse(input);
  const me = ctx.actor.id;
  const membership = await requireMembership(ctx.db, me, conversationId);
  const title = await chatTitle(ctx, conversationId, membership.conversation.type);
  const when = new Intl.DateTimeFormat("en-CA", {
    timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  });

  /** The file's text, a batch of lines at a time. */
  async function* lines(): AsyncGenerator<string> {
    let after = membership.clearedSeq;
    for (;;) {
      const rows: ExportRow[] = await ctx.db.message.findMany({
        where: { conversationId, seq: { gt: after }, hides: { none: { userId: me } } },
        orderBy: { seq: "asc" },
        take: BATCH,
        select: {
          seq: true, senderId: true, createdAt: true, type: true, text: true, withheldText: true, withheldEditedAt: true,
          metadata: true, deletedAt: true, editedAt: true,
          sender: { select: { name: true } },
          attachments: { select: { name: true }, orderBy: attachmentOrder },
        },
      });
      if (rows.length) yield rows.map((row) => `${when.format(row.createdAt).replace(",", "")} ${describe({ ...row, ...textShownTo(row, me) })}\n`).join("");
      if (rows.length < BATCH) return;
      after = rows[rows.length - 1]!.seq;
    }
  }
  return { fileName: `Convo chat with ${title}.txt`, lines: lines() };
}

/** One message as a line (after its time): "Name: text", or the group event in words. */
function describe(m: ExportRow): string {
  if (m.type === "SYSTEM") return systemText(systemEventOf(m.metadata), m.text);
  const who = `${m.sender.name}: `;
  if (m.deletedAt) return who + (isDeletedByAdmin(m) ? "This message was deleted by an admin" : "This message was deleted");
  const meta = m.metadata as {
    location?: { lat: number; lng: number; label?: string | null };
    poll?: { options: string[] };
    contact?: { name: string; username: string };
  } | null;
  const parts: string[] = m.attachments.map((a) => `<attached: ${a.name}>`);
  if (meta?.location) parts.push(`📍 ${meta.location.label ? `${meta.location.label} ` : ""}(${meta.location.lat}, ${meta.location.lng})`);
  if (meta?.contact) parts.push(`👤 ${meta.contact.name} (@${meta.contact.username})`);
  if (meta?.poll) parts.push(`📊 POLL: ${m.text ?? ""} | ${meta.poll.options.map((o) => `OPTION: ${o}`).join(" | ")}`);
  else if (m.text) parts.push(m.text.replace(/\r?\n/g, "\n    "));
  return who + parts.join(" ") + (m.editedAt ? " <edited>" : "");
}

async function chatTitle(ctx: Ctx, conversationId: string, type: string): Promise<string> {
  const c = await ctx.db.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: { name: true, participants: { where: { userId: { not: ctx.actor.id } }, take: 1, select: { user: { select: { name: true } } } } },
  });
  const title = type === "GROUP" ? (c.name ?? "Group") : (c.participants[0]?.user.name ?? "Chat");
  // A file name: no path separators or control characters.
  return title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ").replace(/\s+/g, " ").trim() || "Chat";
}
