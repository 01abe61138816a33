import { describe, expect, it } from "vitest";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { chatsToChime } from "./sound";
import { ANA, ME, conv } from "./test-support/fixtures";

const last = (seq: number, over: Partial<NonNullable<ConversationSummary["lastMessage"]>> = {}) => ({
  id: `m${seq}`,
  seq,
  senderId: ANA,
  type: "TEXT" as const,
  text: "hi",
  createdAt: new Date().toISOString(),
  deletedAt: null,
  deletedByAdmin: false,
  withheld: false,
  system: null,
  senderName: "Ana",
  ...over,
});

const NOW = Date.parse("2026-11-23T12:00:00Z");
const opts = { meId: ME, meUsername: "me_user", activeId: null, visible: true, now: NOW };

describe("chatsToChime", () => {
  const before = { c1: conv({ lastMessage: last(1) }) };

  it("rings for a new message from someone else", () => {
    expect(chatsToChime(before, { c1: conv({ lastMessage: last(2) }) }, opts)).toEqual(["c1"]);
  });

  it("stays quiet for my own, system, muted, archived or unchanged chats", () => {
    expect(chatsToChime(before, { c1: conv({ lastMessage: last(2, { senderId: ME }) }) }, opts)).toEqual([]);
    expect(chatsToChime(before, { c1: conv({ lastMessage: last(2, { type: "SYSTEM" }) }) }, opts)).toEqual([]);
    expect(chatsToChime(before, { c1: conv({ isMuted: true, lastMessage: last(2) }) }, opts)).toEqual([]);
    // Muted for 8 hours from 11:00: quiet at noon, ringing again after 19:00.
    const mutedFor8h = { c1: conv({ isMuted: true, mutedUntil: "2026-11-23T19:00:00Z", lastMessage: last(2) }) };
    expect(chatsToChime(before, mutedFor8h, opts)).toEqual([]);
    expect(chatsToChime(before, mutedFor8h, { ...opts, now: Date.parse("2026-11-23T19:00:01Z") })).toEqual(["c1"]);
    expect(chatsToChime(before, { c1: conv({ isArchived: true, lastMessage: last(2) }) }, opts)).toEqual([]);
    expect(chatsToChime(before, { c1: conv({ lastMessage: last(1), unreadCount: 3 }) }, opts)).toEqual([]);
    expect(chatsToChime(before, before, opts)).toEqual([]);
  });

  it("a muted group still rings for a message that @mentions me", () => {
    const muted = (text: string, type: "GROUP" | "DIRECT" = "GROUP") => ({ c1: conv({ type, isMuted: true, lastMessage: last(2, { text }) }) });
    expect(chatsToChime(before, muted("ping @me_user"), opts)).toEqual(["c1"]);
    expect(chatsToChime(before, muted("ping @me_user_2"), opts)).toEqual([]);
    expect(chatsToChime(before, muted("ping @me_user", "DIRECT"), opts)).toEqual([]);
  });

  it("the open chat rings only while the tab is hidden", () => {
    const next = { c1: conv({ lastMessage: last(2) }) };
    expect(chatsToChime(before, next, { ...opts, activeId: "c1" })).toEqual([]);
    expect(chatsToChime(before, next, { ...opts, activeId: "c1", visible: false })).toEqual(["c1"]);
  });

  it("a chat that just appeared rings when it brings unread messages", () => {
    expect(chatsToChime({}, { c1: conv({ lastMessage: last(2), unreadCount: 1 }) }, opts)).toEqual(["c1"]);
    expect(chatsToChime({}, { c1: conv({ lastMessage: last(2), unreadCount: 0 }) }, opts)).toEqual([]);
  });
});
