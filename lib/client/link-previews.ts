// Link previews in the browser: which link of a draft gets one, a memo of the server's answers
// (typing the same link again asks nothing), and what a preview card may show.
import { linksOf } from "@/lib/link-previews/link-preview-dto";
import type { LinkPreviewDto } from "@/lib/realtime/contract";
import { api } from "./api";

/** The draft's first http(s) link, by the rule the server checks a sent preview's link with. */
export function firstLink(text: string): string | null {
  return linksOf(text)[0] ?? null;
}

/**
 * Wraps `load` so each url is asked once: callers share the promise. Failures are forgotten (a
 * later call asks again), and past `max` urls the least recently used goes.
 */
export function memoizePreviews(
  load: (url: string) => Promise<LinkPreviewDto | null>,
  max = 100,
): (url: string) => Promise<LinkPreviewDto | null> {
  const memo = new Map<string, Promise<LinkPreviewDto | null>>();
  return (url) => {
    const known = memo.get(url);
    if (known) {
      memo.delete(url);
      memo.set(url, known);
      return known;
    }
    const asked = load(url);
    asked.catch(() => {
      if (memo.get(url) === asked) memo.delete(url);
    });
    memo.set(url, asked);
    if (memo.size > max) memo.delete(memo.keys().next().value!);
    return asked;
  };
}

/** The preview of a link, from the server (which fetches the page: this browser never contacts the site). */
export const linkPreviewOf = memoizePreviews((url) => api.linkPreview(url).then((r) => r.preview));

/** The site line of a card: the site's name, else its host. */
export function previewSite(p: Pick<LinkPreviewDto, "url" | "siteName">): string {
  if (p.siteName) return p.siteName;
  return URL.canParse(p.url) ? new URL(p.url).hostname.replace(/^www\./, "") : "";
}

/** The thumbnail only as an inline image: whatever else a copy might hold never becomes a src. */
export function inlineThumbnail(p: Pick<LinkPreviewDto, "thumbnail">): string | null {
  return p.thumbnail?.startsWith("data:image/") ? p.thumbnail : null;
}
