import { describe, expect, it } from "vitest";
import {
  applyDeletion,
  applyMessage,
  applyRead,
  applyReceipt,
  matchesQuery,
  mergeSummary,
  messagePreview,
  sortConversations,
  toLastMessage,
} from "./conversations";
import { ANA, ME, conv, msg } from "./test-support/fixtures";
import { unreadAfter } from "./unread";

const ME_USER = { id: ME, username: "me_here" };

describe("sortConversations", () => {
  it("puts pinned first, then latest activity, pending sends included", () => {
    const a = conv({ id: "a", title: "A", lastMessageAt: "2025-03-10T10:00:00.000Z" });
    const b = conv({ id: "b", title: "B", lastMessageAt: "2025-03-10T11:00:00.000Z" });
    const p = conv({ id: "p", title: "P", isPinned: true, lastMessageAt: "2025-01-01T00:00:00.000Z" });
    const n = conv({ id: "n", title: "N", lastMessageAt: null });
    expect(sortConversations([a, n, b, p]).map((c) => c.id)).toEqual(["p", "b", "a", "n"]);
    expect(sortConversations([a, b], { a: "2025-03-10T12:00:00.000Z" }).map((c) => c.id)).toEqual(["a", "b"]);
  });
});

describe("applyMessage", () => {
  it("counts a message from someone else as unread and updates the preview", () => {
    const c = applyMessage(conv({ lastSeq: 2, readSeq: 2 }), msg(3), ME_USER, "Ana Lima");
    expect(c).toMatchObject({ lastSeq: 3, readSeq: 2, unreadCount: 1 });
    expect(c.lastMessage).toMatchObject({ id: "m3", senderName: "Ana Lima", text: "hello 3" });
  });

  it("my own message moves my read watermark", () => {
    const c = applyMessage(conv({ lastSeq: 4, readSeq: 2, unreadCount: 2 }), msg(5, { senderId: ME }), ME_USER, "Me");
    expect(c).toMatchObject({ lastSeq: 5, readSeq: 5, unreadCount: 0 });
  });

  it("remembers the newest unread message that @mentions me in a group, until I read past it", () => {
    const group = conv({ type: "GROUP", lastSeq: 2, readSeq: 2 });
    const mentioned = applyMessage(group, msg(3, { text: "ask @me_here about it" }), ME_USER, "Ana");
    expect(mentioned.mentionSeq).toBe(3);
    // Someone else, an e-mail address, a longer username, or a direct chat: no mention of me.
    for (const text of ["@ana_lima look", "write to x@me_here", "@me_here2 hi"]) {
      expect(applyMessage(group, msg(3, { text }), ME_USER, "Ana").mentionSeq, text).toBe(0);
    }
    expect(applyMessage(conv({ lastSeq: 2, readSeq: 2 }), msg(3, { text: "@me_here" }), ME_USER, "Ana").mentionSeq).toBe(0);
    // A later message keeps it; reading past it leaves it below readSeq, where the list shows no "@".
    const later = applyMessage(mentioned, msg(4, { text: "and lunch?" }), ME_USER, "Ana");
    expect(later.mentionSeq).toBe(3);
    expect(applyRead(later, 4).readSeq).toBeGreaterThan(later.mentionSeq);
    // A summary from the server that knew nothing of it yet does not take it away.
    expect(mergeSummary(later, { ...group, lastSeq: 2 }, () => 2).mentionSeq).toBe(3);
  });

  it("an older message does not replace the preview", () => {
    const base = applyMessage(conv(), msg(5), ME_USER, "Ana");
    const c = applyMessage(base, msg(3), ME_USER, "Ana");
    expect(c.lastMessage?.id).toBe("m5");
    expect(c.lastSeq).toBe(5);
  });
});

describe("receipts and reads", () => {
  const ev = { conversationId: "c1", deliveredSeq: 9, readSeq: 8, minDeliveredSeq: 7, minReadSeq: 6 };
  it("moves the min watermarks forward only", () => {
    const c = applyReceipt(conv({ lastSeq: 9, minDeliveredSeq: 8, minReadSeq: 1 }), { ...ev, userId: ANA }, ME);
    expect(c).toMatchObject({ minDeliveredSeq: 8, minReadSeq: 6 });
  });
  it("a receipt for me (another tab) clears my unread count", () => {
    const c = applyReceipt(conv({ lastSeq: 9, readSeq: 3, unreadCount: 6 }), { ...ev, userId: ME, readSeq: 9 }, ME);
    expect(c).toMatchObject({ readSeq: 9, unreadCount: 0 });
  });
  it("returns the same object when nothing moved", () => {
    const base = conv({ minDeliveredSeq: 9, minReadSeq: 9 });
    expect(applyReceipt(base, { ...ev, userId: ANA }, ME)).toBe(base);
  });
  it("applyRead is optimistic and monotonic", () => {
    const base = conv({ lastSeq: 5, readSeq: 2, unreadCount: 3 });
    expect(applyRead(base, 5)).toMatchObject({ readSeq: 5, unreadCount: 0 });
    expect(applyRead(base, 1)).toBe(base);
  });
  it("a read short of the end leaves what the loaded messages say, or at most what lies after it", () => {
    // Seqs 3–9 hold 4 messages that count (notices and mine don't).
    const base = conv({ lastSeq: 9, readSeq: 2, unreadCount: 4 });
    expect(applyRead(base, 7, 1)).toMatchObject({ readSeq: 7, unreadCount: 1 });
    expect(applyRead(base, 7)).toMatchObject({ readSeq: 7, unreadCount: 2 });
    expect(applyRead(base, 4)).toMatchObject({ readSeq: 4, unreadCount: 4 });
  });
});

