// The realtime contract shared by server and browser. Types only: no runtime code.
import type { ErrorBody } from "@/lib/errors";

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

export type MessageType = "TEXT" | "IMAGE" | "FILE" | "VIDEO" | "AUDIO" | "LOCATION" | "SYSTEM" | "POLL" | "CONTACT";

/**
 * A shared contact: someone's name and @username as they were when it was sent (no photo: a
 * picture follows its owner's privacy choices, a card does not), and a way to message them.
 */
export type ContactCardDto = { id: string; name: string; username: string; initials: string; avatarColor: string };

export type AttachmentDto = {
  id: string;
  kind: "IMAGE" | "VIDEO" | "AUDIO" | "FILE";
  name: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
};

export type ReplyPreview = {
  id: string;
  seq: number;
  senderId: string;
  senderName: string;
  type: MessageType;
  /** Null when the original was deleted for everyone. */
  text: string | null;
  deleted: boolean;
  attachmentKind: AttachmentDto["kind"] | null;
  /** The group the original is in, when that is not the reply's chat ("Reply privately"). */
  chat: { id: string; title: string } | null;
};

export type ReactionDto = { emoji: string; userIds: string[] };

/** A poll (the message's text is its question): its options with who chose each, in order. */
export type PollDto = { multiple: boolean; options: { text: string; voterIds: string[] }[] };

/** Data of a SYSTEM message: a membership or group event, rendered centred in the chat. */
export type SystemEvent =
  | { kind: "created"; actorName: string; groupName: string }
  | { kind: "added" | "removed"; actorName: string; targetName: string }
  | { kind: "joined" | "left"; actorName: string }
  | { kind: "renamed"; actorName: string; groupName: string }
  | { kind: "promoted" | "demoted"; actorName: string; targetName: string }
  | { kind: "owner"; targetName: string }
  | { kind: "pinned"; actorName: string }
  | { kind: "sendPolicy"; actorName: string; onlyAdmins: boolean }
  | { kind: "messageTimer"; actorName: string; seconds: number | null };

export type MessageDto = {
  id: string;
  conversationId: string;
  /** Position in the conversation, gap-free and increasing. */
  seq: number;
  senderId: string;
  clientId: string;
  type: MessageType;
  /** Null once deleted for everyone. */
  text: string | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  /** Deleted for everyone by an admin (moderation), not by its sender. */
  deletedByAdmin: boolean;
  /**
   * Sent while the other person of the direct chat blocked the sender: only the sender has it,
   * and it stays at one grey tick.
   */
  withheld: boolean;
  replyTo: ReplyPreview | null;
  forwarded: boolean;
  /** Five or more forwards from the message first sent: it goes on to one chat at a time. */
  forwardedManyTimes: boolean;
  attachments: AttachmentDto[];
  reactions: ReactionDto[];
  location: { lat: number; lng: number; label: string | null } | null;
  system: SystemEvent | null;
  poll: PollDto | null;
  contact: ContactCardDto | null;
  /** The page its text links to, as the server fetched it when the message was written; null once the link is edited out. */
  linkPreview: LinkPreviewDto | null;
  /**
   * Raised by every message:updated change (edit, reaction, vote): of two copies of a message,
   * the one with the higher version is the newer, whenever each was read.
   */
  version: number;
};

/** What a linked page says about itself (its title, description and image), shown above the text. */
export type LinkPreviewDto = {
  url: string;
  title: string;
  description: string | null;
  siteName: string | null;
  /** A small square WebP of the page's image, as a data: URL (no request to the site from any browser). */
  thumbnail: string | null;
};

/** A message pinned at the top of its chat, for everyone in it, until expiresAt. */
export type PinDto = {
  message: ReplyPreview;
  pinnedById: string | null;
  pinnedByName: string;
  pinnedAt: string;
  expiresAt: string;
};

export type UserSummary = {
  id: string;
  name: string;
  username: string;
  initials: string;
  avatarColor: string;
  avatarUrl: string | null;
};

