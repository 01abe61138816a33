// HTTP API v1 for message-level features (stars, pins, edit history, pages around a message) plus
// HTTP fallbacks for what normally goes over the socket (edit, react, forward).
import type { MessageDto, MessagePage, PageQuery, PinDto } from "@/lib/realtime/contract";
import { request } from "./api";

export type StarredItem = { message: MessageDto; conversationTitle: string };
export type EditVersion = { text: string; at: string };
export type PinDuration = "24h" | "7d" | "30d";

const enc = encodeURIComponent;

export const messageApi = {
  starred: () => request<{ items: StarredItem[]; messageIds: string[] }>("/api/v1/starred"),
  star: (messageIds: string[], starred: boolean) =>
    request<{ starred: boolean }>("/api/v1/messages/star", { method: "POST", json: { messageIds, starred } }),
  pins: (conversationId: string) => request<{ pins: PinDto[] }>(`/api/v1/conversations/${enc(conversationId)}/pins`),
  pin: (messageId: string, duration: PinDuration) =>
    request<{ pins: PinDto[] }>(`/api/v1/messages/${enc(messageId)}/pin`, { method: "PUT", json: { duration } }),
  unpin: (messageId: string) => request<{ pins: PinDto[] }>(`/api/v1/messages/${enc(messageId)}/pin`, { method: "DELETE" }),
  vote: (messageId: string, options: number[]) =>
    request<{ message: MessageDto }>(`/api/v1/messages/${enc(messageId)}/votes`, { method: "PUT", json: { options } }),
  edits: (messageId: string) => request<{ versions: EditVersion[] }>(`/api/v1/messages/${enc(messageId)}/edits`),
  /** A page of history (the realtime client asks the socket first: message-actions.ts). */
  page: (conversationId: string, query: PageQuery) => {
    const params = new URLSearchParams({ limit: String(query.limit ?? 50) });
    for (const key of ["before", "after", "around"] as const) {
      if (query[key] !== undefined) params.set(key, String(query[key]));
    }
    return request<MessagePage>(`/api/v1/conversations/${enc(conversationId)}/messages?${params}`);
  },
  edit: (messageId: string, text: string) =>
    request<{ message: MessageDto }>(`/api/v1/messages/${enc(messageId)}`, { method: "PATCH", json: { text } }),
  react: (messageId: string, emoji: string) =>
    request<{ message: MessageDto }>(`/api/v1/messages/${enc(messageId)}/reactions`, { method: "POST", json: { emoji } }),
  forward: (messageIds: string[], conversationIds: string[], clientId: string) =>
    request<{ messages: MessageDto[] }>("/api/v1/messages/forward", { method: "POST", json: { messageIds, conversationIds, clientId } }),
};

export type MessageApi = typeof messageApi;