describe("mergeSummary", () => {
  it("never moves watermarks or the preview backwards", () => {
    const local = applyMessage(conv({ lastSeq: 4, readSeq: 4, minReadSeq: 4 }), msg(5), ME_USER, "Ana");
    const stale = conv({ lastSeq: 4, readSeq: 3, minReadSeq: 2, title: "Ana L.", unreadCount: 1 });
    // This tab holds message 5 (Ana's), after the stale summary's lastSeq.
    const merged = mergeSummary(local, stale, (seq) => unreadAfter([msg(5)], seq, ME));
    expect(merged).toMatchObject({ title: "Ana L.", lastSeq: 5, readSeq: 4, minReadSeq: 4, unreadCount: 1 });
    expect(merged.lastMessage?.id).toBe("m5");
  });
  it("takes the server's unread count unless this browser has seen newer messages", () => {
    const local = conv({ lastSeq: 6, readSeq: 2, unreadCount: 4 });
    // This tab holds message 6 (Ana's).
    const held = (seq: number) => unreadAfter([msg(6)], seq, ME);
    // Two of them expired, or were notices: the server counts what is there.
    expect(mergeSummary(local, conv({ lastSeq: 6, readSeq: 2, unreadCount: 2 }), held).unreadCount).toBe(2);
    // A stale summary from before message 6: the message held here counts on top of it.
    expect(mergeSummary(local, conv({ lastSeq: 5, readSeq: 2, unreadCount: 3 }), held).unreadCount).toBe(4);
    // Read here meanwhile up to the end: nothing is unread whatever the stale summary says.
    expect(mergeSummary(applyRead(local, 6), conv({ lastSeq: 6, readSeq: 2, unreadCount: 4 }), held).unreadCount).toBe(0);
  });
  it("a summary as new as mine decides the preview: what disappeared or was hidden meanwhile goes", () => {
    const local = applyMessage(conv({ lastSeq: 4, readSeq: 4 }), msg(5), ME_USER, "Ana");
    const previous = toLastMessage(msg(3), "Ana");
    const server = conv({ lastSeq: 5, readSeq: 4, lastMessage: previous, lastMessageAt: previous.createdAt, unreadCount: 0 });
    expect(mergeSummary(local, server, () => 0)).toMatchObject({ lastSeq: 5, lastMessage: { id: "m3" }, lastMessageAt: previous.createdAt, unreadCount: 0 });
  });
  it("inserts when unknown", () => {
    const c = conv();
    expect(mergeSummary(undefined, c, () => 0)).toBe(c);
  });
});

describe("applyDeletion", () => {
  const withLast = applyMessage(conv(), msg(2), ME_USER, "Ana");
  it("for everyone: the preview says so, and whether an admin did it", () => {
    const c = applyDeletion(withLast, { messageId: "m2", forEveryone: true, byAdmin: false }, "2025-03-10T12:00:00.000Z", null);
    expect(c.lastMessage).toMatchObject({ id: "m2", text: null, deletedAt: "2025-03-10T12:00:00.000Z", deletedByAdmin: false });
    const moderated = applyDeletion(withLast, { messageId: "m2", forEveryone: true, byAdmin: true }, "2025-03-10T12:00:00.000Z", null);
    expect(messagePreview(moderated.lastMessage!, true)).toBe("This message was deleted by an admin");
  });
  it("for me: falls back to the previous message", () => {
    const prev = { ...withLast.lastMessage!, id: "m1", seq: 1, text: "earlier" };
    const c = applyDeletion(withLast, { messageId: "m2", forEveryone: false, byAdmin: false }, "x", prev);
    expect(c.lastMessage?.text).toBe("earlier");
  });
  it("ignores other messages", () => {
    expect(applyDeletion(withLast, { messageId: "m1", forEveryone: true, byAdmin: false }, "x", null)).toBe(withLast);
  });
});

describe("previews and search", () => {
  it("previews", () => {
    const shown = { deletedAt: null, deletedByAdmin: false };
    const deleted = { text: null, deletedAt: "x", deletedByAdmin: false };
    expect(messagePreview({ type: "TEXT", text: "hi\n\nthere  you", ...shown }, false)).toBe("hi there you");
    // Formatting shows as words, without its markers.
    expect(messagePreview({ type: "TEXT", text: "*Meet* at _10_", ...shown }, false)).toBe("Meet at 10");
    expect(messagePreview({ type: "IMAGE", text: "~old~ photo", ...shown }, false)).toBe("📷 old photo");
    expect(messagePreview({ type: "TEXT", ...deleted }, false)).toBe("This message was deleted");
    expect(messagePreview({ type: "TEXT", ...deleted }, true)).toBe("You deleted this message");
    // Moderation: its sender did not delete it.
    expect(messagePreview({ type: "TEXT", ...deleted, deletedByAdmin: true }, true)).toBe("This message was deleted by an admin");
    expect(messagePreview({ type: "TEXT", ...deleted, deletedByAdmin: true }, false)).toBe("This message was deleted by an admin");
    expect(messagePreview({ type: "IMAGE", text: null, ...shown }, false)).toBe("📷 Photo");
  });
  it("search matches the title or the peer's @username", () => {
    const c = conv();
    expect(matchesQuery(c, "ana")).toBe(true);
    expect(matchesQuery(c, "@ana")).toBe(true);
    expect(matchesQuery(c, "bob")).toBe(false);
    expect(matchesQuery(c, "  ")).toBe(true);
  });
});
