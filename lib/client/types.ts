// Browser-side types built on the realtime contract.
import type { ErrorCode, ErrorReason } from "@/lib/errors";
import type { AttachmentDto, ContactCardDto, LinkPreviewDto, MessageDto, ReplyPreview } from "@/lib/realtime/contract";

/** A message typed in this browser that the server has not acknowledged yet. */
export type OutboxEntry = {
  clientId: string;
  conversationId: string;
  senderId: string;
  text: string;
  /** ISO time the user pressed send (orders pending bubbles, shown as their time). */
  createdAt: string;
  attempts: number;
  /** epoch ms of the last emit, or null when never sent. */
  lastAttemptAt: number | null;
  /** Set when the server refused it for good (not retried until the user asks). */
  failed: string | null;
  /** Rich sends (optional; absent for plain text): a reply, uploaded files (text = caption), a location, a poll. */
  replyToId?: string;
  /** The quoted message as shown while pending. */
  replyTo?: ReplyPreview;
  attachments?: AttachmentDto[];
  location?: { lat: number; lng: number; label?: string };
  /** A poll: `text` is its question. */
  poll?: { options: string[]; multiple: boolean };
  /** A shared contact's card as shown while pending. */
  contact?: ContactCardDto;
  /** The preview of the text's link shown while pending (the server stores its own copy of its url's). */
  linkPreview?: LinkPreviewDto;
};

export type TickStatus = "pending" | "failed" | "sent" | "delivered" | "read";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "offline";

/** Messages of one conversation as loaded in this browser, sorted by seq. */
export type ConversationMessages = {
  items: MessageDto[];
  /** seq to pass as `before` for the previous page; null when the start is loaded. */
  nextBefore: number | null;
  /** Highest seq up to which nothing is missing here (the `sync` cursor). */
  syncedSeq: number;
  status: "idle" | "loading" | "ready" | "error";
  loadingOlder: boolean;
  /**
   * Loaded before a reconnect: edits, deletions and reactions made meanwhile reached no event
   * here (a sync brings new messages only), so the latest page is merged again when shown.
   */
  stale: boolean;
};

export type ClientErrorCode = ErrorCode | "TIMEOUT" | "DISCONNECTED" | "NETWORK";
export type ClientError = { code: ClientErrorCode; message: string; reason?: ErrorReason; retryAfterSeconds?: number };

/** A chat none of whose messages are loaded yet. */
export const emptyMessages: ConversationMessages = Object.freeze({
  items: [],
  nextBefore: null,
  syncedSeq: 0,
  status: "idle",
  loadingOlder: false,
  stale: false,
}) as ConversationMessages;
