// My profile, settings, blocking, other people's profiles, chat settings, message search and
// the media gallery: the HTTP API calls and their types (browser side).
import type { ConversationPatch, ConversationSummary, MessageDto, UserSummary } from "@/lib/realtime/contract";
import type { SearchHit } from "@/lib/search/search-messages";
import type { GroupInCommon } from "@/lib/users/groups-in-common";
import { request } from "./api";
import type { Theme } from "./theme";

export type LastSeenAudience = "everyone" | "nobody";
export type UserSettings = { theme: Theme; notificationSounds: boolean; language: "en"; readReceipts: boolean; lastSeen: LastSeenAudience; linkPreviews: boolean };

export type MyProfile = UserSummary & {
  email: string;
  bio: string;
  phoneNumber: string | null;
  role: "USER" | "ADMIN";
  settings: UserSettings;
};

/** Someone else's profile panel. */
export type UserProfile = UserSummary & {
  bio: string;
  /** Only when we share a chat. */
  phoneNumber: string | null;
  joinedAt: string;
  isBlocked: boolean;
  groupsInCommon: GroupInCommon[];
};

export type ProfilePatch = {
  name?: string;
  username?: string;
  bio?: string;
  phoneNumber?: string;
  /** null removes the picture. */
  avatarAttachmentId?: string | null;
  settings?: Partial<UserSettings>;
};

export type MuteFor = "8h" | "1w" | "always";
export type ChatSettingsPatch = {
  isPinned?: boolean;
  isMuted?: boolean;
  muteFor?: MuteFor;
  isArchived?: boolean;
  markedUnread?: boolean;
  isFavourite?: boolean;
};

// The server's own shape (a type-only import: nothing of the server module reaches the browser).
export type { SearchHit };

export type MediaKind = "media" | "files" | "links";

const enc = encodeURIComponent;

export const profileApi = {
  me: () => request<{ profile: MyProfile }>("/api/v1/me"),
  updateMe: (patch: ProfilePatch) => request<{ profile: MyProfile }>("/api/v1/me", { method: "PATCH", json: patch }),
  usernameAvailable: (username: string, signal?: AbortSignal) =>
    request<{ available: boolean; reason: string | null }>(`/api/v1/users/username-available?username=${enc(username)}`, { signal }),
  /** Upload a cropped picture (the server crops to a centred 256 px square again). */
  uploadAvatar: (file: Blob, name: string) => {
    const body = new FormData();
    body.append("file", file, name);
    return request<{ attachment: { id: string } }>("/api/v1/uploads?purpose=avatar", { method: "POST", body });
  },
  user: (id: string) => request<{ user: UserProfile }>(`/api/v1/users/${enc(id)}`),
  block: (id: string) => request<{ blocked: boolean }>(`/api/v1/users/${enc(id)}/block`, { method: "PUT" }),
  unblock: (id: string) => request<{ blocked: boolean }>(`/api/v1/users/${enc(id)}/block`, { method: "DELETE" }),
  blocked: () => request<{ users: UserSummary[] }>("/api/v1/blocked"),
  chatSettings: (conversationId: string, patch: ChatSettingsPatch) =>
    request<{ conversation: ConversationSummary }>(`/api/v1/conversations/${enc(conversationId)}/settings`, {
      method: "PATCH",
      json: patch,
    }),
  /** "Export chat": the address of the chat as a .txt download, with times in my zone. */
  exportChatUrl: (conversationId: string, timeZone: string) =>
    `/api/v1/conversations/${enc(conversationId)}/export?${new URLSearchParams({ tz: timeZone })}`,
  /** Disappearing messages for everyone in the chat: seconds a new message lasts, or null for off. */
  messageTimer: (conversationId: string, seconds: number | null) =>
    request<{ conversation: ConversationPatch }>(`/api/v1/conversations/${enc(conversationId)}/message-timer`, {
      method: "PUT",
      json: { seconds },
    }),
  /** Delete chat (a direct chat): out of my list until a new message, its messages out of my view. */
  deleteChat: (conversationId: string) =>
    request<{ conversationId: string; clearedSeq: number }>(`/api/v1/conversations/${enc(conversationId)}`, { method: "DELETE" }),
  clearChat: (conversationId: string) =>
    request<{ conversation: ConversationSummary; clearedSeq: number }>(`/api/v1/conversations/${enc(conversationId)}/clear`, { method: "POST" }),
  search: (q: string, opts: { conversationId?: string; signal?: AbortSignal } = {}) => {
    const params = new URLSearchParams({ q });
    if (opts.conversationId) params.set("conversationId", opts.conversationId);
    return request<{ hits: SearchHit[] }>(`/api/v1/search?${params}`, { signal: opts.signal });
  },
  media: (conversationId: string, kind: MediaKind, before?: number | null, signal?: AbortSignal) => {
    const params = new URLSearchParams({ kind });
    if (before != null) params.set("before", String(before));
    return request<{ messages: MessageDto[]; nextBefore: number | null }>(
      `/api/v1/conversations/${enc(conversationId)}/media?${params}`,
      { signal },
    );
  },
};

export type ProfileApi = typeof profileApi;
