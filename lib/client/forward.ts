// Choosing where to forward a message: up to five of my chats, searchable.
import type { ConversationSummary, MemberDto } from "@/lib/realtime/contract";
import { matchesQuery } from "./conversations";
import { groupRights, myGroupRole, readsOnlyIn, type SiteRole } from "./groups";

/** The server's limit per forward. */
export const MAX_FORWARD_TARGETS = 5;

/** Select or unselect a chat; a sixth pick is ignored (the same array comes back). */
export function toggleTarget(selected: readonly string[], id: string, max = MAX_FORWARD_TARGETS): string[] {
  if (selected.includes(id)) return selected.filter((x) => x !== id);
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