export type ConversationSummary = {
  id: string;
  type: "DIRECT" | "GROUP";
  /** Group name, or the other person's name in a direct chat. */
  title: string;
  icon: string | null;
  iconBg: string;
  about: string;
  visibility: "PUBLIC" | "PRIVATE";
  /** The other person in a direct chat. */
  peer: UserSummary | null;
  lastSeq: number;
  lastMessageAt: string | null;
  lastMessage:
    | (Pick<MessageDto, "id" | "seq" | "senderId" | "type" | "text" | "createdAt" | "deletedAt" | "deletedByAdmin" | "system" | "withheld"> & {
        senderName: string;
      })
    | null;
  /** Conversation.lastSeq − my readSeq. */
  unreadCount: number;
  /** The newest of my unread messages that @mentions me (groups), 0 when none: the list shows "@" while it is past readSeq. */
  mentionSeq: number;
  readSeq: number;
  isPinned: boolean;
  isMuted: boolean;
  /** When a mute for 8 hours or a week ends; null when muted "Always" or not muted. */
  mutedUntil: string | null;
  isArchived: boolean;
  /** I marked it unread ("Mark as unread"): shown as unread until I open it. */
  markedUnread: boolean;
  /** I added it to my Favourites (a filter of the chat list). */
  isFavourite: boolean;
  /** An admin archived this group: its history stays readable, nobody can send. */
  groupArchived: boolean;
  /** An announcement group: only its admins send (site admins in a public group). */
  onlyAdminsSend: boolean;
  /** Disappearing messages: seconds a new message lasts; null when off. */
  messageTimerSec: number | null;
  memberCount: number;
  /**
   * Lowest delivered/read watermark among all current members. My own watermarks are ≥ the seq
   * of anything I sent, so my message `seq` is delivered to all when minDeliveredSeq ≥ seq, and
   * read by all when minReadSeq ≥ seq.
   */
  minDeliveredSeq: number;
  minReadSeq: number;
  /**
   * Read receipts show in this chat: always in groups; in a direct chat only while both people
   * have them on. When false, minReadSeq and the others' readSeq are 0 (withheld).
   */
  readReceipts: boolean;
  /** My "Clear chat" mark: messages up to this seq left my view (0: never cleared). */
  clearedSeq: number;
  /** When I last used "Delete chat" on it, or null. A later message lists it again. */
  chatDeletedAt: string | null;
};

export type MemberDto = UserSummary & {
  role: "OWNER" | "ADMIN" | "MEMBER";
  readSeq: number;
  deliveredSeq: number;
  online: boolean;
  lastActiveAt: string | null;
};

export type ConversationPatch = {
  conversationId: string;
  title?: string;
  icon?: string | null;
  iconBg?: string;
  about?: string;
  archived?: boolean;
  onlyAdminsSend?: boolean;
  messageTimerSec?: number | null;
  /** A direct chat starts or stops showing read receipts (someone changed the setting). */
  readReceipts?: boolean;
};

export type GroupSummary = {
  id: string;
  name: string;
  icon: string | null;
  iconBg: string;
  about: string;
  memberCount: number;
  isMember: boolean;
};

export type MessagePage = {
  messages: MessageDto[];
  /** seq to pass as `before` for older messages, or null at the start. */
  nextBefore: number | null;
  /** With `after`: seq to pass as `after` for newer messages, or null when at the latest. */
  nextAfter?: number | null;
};

/** Which page: the latest, older than `before`, newer than `after`, or around a seq. */
export type PageQuery = { before?: number; after?: number; around?: number; limit?: number };

export type SyncResult = {
  conversations: ConversationSummary[];
  /** Messages after each cursor, oldest first. */
  missed: Record<string, MessageDto[]>;
  /** Conversations with more missed messages than one sync carries: reload their latest page. */
  truncated: string[];
  /** Conversations asked about that I left or was removed from meanwhile: read-only now. */
  removed: string[];
  /** Conversations asked about that I have no membership of (a group deleted meanwhile): gone. */
  gone: string[];
  /** Of the chats asked about, mine that are out of my list because I deleted them (on any device) and nothing came since. */
  hidden: { conversationId: string; chatDeletedAt: string }[];
};

