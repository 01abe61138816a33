import type { ConversationSummary, MessageDto } from "@/lib/realtime/contract";

export const ME = "u-me";
export const ANA = "u-ana";

export function msg(seq: number, over: Partial<MessageDto> = {}): MessageDto {
  return {
    id: `m${seq}`,
    conversationId: "c1",
    seq,
    senderId: ANA,
    clientId: `cid-${seq}`,
    type: "TEXT",
    text: `hello ${seq}`,
    createdAt: new Date(2025, 2, 10, 12, seq % 60).toISOString(),
    editedAt: null,
    deletedAt: null,
    deletedByAdmin: false,
    withheld: false,
    replyTo: null,
    forwarded: false,
    forwardedManyTimes: false,
    attachments: [],
    reactions: [],
    location: null,
    system: null,
    poll: null,
    contact: null,
    linkPreview: null,
    version: 0,
    ...over,
  };
}

export function conv(over: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: "c1",
    type: "DIRECT",
    title: "Ana",
    icon: null,
    iconBg: "#888",
    about: "",
    visibility: "PRIVATE",
    peer: { id: ANA, name: "Ana Lima", username: "ana", initials: "AL", avatarColor: "#f06292", avatarUrl: null },
    lastSeq: 0,
    lastMessageAt: null,
    lastMessage: null,
    unreadCount: 0,
    mentionSeq: 0,
    readSeq: 0,
    isPinned: false,
    isMuted: false,
    mutedUntil: null,
    isArchived: false,
    markedUnread: false,
    isFavourite: false,
    onlyAdminsSend: false,
    messageTimerSec: null,
    groupArchived: false,
    memberCount: 2,
    minDeliveredSeq: 0,
    minReadSeq: 0,
    readReceipts: true,
    clearedSeq: 0,
    chatDeletedAt: null,
    ...over,
  };
}

export const meUser = {
  id: ME,
  name: "Me Myself",
  username: "me",
  email: "me@example.com",
  initials: "MM",
  avatarColor: "#4caf50",
  avatarUrl: null,
};
