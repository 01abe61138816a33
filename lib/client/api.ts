// The HTTP API v1 from the browser: same origin, JSON, `{ error: { code, message } }` on failure.
import type {
  ConversationPatch,
  ConversationSummary,
  GroupSummary,
  LinkPreviewDto,
  MemberDto,
  MessageReceipts,
  UserSummary,
} from "@/lib/realtime/contract";
import type { ClientError, ClientErrorCode } from "./types";

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly status: number,
    /** How long a rate limit asks to wait before the next try (RATE_LIMITED). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/**
 * What a failed call tells the retry rules (`./retry`), whatever it threw: an ApiError says its
 * code and wait; anything else is a failure of this client, retried like a server error.
 */
export function toClientError(err: unknown): ClientError {
  if (err instanceof ApiError) {
    const { code, message, retryAfterSeconds } = err;
    return retryAfterSeconds === undefined ? { code, message } : { code, message, retryAfterSeconds };
  }
  return { code: "INTERNAL", message: err instanceof Error ? err.message : "Something went wrong" };
}

/** A wait in seconds the server asked for: the body's, else the Retry-After header's (seconds). */
function retryAfter(fromBody: unknown, header: string | null): number | undefined {
  if (typeof fromBody === "number" && Number.isFinite(fromBody) && fromBody >= 0) return fromBody;
  const seconds = header === null || header.trim() === "" ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

let onUnauthenticated: () => void = () => {
  // A full page load on purpose: the session is gone and every piece of client state with it.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  if (typeof window !== "undefined") window.location.assign("/login");
};

/** Tests and the app shell can replace what a 401 does (default: go to /login). */
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

export async function request<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(path, {
      ...rest,
      credentials: "same-origin",
      headers: { accept: "application/json", ...(json !== undefined ? { "content-type": "application/json" } : {}), ...rest.headers },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  } catch {
    throw new ApiError("NETWORK", "You appear to be offline", 0);
  }
  const body: unknown = res.status === 204 ? {} : await res.json().catch(() => ({}));
  if (!res.ok) {
    const error = (body as { error?: { code?: ClientErrorCode; message?: string; retryAfterSeconds?: unknown } }).error;
    if (res.status === 401) onUnauthenticated();
    throw new ApiError(
      error?.code ?? "INTERNAL",
      error?.message ?? `Request failed (${res.status})`,
      res.status,
      retryAfter(error?.retryAfterSeconds, res.headers.get("retry-after")),
    );
  }
  return body as T;
}

const enc = encodeURIComponent;

export const api = {
  conversations: () => request<{ conversations: ConversationSummary[] }>("/api/v1/conversations"),
  openDirect: (userId: string) =>
    request<{ conversation: ConversationSummary }>("/api/v1/conversations", { method: "POST", json: { userId } }),
  conversation: (id: string) =>
    request<{ conversation: ConversationSummary; members: MemberDto[] }>(`/api/v1/conversations/${enc(id)}`),
  markRead: (id: string, seq: number) =>
    request<Record<string, never>>(`/api/v1/conversations/${enc(id)}/read`, { method: "POST", json: { seq } }),
  deleteMessages: (messageIds: string[], scope: "me" | "everyone") =>
    request<{ deleted: { messageId: string; byAdmin: boolean }[] }>("/api/v1/messages/delete", { method: "POST", json: { messageIds, for: scope } }),
  receipts: (messageId: string) => request<MessageReceipts>(`/api/v1/messages/${enc(messageId)}/receipts`),
  groups: () => request<{ groups: GroupSummary[] }>("/api/v1/groups"),
  joinGroup: (id: string) =>
    request<{ conversation: ConversationSummary }>(`/api/v1/groups/${enc(id)}/join`, { method: "POST", json: {} }),
  leaveGroup: (id: string) => request<Record<string, never>>(`/api/v1/groups/${enc(id)}/leave`, { method: "POST", json: {} }),
  user: (id: string) => request<{ user: UserSummary }>(`/api/v1/users/${enc(id)}`),
  searchUsers: (q: string, signal?: AbortSignal) =>
    request<{ users: UserSummary[] }>(`/api/v1/users?q=${enc(q)}`, { signal }),
  /** What a link's page shows, fetched by the server; null when it has nothing to show. Memoized in ./link-previews. */
  linkPreview: (url: string) => request<{ preview: LinkPreviewDto | null }>("/api/v1/link-previews", { method: "POST", json: { url } }),
  // ---- private groups (owner / admins) ----
  createGroup: (input: { name: string; icon?: string; iconBg?: string; about?: string; memberIds: string[] }) =>
    request<{ conversation: ConversationSummary }>("/api/v1/groups", { method: "POST", json: input }),
  updateGroup: (id: string, input: { name?: string; icon?: string; iconBg?: string; about?: string; onlyAdminsSend?: boolean }) =>
    request<{ group: ConversationPatch }>(`/api/v1/groups/${enc(id)}`, { method: "PATCH", json: input }),
  addMembers: (id: string, userIds: string[]) =>
    request<{ added: string[] }>(`/api/v1/groups/${enc(id)}/members`, { method: "POST", json: { userIds } }),
  removeMember: (id: string, userId: string, ban = false) =>
    request<Record<string, never>>(`/api/v1/groups/${enc(id)}/members/${enc(userId)}${ban ? "?ban=true" : ""}`, { method: "DELETE" }),
  setMemberRole: (id: string, userId: string, role: "ADMIN" | "MEMBER") =>
    request<Record<string, never>>(`/api/v1/groups/${enc(id)}/members/${enc(userId)}`, { method: "PATCH", json: { role } }),
  bans: (id: string) => request<{ bans: BannedMember[] }>(`/api/v1/groups/${enc(id)}/bans`),
  unban: (id: string, userId: string) =>
    request<Record<string, never>>(`/api/v1/groups/${enc(id)}/bans/${enc(userId)}`, { method: "DELETE" }),
  invites: (id: string) => request<{ invites: GroupInvite[] }>(`/api/v1/groups/${enc(id)}/invites`),
  createInvite: (id: string) => request<{ invite: GroupInvite }>(`/api/v1/groups/${enc(id)}/invites`, { method: "POST", json: {} }),
  revokeInvite: (id: string, inviteId: string) =>
    request<Record<string, never>>(`/api/v1/groups/${enc(id)}/invites/${enc(inviteId)}`, { method: "DELETE" }),
  joinInvite: (code: string) =>
    request<{ conversation: ConversationSummary }>(`/api/v1/invites/${enc(code)}/join`, { method: "POST", json: {} }),
};

export type GroupInvite = { id: string; code: string; createdAt: string };
export type BannedMember = UserSummary & { bannedAt: string };

export type Api = typeof api;
