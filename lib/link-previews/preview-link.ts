// Link previews: what a page someone is about to send says about itself. The server fetches it
// (so the writer's browser never contacts the site, and no reader's ever does), and caches it
// for everyone who links the same address; the message copies it when sent.
import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { consume } from "@/lib/rate-limit/limiters";
import type { LinkPreviewDto } from "@/lib/realtime/contract";
import { readSettings } from "@/lib/users/user-settings";
import { toLinkPreviewDto } from "./link-preview-dto";
import { decodeHtml, parsePageMeta } from "./parse-page";
import { fetchPublic } from "@/lib/http/public-fetch";
import { previewThumbnail } from "./preview-thumbnail";

export const MAX_LINK_LENGTH = 2048;
/** A page's preview is fetched again after a day; a page that had none, after an hour. */
export const FOUND_FRESH_MS = 24 * 3_600_000;
const NOT_FOUND_FRESH_MS = 3_600_000;
/** The head of a page is near its top: what is past this is never read. */
const PAGE_MAX_BYTES = 512 * 1024;
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 5_000;

export const previewLinkInput = z.object({
  url: z
    .string()
    .max(MAX_LINK_LENGTH, "That link is too long")
    .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), "Not a web address"),
});

type Fields = { title: string; description: string | null; siteName: string | null; thumbnail: string | null };

/** Fetches in progress in this process, by address: people typing the same link share one. */
const inFlight = new Map<string, Promise<Fields | null>>();

/**
 * The preview of `url`, from the cache or fetched now; null when the page has none, or previews
 * are off (for this server, or in the actor's settings: a link they type is then never fetched,
 * whichever device asks, so a one-time link stays unused).
 */
export async function previewLink(ctx: Ctx, input: z.input<typeof previewLinkInput>): Promise<{ preview: LinkPreviewDto | null }> {
  const { url } = previewLinkInput.parse(input);
  if (env().LINK_PREVIEWS_DISABLED || !(await wantsLinkPreviews(ctx))) return { preview: null };
  const cached = await ctx.db.linkPreview.findUnique({ where: { url } });
  if (cached && Date.now() - cached.fetchedAt.getTime() < (cached.found ? FOUND_FRESH_MS : NOT_FOUND_FRESH_MS)) {
    return { preview: toLinkPreviewDto(cached) };
  }
  // Only a real fetch counts: the server must not become anyone's tool for hammering a site.
  await consume("linkPreviews", ctx.actor.id);
  let fetching = inFlight.get(url);
  if (!fetching) {
    fetching = fetchPreview(url).finally(() => inFlight.delete(url));
    inFlight.set(url, fetching);
  }
  const fields = await fetching;
  const row = { found: fields !== null, title: null, description: null, siteName: null, thumbnail: null, ...fields, fetchedAt: new Date() };
  const saved = await ctx.db.linkPreview.upsert({ where: { url }, create: { url, ...row }, update: row });
  return { preview: toLinkPreviewDto(saved) };
}

async function wantsLinkPreviews(ctx: Ctx): Promise<boolean> {
  const user = await ctx.db.user.findUnique({ where: { id: ctx.actor.id }, select: { settings: true } });
  return readSettings(user?.settings).linkPreviews;
}

/** The page's title, description, site and a thumbnail of its image; null when it has no title or can't be read. */
async function fetchPreview(url: string): Promise<Fields | null> {
  try {
    const page = await fetchPublic(url, {
      accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
      maxBytes: PAGE_MAX_BYTES,
      overflow: "truncate",
      timeoutMs: FETCH_TIMEOUT_MS,
    });
    if (page.contentType !== "text/html" && page.contentType !== "application/xhtml+xml") return null;
    const meta = parsePageMeta(decodeHtml(page.body, page.charset), page.url);
    if (!meta.title) return null;
    return { title: meta.title, description: meta.description, siteName: meta.siteName, thumbnail: meta.imageUrl ? await thumbnailOf(meta.imageUrl) : null };
  } catch (err) {
    logger.info({ err: (err as Error).message, host: hostOf(url) }, "link preview not fetched");
    return null;
  }
}

/** A preview without its image is still a preview. */
async function thumbnailOf(imageUrl: string): Promise<string | null> {
  try {
    const image = await fetchPublic(imageUrl, { accept: "image/*", maxBytes: IMAGE_MAX_BYTES, overflow: "fail", timeoutMs: FETCH_TIMEOUT_MS });
    return image.contentType.startsWith("image/") ? await previewThumbnail(image.body) : null;
  } catch (err) {
    logger.info({ err: (err as Error).message, host: hostOf(imageUrl) }, "link preview image not fetched");
    return null;
  }
}

/** Logs name the site, never the whole address (it may carry someone's tokens). */
const hostOf = (url: string) => (URL.canParse(url) ? new URL(url).host : "");

/** The cached preview of a link a message is sent with; null when there is none to show. */
export async function cachedLinkPreview(ctx: Ctx, url: string): Promise<LinkPreviewDto | null> {
  const row = await ctx.db.linkPreview.findUnique({ where: { url } });
  return row ? toLinkPreviewDto(row) : null;
}
