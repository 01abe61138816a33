import { describe, expect, it } from "vitest";
import { newEntry } from "./outbox";
import { chatStore } from "./test-support/chat-store";
import { ANA, ME, conv, msg } from "./test-support/fixtures";

function setup() {
  return chatStore([conv({ lastSeq: 2, readSeq: 2 })]);
}

describe("chat store", () => {
  it("message:new before the ack: one bubble, outbox settled", () => {
    const store = setup();
    const s = store.getState();
    s.pageLoaded("c1", { messages: [msg(1), msg(2)], nextBefore: null }, "latest");
    s.enqueue(newEntry({ clientId: "k1", conversationId: "c1", senderId: ME, text: "yo" }, new Date()));
    const stored = msg(3, { senderId: ME, clientId: "k1", text: "yo" });
    store.getState().receiveMessages("c1", [stored]); // message:new
    store.getState().receiveMessages("c1", [stored]); // the ack
    const state = store.getState();
    expect(state.messages.c1!.items.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(state.outbox).toEqual([]);
    expect(state.messages.c1!.syncedSeq).toBe(3);
    expect(state.conversations.c1).toMatchObject({ lastSeq: 3, readSeq: 3, unreadCount: 0 });
  });

  it("tracks the contiguous cursor and spots gaps", () => {
    const store = setup();
    store.getState().pageLoaded("c1", { messages: [msg(1), msg(2)], nextBefore: null }, "latest");
    store.getState().receiveMessages("c1", [msg(4)]);
    expect(store.getState().messages.c1!.syncedSeq).toBe(2);
    expect(store.getState().conversations.c1!.unreadCount).toBe(1);
    // 3 comes late (sends stored together are published as each is read back): it counts too.
    store.getState().receiveMessages("c1", [msg(3)]);
    expect(store.getState().messages.c1!.syncedSeq).toBe(4);
    expect(store.getState().conversations.c1!.unreadCount).toBe(2);
  });

  it("a chat first opened after an old message of it changed shows no hole above that message", () => {
    const store = chatStore([conv({ lastSeq: 200, readSeq: 100, unreadCount: 100 })]);
    const page = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => msg(from + i, { senderId: ANA }));
    // Someone reacts to message 3 while the chat is not open here: its update arrives.
    store.getState().receiveMessages("c1", [msg(3, { senderId: ANA, reactions: [{ emoji: "👍", userIds: [ANA] }] })]);
    store.getState().pageLoaded("c1", { messages: page(151, 200), nextBefore: 151 }, "latest");
    const loaded = () => store.getState().messages.c1!.items.map((m) => m.seq);
    // The list starts at the page, so the unread divider's "load older" (first item above the
    // first unread) asks for 101–150 instead of showing 3 right above 151.
    expect(loaded()[0]).toBe(151);
    expect(loaded()).toHaveLength(50);
    store.getState().pageLoaded("c1", { messages: page(101, 150), nextBefore: 101 }, "older");
    expect(loaded()).toEqual(page(101, 200).map((m) => m.seq));
    expect(store.getState().conversations.c1).toMatchObject({ lastSeq: 200, unreadCount: 100 });
  });

  it("a late message counts once, in an unopened chat too, and the server's count settles what is awaited", () => {
    const store = setup();
    store.getState().receiveMessages("c1", [msg(6, { senderId: ANA })]);
    store.getState().receiveMessages("c1", [msg(4, { senderId: ANA })]);
    store.getState().receiveMessages("c1", [msg(4, { senderId: ANA })]);
    expect(store.getState().conversations.c1).toMatchObject({ lastSeq: 6, unreadCount: 2 });
    // A notice and my own message fill their seqs without counting.
    store.getState().receiveMessages("c1", [msg(3, { type: "SYSTEM", text: null, system: { kind: "joined", actorName: "Ben" } }), msg(5, { senderId: ME })]);
    expect(store.getState().conversations.c1).toMatchObject({ readSeq: 5, unreadCount: 1 });

    // The server's summary at or past lastSeq already counts whatever was still on its way.
    store.getState().receiveMessages("c1", [msg(9, { senderId: ANA })]);
    store.getState().upsertConversation(conv({ lastSeq: 9, readSeq: 5, unreadCount: 3 }));
    store.getState().receiveMessages("c1", [msg(8, { senderId: ANA })]);
    expect(store.getState().conversations.c1).toMatchObject({ lastSeq: 9, unreadCount: 3 });
  });

  it("a read part of the way counts what is left among the loaded messages", () => {
    const store = setup();
    store.getState().pageLoaded("c1", { messages: [msg(1), msg(2)], nextBefore: null }, "latest");
    const notice = msg(4, { type: "SYSTEM", text: null, system: { kind: "joined", actorName: "Ben" } });
    store.getState().receiveMessages("c1", [msg(3), notice, msg(5)]);
    expect(store.getState().conversations.c1!.unreadCount).toBe(2);
    store.getState().markReadLocal("c1", 3);
    expect(store.getState().conversations.c1).toMatchObject({ readSeq: 3, unreadCount: 1 });
  });

  it("older pages extend backwards and keep the cursor", () => {
    const store = setup();
    store.getState().pageLoaded("c1", { messages: [msg(51), msg(52)], nextBefore: 51 }, "latest");
    store.getState().pageLoaded("c1", { messages: [msg(49), msg(50)], nextBefore: 49 }, "older");
    const m = store.getState().messages.c1!;
    expect(m.items.map((x) => x.seq)).toEqual([49, 50, 51, 52]);
    expect(m.nextBefore).toBe(49);
    expect(m.syncedSeq).toBe(52);
  });

  it("sync merges missed messages and summaries and moves the cursor", () => {
    const store = setup();
    store.getState().pageLoaded("c1", { messages: [msg(1), msg(2)], nextBefore: null }, "latest");
    store.getState().applySync(
      {
        conversations: [conv({ lastSeq: 4, readSeq: 2, unreadCount: 2, title: "Ana (renamed)" })],
        missed: { c1: [msg(3), msg(4)] },
        truncated: [],
        removed: [],
        gone: [],
        hidden: [],
      },
      { c1: 2 },
    );
    const s = store.getState();
    expect(s.messages.c1!.items.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(s.messages.c1!.syncedSeq).toBe(4);
    expect(s.conversations.c1).toMatchObject({ title: "Ana (renamed)", unreadCount: 2 });
  });

  it("a truncated conversation is reset to its latest page", () => {
    const store = setup();
    store.getState().pageLoaded("c1", { messages: [msg(1), msg(2)], nextBefore: null }, "latest");
    store.getState().pageLoaded("c1", { messages: [msg(300), msg(301)], nextBefore: 300 }, "reset");
    const m = store.getState().messages.c1!;
    expect(m.items.map((x) => x.seq)).toEqual([300, 301]);
    expect(m.nextBefore).toBe(300);
    expect(m.syncedSeq).toBe(301);
  });

  it("a reset keeps what arrived live while its page loaded, and drops what the server no longer has", () => {
    const store = setup();
    store.getState().pageLoaded("c1", { messages: [msg(1), msg(2), msg(3)], nextBefore: null }, "latest");
    // Asked for with 1–3 held; 4 arrives live meanwhile. The page: 2 and 3 disappeared.
    store.getState().receiveMessages("c1", [msg(4)]);
    store.getState().pageLoaded("c1", { messages: [msg(1)], nextBefore: null }, "reset", 3);
    const m = store.getState().messages.c1!;
    expect(m.items.map((x) => x.seq)).toEqual([1, 4]);
    expect(m.syncedSeq).toBe(4); // 2 and 3 are known to be gone: nothing to sync for them

    // Everything disappeared (an empty page): only the live message is left.
    store.getState().receiveMessages("c1", [msg(5)]);
    store.getState().pageLoaded("c1", { messages: [], nextBefore: null }, "reset", 4);
    expect(store.getState().messages.c1!.items.map((x) => x.seq)).toEqual([5]);
    expect(store.getState().messages.c1!.syncedSeq).toBe(5);
  });

  it("receipts: mine clears unread, anyone's moves the ticks", () => {
    const store = setup();
    store.getState().receiveMessages("c1", [msg(3), msg(4)]);
    expect(store.getState().conversations.c1!.unreadCount).toBe(2);
    store.getState().applyReceipt({ conversationId: "c1", userId: ME, deliveredSeq: 4, readSeq: 4, minDeliveredSeq: 2, minReadSeq: 2 });
    expect(store.getState().conversations.c1).toMatchObject({ unreadCount: 0, minDeliveredSeq: 2 });
    store.getState().applyReceipt({ conversationId: "c1", userId: ANA, deliveredSeq: 4, readSeq: 4, minDeliveredSeq: 4, minReadSeq: 4 });
    expect(store.getState().conversations.c1).toMatchObject({ minDeliveredSeq: 4, minReadSeq: 4 });
  });

  it("deletions: for everyone keeps a tombstone, for me removes", () => {
    const store = setup();
    store.getState().pageLoaded("c1", { messages: [msg(1), msg(2)], nextBefore: null }, "latest");
    store.getState().messageDeleted({ conversationId: "c1", messageId: "m2", forEveryone: true, byAdmin: false });
    expect(store.getState().messages.c1!.items[1]).toMatchObject({ id: "m2", text: null });
    expect(store.getState().conversations.c1!.lastMessage).toMatchObject({ id: "m2", text: null });
    store.getState().messageDeleted({ conversationId: "c1", messageId: "m2", forEveryone: false, byAdmin: false });
    expect(store.getState().messages.c1!.items.map((m) => m.id)).toEqual(["m1"]);
    expect(store.getState().conversations.c1!.lastMessage?.id).toBe("m1");
  });

  it("clear chat drops what was cleared, its stars, preview and unread, and keeps what came after", () => {
    const store = chatStore([conv({ lastSeq: 3, readSeq: 1, unreadCount: 2 })]);
    const s = store.getState();
    s.pageLoaded("c1", { messages: [msg(2), msg(3)], nextBefore: 2 }, "latest");
    s.setStarred([msg(2).id]);
    store.getState().receiveMessages("c1", [msg(4)]);
    store.getState().chatCleared("c1", 3);
    const after = store.getState();
    expect(after.messages.c1).toMatchObject({ nextBefore: null });
    expect(after.messages.c1!.items.map((m) => m.seq)).toEqual([4]);
    expect(after.starred).toEqual({});
    expect(after.conversations.c1).toMatchObject({ readSeq: 3, unreadCount: 1, lastMessage: { seq: 4 } });

    store.getState().chatCleared("c1", 4);
    expect(store.getState().conversations.c1).toMatchObject({ unreadCount: 0, lastMessage: null });
    // The server's copy of the row, merged afterwards, does not bring the old preview back.
    store.getState().upsertConversation(conv({ lastSeq: 4, readSeq: 4, lastMessage: null }));
    expect(store.getState().conversations.c1!.lastMessage).toBeNull();
  });

  it("membership: removed on leave, restored on join", () => {
    const store = setup();
    store.getState().memberLeft("c1", ME);
    expect(store.getState().removed.c1).toBe(true);
    store.getState().upsertConversation(conv({ title: "still removed" }));
    expect(store.getState().removed.c1).toBe(true);
    store.getState().restoreMembership("c1");
    expect(store.getState().removed.c1).toBeUndefined();
  });

  it("a sender's member watermarks move up to their own message", () => {
    const store = setup();
    const member = (id: string) => ({ id, name: id, username: id, initials: "X", avatarColor: "#000", avatarUrl: null, role: "MEMBER" as const, readSeq: 1, deliveredSeq: 1, online: false, lastActiveAt: null });
    store.getState().setMembers("c1", [member(ME), member(ANA)]);
    store.getState().receiveMessages("c1", [msg(5)]);
    expect(store.getState().members.c1!.find((m) => m.id === ANA)).toMatchObject({ readSeq: 5, deliveredSeq: 5 });
    expect(store.getState().members.c1!.find((m) => m.id === ME)).toMatchObject({ readSeq: 1 });
  });

  it("members feed the name cache and presence", () => {
    const store = setup();
    store.getState().setMembers("c1", [
      { id: "u-bo", name: "Bo", username: "bo", initials: "B", avatarColor: "#000", avatarUrl: null, role: "MEMBER", readSeq: 0, deliveredSeq: 0, online: true, lastActiveAt: null },
    ]);
    expect(store.getState().users["u-bo"]?.name).toBe("Bo");
    expect(store.getState().presence["u-bo"]?.online).toBe(true);
    store.getState().memberLeft("c1", "u-bo");
    expect(store.getState().members.c1).toEqual([]);
    expect(store.getState().users["u-bo"]?.name).toBe("Bo");
  });
});

describe("archived groups from the server's summaries", () => {
  it("a summary of an archived group makes it read-only, and one of an unarchived group writable again", () => {
    const store = chatStore([]);
    store.getState().mergeConversations([conv({ id: "g1", type: "GROUP", groupArchived: true }), conv({ id: "c2" })]);
    expect(store.getState().archived).toEqual({ g1: true });

    store.getState().upsertConversation(conv({ id: "g1", type: "GROUP", groupArchived: false }));
    expect(store.getState().archived).toEqual({});
  });
});

describe("deleting a group I left", () => {
  it("takes it and its messages and draft out of this browser, but only once I'm no longer a member", () => {
    const store = chatStore([conv({ id: "g1", type: "GROUP", peer: null, title: "Book club", lastSeq: 1 }), conv({ lastSeq: 1 })]);
    store.getState().pageLoaded("g1", { messages: [msg(1, { conversationId: "g1" })], nextBefore: null }, "latest");
    store.getState().setDraft("g1", "see you");

    store.getState().forgetConversation("g1");
    expect(store.getState().conversations.g1).toBeDefined(); // still a member: nothing happens

    store.getState().markRemoved("g1");
    store.getState().forgetConversation("g1");
    const s = store.getState();
    expect(s.conversations.g1).toBeUndefined();
    expect(s.messages.g1).toBeUndefined();
    expect(s.drafts.g1).toBeUndefined();
    expect(s.removed.g1).toBeUndefined();
    expect(s.deletedGroups.g1).toBeUndefined(); // no "this group was deleted" notice: I deleted it
    expect(Object.keys(s.conversations)).toEqual(["c1"]);
  });
});

describe("deleting a direct chat", () => {
  it("takes it, its messages, my stars on them and its draft out of this browser, and closes it", () => {
    const store = chatStore([conv({ lastSeq: 2 }), conv({ id: "c2", lastSeq: 1 })]);
    store.getState().pageLoaded("c1", { messages: [msg(1), msg(2)], nextBefore: null }, "latest");
    const starredThere = store.getState().messages.c1!.items[0]!.id!;
    store.getState().setStar(starredThere, true);
    store.getState().setStar("elsewhere", true);
    store.getState().setDraft("c1", "unsent words");
    store.getState().setActive("c1");

    store.getState().chatHidden("c1");
    const s = store.getState();
    expect(Object.keys(s.conversations)).toEqual(["c2"]);
    expect(s.messages.c1).toBeUndefined();
    expect(s.drafts.c1).toBeUndefined();
    expect(s.starred).toEqual({ elsewhere: true });
    expect(s.activeId).toBeNull();
  });

  it("done on another device while this tab was away: the sync takes it out, but a message still waiting here is sent", () => {
    const store = chatStore([conv({ lastSeq: 2 }), conv({ id: "c2", lastSeq: 1 })]);
    store.getState().pageLoaded("c1", { messages: [msg(1), msg(2)], nextBefore: null }, "latest");
    store.getState().setActive("c1");
    store.getState().enqueue(newEntry({ clientId: "k9", conversationId: "c1", senderId: ME, text: "written offline" }, new Date()));

    const deletedAt = "2026-11-24T01:00:00.000Z";
    store.getState().applySync(
      { conversations: [conv({ id: "c2", lastSeq: 1 })], missed: {}, truncated: [], removed: [], gone: [], hidden: [{ conversationId: "c1", chatDeletedAt: deletedAt }] },
      { c1: 2 },
    );
    const s = store.getState();
    expect(Object.keys(s.conversations)).toEqual(["c2"]);
    expect(s.messages.c1).toBeUndefined();
    expect(s.activeId).toBeNull();
    expect(s.outbox.map((e) => e.clientId)).toEqual(["k9"]);
  });

  it("opened again after the deletion, it stays open when a sync reports that same deletion", () => {
    const deletedAt = "2026-11-24T01:00:00.000Z";
    const store = chatStore([conv({ lastSeq: 2, clearedSeq: 2, chatDeletedAt: deletedAt })]);
    store.getState().setActive("c1");
    store.getState().applySync({ conversations: [], missed: {}, truncated: [], removed: [], gone: [], hidden: [{ conversationId: "c1", chatDeletedAt: deletedAt }] }, {});
    expect(store.getState().conversations.c1).toBeDefined();
    expect(store.getState().activeId).toBe("c1");
  });
});

describe("a chat cleared on another device while this tab was away", () => {
  it("a newer clear mark in the server's row drops what it cleared, once", () => {
    const store = chatStore([conv({ lastSeq: 3, readSeq: 1, unreadCount: 2 })]);
    store.getState().pageLoaded("c1", { messages: [msg(1), msg(2), msg(3)], nextBefore: null }, "latest");
    store.getState().setStarred([msg(2).id]);
    store.getState().applySync(
      { conversations: [conv({ lastSeq: 4, readSeq: 3, unreadCount: 1, clearedSeq: 3 })], missed: { c1: [msg(4)] }, truncated: [], removed: [], gone: [], hidden: [] },
      { c1: 3 },
    );
    const s = store.getState();
    expect(s.messages.c1!.items.map((m) => m.seq)).toEqual([4]);
    expect(s.starred).toEqual({});
    expect(s.conversations.c1).toMatchObject({ clearedSeq: 3, unreadCount: 1 });

    // The same mark again (any later copy of the row) leaves what came after alone.
    store.getState().upsertConversation(conv({ lastSeq: 4, readSeq: 3, unreadCount: 1, clearedSeq: 3 }));
    expect(store.getState().messages.c1!.items.map((m) => m.seq)).toEqual([4]);
    // An older copy of the row, read before the clear, does not take the mark back.
    store.getState().upsertConversation(conv({ lastSeq: 4, readSeq: 3, unreadCount: 1, clearedSeq: 0 }));
    expect(store.getState().conversations.c1!.clearedSeq).toBe(3);
  });
});
