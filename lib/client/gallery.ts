// The "Media, links and docs" gallery of a chat: pages of messages from
// GET /api/v1/conversations/:id/media turned into tiles, documents and links (pure).
import type { AttachmentDto, LinkPreviewDto, MessageDto } from "@/lib/realtime/contract";
import { linkify } from "./text";

export type MediaTile = { key: string; message: MessageDto; attachment: AttachmentDto };
/** `preview`: the page's, when the message was sent with the preview of this link. */
export type LinkItem = { key: string; message: MessageDto; href: string; text: string; host: string; preview: LinkPreviewDto | null };

const isMedia = (a: AttachmentDto) => a.kind === "IMAGE" || a.kind === "VIDEO";

/** Photos and videos, newest first (a message with several gives several tiles). */
export function mediaTiles(messages: readonly MessageDto[]): MediaTile[] {
  return messages.flatMap((m) => m.attachments.filter(isMedia).map((a) => ({ key: `${m.id}:${a.id}`, message: m, attachment: a })));
}

/** Documents and audio files. */
export function docItems(messages: readonly MessageDto[]): MediaTile[] {
  return messages.flatMap((m) => m.attachments.filter((a) => !isMedia(a)).map((a) => ({ key: `${m.id}:${a.id}`, message: m, attachment: a })));
}

/** Every http(s) link in the messages' text, in order, duplicates within a message once. */
export function linkItems(messages: readonly MessageDto[]): LinkItem[] {
  const out: LinkItem[] = [];
  for (const m of messages) {
    const seen = new Set<string>();
    for (const part of linkify(m.text ?? "")) {
      if (part.kind !== "link" || seen.has(part.href)) continue;
      seen.add(part.href);
      let host = part.href;
      try {
        host = new URL(part.href).hostname.replace(/^www\./, "");
      } catch {
        // linkify only returns parseable URLs
      }
      const preview = m.linkPreview?.url === part.href ? m.linkPreview : null;
      out.push({ key: `${m.id}:${out.length}`, message: m, href: part.href, text: part.text, host, preview });
    }
  }
  return out;
}

/** Appends a page, skipping messages already there (a page boundary may repeat). */
export function appendPage(existing: readonly MessageDto[], page: readonly MessageDto[]): MessageDto[] {
  const ids = new Set(existing.map((m) => m.id));
  return [...existing, ...page.filter((m) => !ids.has(m.id))];
}

/** Gallery section headers: "This month", "March", "March 2024". */
export function monthLabel(iso: string, now: Date, locale?: string): string {
  const d = new Date(iso);
  if (d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth()) return "This month";
  return new Intl.DateTimeFormat(locale, d.getFullYear() === now.getFullYear() ? { month: "long" } : { month: "long", year: "numeric" }).format(d);
}

/** Consecutive items grouped under their month label. */
export function groupByMonth<T extends { message: MessageDto }>(items: readonly T[], now: Date, locale?: string): { label: string; items: T[] }[] {
  const groups: { label: string; items: T[] }[] = [];
  for (const item of items) {
    const label = monthLabel(item.message.createdAt, now, locale);
    const last = groups[groups.length - 1];
    if (last && last.label === label) last.items.push(item);
    else groups.push({ label, items: [item] });
  }
  return groups;
}
