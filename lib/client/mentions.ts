// @mentions in groups, by @username (never ambiguous, and a display-name change does not break
// them; the rule is lib/messages/mentions.ts). Typing "@" offers the group's members; a mention
// shows highlighted, and one of me makes a muted group ring.
import { mentionedUsernames, mentionsIn } from "@/lib/messages/mentions";

const TYPED = /(?:^|[^\p{L}\p{N}_])@([a-z0-9_]{0,24})$/iu;

/** The "@que" being typed just before the caret: where its "@" is and what follows it. */
export function activeMention(text: string, caret: number): { start: number; query: string } | null {
  const match = TYPED.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1]!.length - 1, query: match[1]!.toLowerCase() };
}

type Mentionable = { id: string; name: string; username: string };

/** Members whose username or a word of whose name starts with the query; me excluded. */
export function mentionCandidates<M extends Mentionable>(members: readonly M[], query: string, meId: string, limit = 8): M[] {
  const q = query.toLowerCase();
  const rank = (m: M) => {
    if (m.username.startsWith(q)) return 0;
    return m.name.toLowerCase().split(/\s+/).some((word) => word.startsWith(q)) ? 1 : -1;
  };
  return members
    .filter((m) => m.id !== meId)
    .map((m) => ({ m, r: rank(m) }))
    .filter(({ r }) => r >= 0)
    .sort((a, b) => a.r - b.r || a.m.name.localeCompare(b.m.name))
    .slice(0, limit)
    .map(({ m }) => m);
}

/** Replaces the typed "@que" with "@username " and puts the caret after it. */
export function applyMention(text: string, at: { start: number; caret: number }, username: string): { text: string; caret: number } {
  const inserted = `@${username} `;
  const rest = text.slice(at.caret).replace(/^ /, "");
  return { text: text.slice(0, at.start) + inserted + rest, caret: at.start + inserted.length };
}

export type MentionPart = { text: string; username?: string };

/** Splits text into plain runs and mentions of the given usernames (others stay plain). */
export function splitMentions(text: string, usernames: ReadonlySet<string>): MentionPart[] {
  const parts: MentionPart[] = [];
  let last = 0;
  for (const mention of mentionsIn(text)) {
    if (!usernames.has(mention.username)) continue;
    if (mention.index > last) parts.push({ text: text.slice(last, mention.index) });
    parts.push({ text: mention.text, username: mention.username });
    last = mention.index + mention.text.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Whether the text mentions this username. */
export function mentionsUser(text: string | null | undefined, username: string): boolean {
  return mentionedUsernames(text).includes(username.toLowerCase());
}
