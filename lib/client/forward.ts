// Choosing where to forward a message: up to five of my chats, or people found by a search whose
// direct chat opens on send, as WhatsApp's "Contacts" below its chats.
import { MAX_FORWARD_TARGETS } from "@/lib/limits";
import type { ConversationSummary, MemberDto, UserSummary } from "@/lib/realtime/contract";
import { matchesQuery } from "./conversations";
import { groupRights, myGroupRole, readsOnlyIn, type SiteRole } from "./groups";


/**
 * Select or unselect a chat; a pick beyond `max` is ignored (the same array comes back), except
 * that with room for one chat only (a message forwarded many times) a new pick replaces the old.
 */
export function toggleTarget(selected: readonly string[], id: string, max = MAX_FORWARD_TARGETS): string[] {
  if (selected.includes(id)) return selected.filter((x) => x !== id);
  if (max === 1) return [id];
  if (selected.length >= max) return selected as string[];
  return [...selected, id];
}

/** What the chat pane goes by to make a chat read-only, from the store. */
export type SendRights = {
  meId: string;
  siteRole: SiteRole | null;
  /** Chats I left or was removed from, and groups an admin archived. */
  readOnly: Readonly<Record<string, true>>;
  /** People I blocked (null until loaded). */
  blocked: Readonly<Record<string, unknown>> | null;
  /** Member lists of the groups opened so far: my role there. */
  members: Readonly<Record<string, readonly MemberDto[]>>;
};

/**
 * An announcement group where I only read, by the composer's rule. Until its member list loads
 * my role is unknown, so it counts as read-only (see announcementRolesToLoad).
 */
function readsOnly(c: ConversationSummary, r: SendRights): boolean {
  return readsOnlyIn(c, groupRights(c, { role: myGroupRole(r.members[c.id], r.meId), siteRole: r.siteRole }));
}

/** Chats a send would be refused in: forwarding there would only fail. */
export function canSendIn(c: ConversationSummary, r: SendRights): boolean {
  if (r.readOnly[c.id]) return false;
  if (c.peer && r.blocked?.[c.peer.id]) return false;
  return !readsOnly(c, r);
}

/** Chats I can forward to, in list order, matching the search. */
export function forwardCandidates(sorted: readonly ConversationSummary[], query: string, rights: SendRights): ConversationSummary[] {
  return sorted.filter((c) => canSendIn(c, rights) && matchesQuery(c, query));
}

/**
 * Private announcement groups whose member list (so my role) isn't loaded yet: loading them lets
 * the ones I'm an admin of join the list. A public group's site admins are known already.
 */
export function announcementRolesToLoad(sorted: readonly ConversationSummary[], rights: SendRights): string[] {
  return sorted
    .filter((c) => c.type === "GROUP" && c.visibility === "PRIVATE" && c.onlyAdminsSend && !rights.readOnly[c.id] && !rights.members[c.id])
    .map((c) => c.id);
}

const PERSON_PREFIX = "person:";

/** A picked person without a chat yet, told apart from a chat id in the selection. */
export const personTarget = (userId: string): string => PERSON_PREFIX + userId;

/** The selection as chats to forward to and people whose direct chat has to be opened first. */
export function splitTargets(selected: readonly string[]): { conversationIds: string[]; peopleIds: string[] } {
  const conversationIds: string[] = [];
  const peopleIds: string[] = [];
  for (const id of selected) {
    if (id.startsWith(PERSON_PREFIX)) peopleIds.push(id.slice(PERSON_PREFIX.length));
    else conversationIds.push(id);
  }
  return { conversationIds, peopleIds };
}

/**
 * People from a search to list under the chats: not me, not whom I blocked, and not those I
 * already have a direct chat with (that chat is listed, or left out because I can't send there).
 */
export function peopleToForwardTo(users: readonly UserSummary[], sorted: readonly ConversationSummary[], rights: SendRights): UserSummary[] {
  const withChat = new Set(sorted.flatMap((c) => (c.peer ? [c.peer.id] : [])));
  return users.filter((u) => u.id !== rights.meId && !withChat.has(u.id) && !rights.blocked?.[u.id]);
}
