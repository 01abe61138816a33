// A Google account's photo, made the user's own profile picture when they first sign in: a copy
// in our storage, so the one rule for pictures applies to it (those its owner blocked never get
// it) and browsers never ask Google for it (nor tell Google who looks at whom).
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { fetchPublic } from "@/lib/http/public-fetch";
import { logger } from "@/lib/logger";
import { attachmentUrl } from "@/lib/storage/attachment-dto";
import { uploadTempDir } from "@/lib/storage/paths";
import type { ReceivedFile } from "@/lib/storage/receive-upload";
import { storeFetchedFile } from "@/lib/storage/upload-attachment";
import { updateProfile } from "./profile";

const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const PHOTO_TIMEOUT_MS = 10_000;
/** Where Google serves account photos. */
const GOOGLE_PHOTO_HOST = /^[a-z0-9-]+\.googleusercontent\.com$/;

/** Whether a profile picture is one of our files (anything else came from a provider, before copies were made). */
export const isOwnPicture = (avatarUrl: string | null) => avatarUrl !== null && avatarUrl.startsWith(attachmentUrl(""));

/**
 * The address to fetch for a provider's `picture` claim, or null when it is not one we fetch:
 * https on Google's photo hosts, or the origin of the configured issuer (the local stand-in for
 * Google in tests). Google's `=s96-c` size suffix asks for our avatar size instead.
 */
export function providerPhotoUrl(picture: unknown, issuer = env().AUTH_GOOGLE_ISSUER): string | null {
  if (typeof picture !== "string") return null;
  let url: URL;
  try {
    url = new URL(picture);
  } catch {
    return null;
  }
  const fromGoogle = url.protocol === "https:" && GOOGLE_PHOTO_HOST.test(url.hostname) && !url.port;
  const fromIssuer = issuer !== undefined && URL.canParse(issuer) && url.origin === new URL(issuer).origin;
  if (!fromGoogle && !fromIssuer) return null;
  if (fromGoogle) url.pathname = url.pathname.replace(/=s\d+(-c)?$/, "=s256-c");
  return url.href;
}

/**
 * Copies the photo at `picture` into the actor's profile picture, unless they have one of their
 * own by then. Best effort: a photo that can't be fetched or read leaves the initials, and says
 * why in the log. Returns whether the picture was set.
 */
export async function importProviderPhoto(ctx: Ctx, picture: unknown): Promise<boolean> {
  const url = providerPhotoUrl(picture);
  if (!url) {
    if (picture) logger.info({ userId: ctx.actor.id }, "provider photo not fetched: not from a known photo host");
    return false;
  }
  try {
    // No redirects: the address was vetted, not wherever it might lead.
    const photo = await fetchPublic(url, {
      accept: "image/*",
      maxBytes: PHOTO_MAX_BYTES,
      overflow: "fail",
      timeoutMs: PHOTO_TIMEOUT_MS,
      maxRedirects: 0,
      allowedPrivateHosts: issuerHost(),
    });
    const attachment = await storeFetchedFile(ctx, await toTempFile(photo.body), "avatar");
    // Chosen meanwhile in another tab: theirs wins (the copy is swept as an unsent upload).
    const { avatarUrl } = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { avatarUrl: true } });
    if (isOwnPicture(avatarUrl)) return false;
    await updateProfile(ctx, { avatarAttachmentId: attachment.id });
    return true;
  } catch (err) {
    logger.warn({ err, userId: ctx.actor.id }, "provider photo could not be copied");
    return false;
  }
}

/** The configured issuer's host:port: it may be on a private address (the tests' stand-in for Google). */
function issuerHost(issuer = env().AUTH_GOOGLE_ISSUER): Set<string> {
  if (!issuer || !URL.canParse(issuer)) return new Set();
  const { hostname, port, protocol } = new URL(issuer);
  return new Set([`${hostname}:${port || (protocol === "https:" ? 443 : 80)}`]);
}

/** The photo as a file in uploadTempDir(), which storeFetchedFile takes over. */
async function toTempFile(body: Buffer): Promise<ReceivedFile> {
  const dir = uploadTempDir();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${randomUUID()}.download`);
  await writeFile(file, body, { flag: "wx", mode: 0o600 });
  return { path: file, size: body.length, clientName: "profile-photo" };
}