export type ClientToServerEvents = {
  "message:send": (
    input: {
      conversationId: string;
      clientId: string;
      text?: string;
      replyToId?: string;
      attachmentIds?: string[];
      location?: { lat: number; lng: number; label?: string };
      /** A poll: `text` is its question. */
      poll?: { options: string[]; multiple?: boolean };
      /** The link of `text` whose preview (as fetched by POST /api/v1/link-previews) goes with the message. */
      linkPreviewUrl?: string;
      /**
       * Not the first attempt of this clientId. Answered GONE when the first attempt was stored
       * and has since disappeared (a disappearing message whose ack was lost).
       */
      retry?: boolean;
    },
    ack: (res: Ack<{ message: MessageDto }>) => void,
  ) => void;
  "message:edit": (input: { messageId: string; text: string }, ack: (res: Ack<{ message: MessageDto }>) => void) => void;
  /** Toggles my reaction with this emoji. */
  "message:react": (input: { messageId: string; emoji: string }, ack: (res: Ack<{ message: MessageDto }>) => void) => void;
  "message:forward": (
    input: { messageIds: string[]; conversationIds: string[]; clientId: string },
    ack: (res: Ack<{ messages: MessageDto[] }>) => void,
  ) => void;
  "message:delete": (
    input: { messageIds: string[]; for: "me" | "everyone" },
    /** byAdmin: the server recorded it as an admin's moderation. */
    ack: (res: Ack<{ deleted: { messageId: string; byAdmin: boolean }[] }>) => void,
  ) => void;
  "receipt:delivered": (input: { conversationId: string; seq: number }, ack?: (res: Ack<Record<never, never>>) => void) => void;
  "receipt:read": (input: { conversationId: string; seq: number }, ack?: (res: Ack<Record<never, never>>) => void) => void;
  /** `recording`: recording a voice message ("recording audio…"), not typing. */
  typing: (input: { conversationId: string; isTyping: boolean; recording?: boolean }) => void;
  sync: (input: { cursors: Record<string, number>; listed?: string[] }, ack: (res: Ack<SyncResult>) => void) => void;
  /** A page of history, as GET /api/v1/conversations/:id/messages answers it. */
  "messages:list": (input: PageQuery & { conversationId: string }, ack: (res: Ack<MessagePage>) => void) => void;
  "presence:watch": (
    input: { userIds: string[] },
    ack: (res: Ack<{ presence: PresenceEvent[] }>) => void,
  ) => void;
};

/** Someone left or was removed; the group's member count and watermark minima after it (ticks may move). */
export type MemberLeftEvent = { conversationId: string; userId: string } & GroupStats;
export type GroupStats = { memberCount: number; minDeliveredSeq: number; minReadSeq: number };

export type ReceiptEvent = {
  conversationId: string;
  userId: string;
  deliveredSeq: number;
  readSeq: number;
  minDeliveredSeq: number;
  minReadSeq: number;
};

/** Group "message info": who has read / only received one message (watermarks carry no time). */
export type MessageReceipts = { readBy: UserSummary[]; deliveredTo: UserSummary[] };

export type PresenceEvent = { userId: string; online: boolean; lastActiveAt: string | null };

export type ServerToClientEvents = {
  "message:new": (message: MessageDto) => void;
  "message:updated": (message: MessageDto) => void;
  "message:deleted": (event: { conversationId: string; messageId: string; seq: number; forEveryone: boolean; byAdmin: boolean }) => void;
  /** Disappearing messages whose time came: gone from the chat for everyone, without a trace. */
  "messages:expired": (event: { conversationId: string; messageIds: string[] }) => void;
  "receipt:update": (event: ReceiptEvent) => void;
  typing: (event: { conversationId: string; userId: string; isTyping: boolean; recording?: boolean }) => void;
  presence: (event: PresenceEvent) => void;
  /** A conversation appeared for me or changed (rename, membership): refetch or merge. */
  "conversation:updated": (conversation: ConversationSummary) => void;
  /** I am no longer a member (left or removed): stop showing it as writable. */
  "conversation:removed": (event: { conversationId: string }) => void;
  /** I cleared the chat (on any tab): drop its messages up to clearedSeq. */
  "conversation:cleared": (event: { conversationId: string; clearedSeq: number }) => void;
  /** I deleted the chat (on any device): drop it and its history until a new message brings it back. */
  "conversation:hidden": (event: { conversationId: string }) => void;
  /** The conversation no longer exists (an admin deleted the group): drop it and its history. */
  "conversation:deleted": (event: { conversationId: string }) => void;
  "member:joined": (event: { conversationId: string; member: MemberDto }) => void;
  "member:left": (event: MemberLeftEvent) => void;
  "groups:changed": () => void;
  /** The server may have missed broadcasts (Redis reconnected): run a sync now. */
  resync: () => void;
  /** A group's shared details changed (rename, icon, about, archived): patch it everywhere. */
  "conversation:patched": (patch: ConversationPatch) => void;
  /** The chat's pinned messages changed: a chat that shows them fetches them again. */
  "pins:changed": (event: { conversationId: string }) => void;
  /** My stars on messages changed (from another tab). */
  "star:updated": (event: { messageIds: string[]; starred: boolean }) => void;
  /** My own profile or settings changed (from another tab). */
  "profile:updated": (profile: UserSummary) => void;
  /** Someone's public profile changed: refresh their name/avatar where shown. */
  "user:updated": (user: UserSummary) => void;
  /** I blocked or unblocked someone (in another tab): my blocked list follows. */
  "block:changed": (event: { user: UserSummary; blocked: boolean }) => void;
};
