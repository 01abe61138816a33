import type { LinkPreviewDto } from "@/lib/realtime/contract";
import { linkify } from "@/lib/client/text";

/** A cached page as sent to browsers; null when the page had nothing to show. */
export function toLinkPreviewDto(row: {
  url: string;
  found: boolean;
  title: string | null;
  description: string | null;
  siteName: string | null;
  thumbnail: string | null;
}): LinkPreviewDto | null {
  if (!row.found || !row.title) return null;
  return { url: row.url, title: row.title, description: row.description, siteName: row.siteName, thumbnail: row.thumbnail };
}

/** The http(s) links of a message's text, as they become links in its bubble. */
export function linksOf(text: string | null): string[] {
  return text ? linkify(text).flatMap((part) => (part.kind === "link" ? [part.href] : [])) : [];
}

/**
 * The preview a message shows: the one stored with it, while its text still has that link (an
 * edit that takes the link out takes the preview with it, as in WhatsApp).
 */
export function shownLinkPreview(stored: LinkPreviewDto | undefined, text: string | null): LinkPreviewDto | null {
  if (!stored) return null;
  return linksOf(text).includes(stored.url) ? stored : null;
}
