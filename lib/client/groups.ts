// Pure group logic for the browser: who may do what (mirrors lib/groups/permissions.ts and
// manage-members.ts, so the UI only offers what the server allows), and the reducers that apply
// group events (conversation:patched, member:joined as an upsert, conversation:deleted).
import type { ConversationPatch, ConversationSummary, GroupSummary, MemberDto, PresenceEvent } from "@/lib/realtime/contract";

export type GroupRole = MemberDto["role"];
export type SiteRole = "USER" | "ADMIN";

/** What I can do in a group, from my role there and my site role. */
export type GroupRights = {
  /** Rename, change the icon, colour and about. */
  edit: boolean;
  /** Add people, invite links, banned list (private groups only). */
  manageMembers: boolean;
  invites: boolean;
};

type Me = { role: GroupRole | null; siteRole?: SiteRole | null };

export function groupRights(conv: Pick<ConversationSummary, "type" | "visibility">, me: Me): GroupRights {
  if (conv.type !== "GROUP") return { edit: false, manageMembers: false, invites: false };
  if (conv.visibility === "PUBLIC") {
    // Public groups are run by site admins (mostly from the admin console).
    const admin = me.siteRole === "ADMIN";
    return { edit: admin, manageMembers: admin, invites: false };
  }
  const manager = me.role === "OWNER" || me.role === "ADMIN";
  return { edit: manager, manageMembers: manager, invites: manager };
}

/** My role in a group, from its member list (null before that list loads). */
export function myGroupRole(members: readonly MemberDto[] | undefined, meId: string): GroupRole | null {
  return members?.find((m) => m.id === meId)?.role ?? null;
}

/** An announcement group where I only read: the right to edit the group is the right to announce. */
export function readsOnlyIn(conv: Pick<ConversationSummary, "type" | "onlyAdminsSend">, rights: GroupRights): boolean {
  return conv.type === "GROUP" && conv.onlyAdminsSend && !rights.edit;
}

export type MemberAction = "make-admin" | "dismiss-admin" | "remove" | "ban";

/**
 * The per-member menu: owners and admins promote members; only the owner dismisses admins;
 * nobody changes the owner; admins remove members, only the owner removes admins. In a public
 * group site admins remove (and ban) anyone; roles don't apply there. Never for myself.
 */
export function memberActions(
  conv: Pick<ConversationSummary, "type" | "visibility">,
  me: Me & { id: string },
  target: Pick<MemberDto, "id" | "role">,
): MemberAction[] {
  if (conv.type !== "GROUP" || target.id === me.id) return [];
  if (conv.visibility === "PUBLIC") return me.siteRole === "ADMIN" ? ["remove", "ban"] : [];
  if (target.role === "OWNER") return [];
  if (me.role === "OWNER") return target.role === "ADMIN" ? ["dismiss-admin", "remove", "ban"] : ["make-admin", "remove", "ban"];
  if (me.role === "ADMIN") return target.role === "ADMIN" ? [] : ["make-admin", "remove", "ban"];
  return [];
}

export const MEMBER_ACTION_LABEL: Record<MemberAction, string> = {
  "make-admin": "Make group admin",
  "dismiss-admin": "Dismiss as admin",
  remove: "Remove",
  ban: "Remove and ban",
};

export const ROLE_BADGE: Record<GroupRole, string | null> = { OWNER: "Owner", ADMIN: "Admin", MEMBER: null };

const ROLE_ORDER: Record<GroupRole, number> = { OWNER: 0, ADMIN: 1, MEMBER: 2 };

/** Info-panel order: me first, then the owner and admins, then who is online, then by name. */
export function sortMembers(list: readonly MemberDto[], meId: string, presence: Readonly<Record<string, PresenceEvent>>): MemberDto[] {
  return [...list].sort((a, b) => {
    if (a.id === meId) return -1;
    if (b.id === meId) return 1;
    const role = ROLE_ORDER[a.role] - ROLE_ORDER[b.role];
    if (role !== 0) return role;
    const online = (presence[b.id]?.online ? 1 : 0) - (presence[a.id]?.online ? 1 : 0);
    return online || a.name.localeCompare(b.name);
  });
}

