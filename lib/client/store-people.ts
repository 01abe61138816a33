// The store's people: members of groups, names and pictures, presence, typing, my profile and
// whom I block.
import { directChatTitle } from "@/lib/conversations/direct-chats";
import type { UserSummary } from "@/lib/realtime/contract";
import { raiseMinima } from "./conversations";
import { upsertMember } from "./groups";
import { applyTyping, pruneTyping } from "./typing";
import type { ChatActions, ChatData, StoreSet } from "./store";

type PeopleActions = Pick<
  ChatActions,
  | "typingEvent"
  | "pruneTyping"
  | "setPresence"
  | "forgetOnline"
  | "setMembers"
  | "memberJoined"
  | "memberLeft"
  | "rememberUsers"
  | "setProfile"
  | "profileChanged"
  | "userUpdated"
  | "setBlockedUsers"
  | "setUserBlocked"
>;

export function peopleSlice(set: StoreSet): PeopleActions {
  return {
    typingEvent: (ev, now) => set((s) => ({ typing: applyTyping(s.typing, ev, now) })),

    pruneTyping: (now) =>
      set((s) => {
        const typing = pruneTyping(s.typing, now);
        return typing === s.typing ? s : { typing };
      }),

    setPresence: (events) =>
      set((s) => {
        if (events.length === 0) return s;
        const presence = { ...s.presence };
        for (const e of events) presence[e.userId] = e;
        return { presence };
      }),

    forgetOnline: () =>
      set((s) => {
        const entries = Object.entries(s.presence);
        if (!entries.some(([, p]) => p.online)) return s;
        return { presence: Object.fromEntries(entries.filter(([, p]) => !p.online)) };
      }),

    setMembers: (conversationId, list) =>
      set((s) => {
        const nextUsers = { ...s.users };
        const presence = { ...s.presence };
        for (const m of list) {
          nextUsers[m.id] = m;
          presence[m.id] ??= { userId: m.id, online: m.online, lastActiveAt: m.lastActiveAt };
        }
        return { members: { ...s.members, [conversationId]: list }, users: nextUsers, presence };
      }),

    memberJoined: (conversationId, member) =>
      set((s) => {
        const list = s.members[conversationId];
        const conv = s.conversations[conversationId];
        const already = list?.some((m) => m.id === member.id) ?? false;
        return {
          users: { ...s.users, [member.id]: member },
          // Also a role change of someone already listed: upsert by id.
          members: list ? { ...s.members, [conversationId]: upsertMember(list, member) } : s.members,
          conversations:
            conv && list && !already
              ? { ...s.conversations, [conversationId]: { ...conv, memberCount: list.length + 1 } }
              : s.conversations,
        };
      }),

    memberLeft: (conversationId, userId, after) =>
      set((s) => {
        const list = s.members[conversationId];
        const conv = s.conversations[conversationId];
        const next = list?.filter((m) => m.id !== userId);
        const changed = !!list && !!next && next.length !== list.length;
        let conversations = s.conversations;
        if (conv && after) {
          conversations = { ...s.conversations, [conversationId]: { ...conv, memberCount: after.memberCount, ...raiseMinima(conv, after) } };
        } else if (conv && changed) {
          conversations = { ...s.conversations, [conversationId]: { ...conv, memberCount: next!.length } };
        }
        return {
          members: changed ? { ...s.members, [conversationId]: next! } : s.members,
          conversations,
          removed: userId === s.me.id ? { ...s.removed, [conversationId]: true } : s.removed,
        };
      }),

    rememberUsers: (list) =>
      set((s) => {
        if (list.length === 0) return s;
        const nextUsers = { ...s.users };
        for (const u of list) nextUsers[u.id] = { ...nextUsers[u.id], ...u };
        return { users: nextUsers };
      }),

    setProfile: (profile) =>
      set((s) => ({
        profile,
        me: {
          ...s.me,
          name: profile.name,
          username: profile.username,
          email: profile.email,
          initials: profile.initials,
          avatarColor: profile.avatarColor,
          avatarUrl: profile.avatarUrl,
        },
      })),

    profileChanged: () => set((s) => ({ profileRevision: s.profileRevision + 1 })),

    userUpdated: (user) => set((s) => applyUserUpdate(s, user)),

    setBlockedUsers: (list) => set({ blocked: Object.fromEntries(list.map((u) => [u.id, u])) }),

    setUserBlocked: (user, blocked) =>
      set((s) => {
        const next = { ...s.blocked };
        if (blocked) next[user.id] = user;
        else delete next[user.id];
        return { blocked: next };
      }),
  };
}

/** A sender's name as shown in the chat list's preview. */
export function senderNameOf(state: Pick<ChatData, "me" | "users">, userId: string): string {
  if (userId === state.me.id) return state.me.name;
  return state.users[userId]?.name ?? "";
}

/** Someone's public profile changed: their entry, direct chats with them, member lists, me. */
function applyUserUpdate(s: ChatData, user: UserSummary): Partial<ChatData> {
  const patch: Partial<ChatData> = { users: { ...s.users, [user.id]: { ...s.users[user.id], ...user } } };
  if (user.id === s.me.id) {
    patch.me = { ...s.me, name: user.name, username: user.username, initials: user.initials, avatarColor: user.avatarColor, avatarUrl: user.avatarUrl };
    if (s.profile) patch.profile = { ...s.profile, ...user };
  }
  let conversations: ChatData["conversations"] | null = null;
  for (const c of Object.values(s.conversations)) {
    const isPeer = c.peer?.id === user.id;
    const lastBy = c.lastMessage?.senderId === user.id && c.lastMessage.senderName !== user.name;
    if (!isPeer && !lastBy) continue;
    conversations ??= { ...s.conversations };
    conversations[c.id] = {
      ...c,
      ...(isPeer ? { peer: { ...c.peer!, ...user }, title: directChatTitle(user.name, user.id === s.me.id) } : {}),
      ...(lastBy ? { lastMessage: { ...c.lastMessage!, senderName: user.name } } : {}),
    };
  }
  if (conversations) patch.conversations = conversations;
  let members: ChatData["members"] | null = null;
  for (const [id, list] of Object.entries(s.members)) {
    if (!list.some((m) => m.id === user.id)) continue;
    members ??= { ...s.members };
    members[id] = list.map((m) => (m.id === user.id ? { ...m, ...user } : m));
  }
  if (members) patch.members = members;
  if (s.blocked?.[user.id]) patch.blocked = { ...s.blocked, [user.id]: user };
  return patch;
}
