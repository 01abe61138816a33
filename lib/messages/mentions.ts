// @mentions by @username (lowercase letters, digits, underscores, 3 to 24 of them, with no letter,
// digit or _ touching it on either side: "x@ana" is an email, "@anax" someone else). The one rule:
// the browser highlights and rings by it, and a message records whom it mentions by it
// (metadata.mentions, set on send and edit), which the chat list's "@" badge reads.
import type { Prisma } from "@/lib/generated/prisma/client";

/** Letters, digits and _ of any script: what may not touch a mention on its left. */
const WORD = /[\p{L}\p{N}_]/u;
const MENTION = /@([a-z0-9_]{3,24})(?![a-z0-9_])/gi;

export type Mention = { index: number; text: string; username: string };

/** The mentions of a text, in order; `username` lowercased. */
export function mentionsIn(text: string): Mention[] {
  const found: Mention[] = [];
  if (!text.includes("@")) return found;
  for (const match of text.matchAll(MENTION)) {
    if (match.index > 0 && WORD.test(text[match.index - 1]!)) continue;
    found.push({ index: match.index, text: match[0], username: match[1]!.toLowerCase() });
  }
  return found;
}

/** The usernames a text mentions, each once. */
export function mentionedUsernames(text: string | null | undefined): string[] {
  return text ? [...new Set(mentionsIn(text).map((m) => m.username))] : [];
}

/** A message's metadata with `mentions` set to whom `text` mentions (left out when no one). */
export function withMentions(metadata: unknown, text: string | null | undefined): Prisma.InputJsonObject | undefined {
  const next: Record<string, Prisma.InputJsonValue> = metadata !== null && typeof metadata === "object" && !Array.isArray(metadata) ? { ...metadata } : {};
  delete next.mentions;
  const mentions = mentionedUsernames(text);
  if (mentions.length > 0) next.mentions = mentions;
  return Object.keys(next).length > 0 ? next : undefined;
}