/** member:joined doubles as "member changed" (a role change): replace by id, or append. */
export function upsertMember(list: readonly MemberDto[], member: MemberDto): MemberDto[] {
  const i = list.findIndex((m) => m.id === member.id);
  if (i < 0) return [...list, member];
  const next = [...list];
  next[i] = { ...list[i]!, ...member };
  return next;
}

/** conversation:patched on a summary (title, icon, colour, about, who sends). Same object when nothing changes. */
export function applyConversationPatch(conv: ConversationSummary, patch: ConversationPatch): ConversationSummary {
  const next: ConversationSummary = {
    ...conv,
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.icon !== undefined ? { icon: patch.icon } : {}),
    ...(patch.iconBg !== undefined ? { iconBg: patch.iconBg } : {}),
    ...(patch.about !== undefined ? { about: patch.about } : {}),
    ...(patch.onlyAdminsSend !== undefined ? { onlyAdminsSend: patch.onlyAdminsSend } : {}),
    ...(patch.messageTimerSec !== undefined ? { messageTimerSec: patch.messageTimerSec } : {}),
    ...(patch.readReceipts !== undefined ? { readReceipts: patch.readReceipts } : {}),
  };
  const same =
    next.title === conv.title && next.icon === conv.icon && next.iconBg === conv.iconBg && next.about === conv.about &&
    next.onlyAdminsSend === conv.onlyAdminsSend && next.messageTimerSec === conv.messageTimerSec &&
    next.readReceipts === conv.readReceipts;
  return same ? conv : next;
}

/** conversation:patched on Discover: renamed in place; archived groups leave the list. */
export function applyGroupPatch(groups: GroupSummary[], patch: ConversationPatch): GroupSummary[] {
  const i = groups.findIndex((g) => g.id === patch.conversationId);
  if (i < 0) return groups;
  if (patch.archived) return groups.filter((g) => g.id !== patch.conversationId);
  const g = groups[i]!;
  const next: GroupSummary = {
    ...g,
    ...(patch.title !== undefined ? { name: patch.title } : {}),
    ...(patch.icon !== undefined ? { icon: patch.icon } : {}),
    ...(patch.iconBg !== undefined ? { iconBg: patch.iconBg } : {}),
    ...(patch.about !== undefined ? { about: patch.about } : {}),
  };
  const copy = [...groups];
  copy[i] = next;
  return copy;
}

/** Drops a key from a record (same object when absent). */
/** The read-only set of admin-archived groups, as a summary from the server says. Same object when unchanged. */
export function withGroupArchived(archived: Record<string, true>, conv: Pick<ConversationSummary, "id" | "groupArchived">): Record<string, true> {
  if (conv.groupArchived) return archived[conv.id] ? archived : { ...archived, [conv.id]: true };
  return without(archived, conv.id);
}

export function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
}

/** The shareable link of an invite code. */
export function inviteUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, "")}/join/${encodeURIComponent(code)}`;
}

/** The choices of the group icon and colour pickers. */
export const GROUP_EMOJIS = ["👥", "💬", "🎉", "⚽", "🎮", "🎵", "📚", "🍕", "✈️", "🏠", "💼", "🧪", "🐶", "🌱", "❤️", "⭐"] as const;

export const GROUP_COLORS: readonly { value: string; name: string }[] = [
  { value: "#25a366", name: "Green" },
  { value: "#0f8b8d", name: "Teal" },
  { value: "#1f7ae0", name: "Blue" },
  { value: "#5b5fc7", name: "Indigo" },
  { value: "#8e44ad", name: "Purple" },
  { value: "#d6336c", name: "Pink" },
  { value: "#d9480f", name: "Orange" },
  { value: "#6d4c41", name: "Brown" },
];

export const GROUP_NAME_MAX = 60;
export const GROUP_ABOUT_MAX = 500;

/** One emoji (with modifiers), like the server's groupIcon rule. */
export function isSingleEmoji(s: string): boolean {
  const t = s.trim();
  if (!t || t.length > 16 || !/^\p{Extended_Pictographic}/u.test(t)) return false;
  return [...new Intl.Segmenter().segment(t)].length === 1;
}

/** Client-side check of the group name, with the server's wording. */
export function groupNameError(name: string): string | null {
  const t = name.trim();
  if (!t) return "Enter a group name";
  if (t.length > GROUP_NAME_MAX) return `Group names are at most ${GROUP_NAME_MAX} characters`;
  return null;
}
