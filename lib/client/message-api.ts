// HTTP API v1 for message-level features (stars, edit history, pages around a message) plus
// HTTP fallbacks for what normally goes over the socket (edit, react, forward).
import type { MessageDto, MessagePage } from "@/lib/realtime/contract";
import { request } from "./api";

export type StarredItem = { message: MessageDto; conversationTitle: string };
export type EditVersion = { text: string; at: string };

const enc = encodeURIComponent;

export const messageApi = {
  starred: () => request<{ items: StarredItem[]; messageIds: string[] }>("/api/v1/starred"),
  star: (messageId: string, starred: boolean) =>
    request<{ starred: boolean }>(`/api/v1/messages/${enc(messageId)}/star`, { method: starred ? "PUT" : "DELETE" }),
  edits: (messageId: string) => request<{ versions: EditVersion[] }>(`/api/v1/messages/${enc(messageId)}/edits`),
  /** The page containing `seq` (`around`), or the page after `seq` (`after`, oldest first). */
  page: (conversationId: string, opts: { around?: number; after?: number; limit?: number }) => {
    const params = new URLSearchParams({ limit: String(opts.limit ?? 50) });
    if (opts.around !== undefined) params.set("around", String(opts.around));
    if (opts.after !== undefined) params.set("after", String(opts.after));
    return request<MessagePage>(`/api/v1/conversations/${enc(conversationId)}/messages?${params}`);
  },
  edit: (messageId: string, text: string) =>
    request<{ message: MessageDto }>(`/api/v1/messages/${enc(messageId)}`, { method: "PATCH", json: { text } }),
  react: (messageId: string, emoji: string) =>
    request<{ message: MessageDto }>(`/api/v1/messages/${enc(messageId)}/reactions`, { method: "POST", json: { emoji } }),
  forward: (messageId: string, conversationIds: string[], clientId: string) =>
    request<{ messages: MessageDto[] }>(`/api/v1/messages/${enc(messageId)}/forward`, {
      method: "POST",
      json: { conversationIds, clientId },
    }),
};

export type MessageApi = typeof messageApi;
