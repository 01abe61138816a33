import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { api as httpApi, type Api } from "./api";
import type { Timers } from "./batcher";
import type { MessageApi } from "./message-api";
import { toLastMessage } from "./conversations";
import { loadDrafts } from "./drafts";
import { loadOutbox } from "./outbox";
import { createRealtimeClient } from "./realtime";
import { fromDto, fromOutbox } from "./rows";
import { chatStore } from "./test-support/chat-store";
import { FakeSocket, emptySyncReply } from "./test-support/fake-socket";
import { ANA, ME, conv, meUser, msg } from "./test-support/fixtures";

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
  const store = chatStore([conv({ lastSeq: 2, readSeq: 2 })]);
  const socket = new FakeSocket({
    sync: emptySyncReply,
    "messages:list": () => ({ ok: true, messages: [msg(1), msg(2)], nextBefore: null }),
    "receipt:read": () => ({ ok: true }),
    "receipt:delivered": () => ({ ok: true }),
  });
  let t = 100_000;
  const queued: { fn: () => void; h: number }[] = [];
  let h = 0;
  const timers: Timers = {
    set: (fn) => {
      queued.push({ fn, h: ++h });
      return h;
    },
    clear: (handle) => {
      const i = queued.findIndex((q) => q.h === handle);
      if (i >= 0) queued.splice(i, 1);
    },
  };
  const messageApi = { page: vi.fn(async () => ({ messages: [msg(1), msg(2)], nextBefore: null })) } as unknown as MessageApi;
  const api = {
    conversation: vi.fn(async () => ({ conversation: conv({ id: "c2" }), members: [] })),
    markRead: vi.fn(async () => ({})),
  } as unknown as Api;
  let ids = 0;
  const client = createRealtimeClient({
    store,
    api,
    createSocket: () => socket.asSocket(),
    messageApi,
    now: () => t,
    timers,
    randomId: () => `k${++ids}`,
  });
  const runTimers = () => {
    for (const q of queued.splice(0)) q.fn();
  };
  // start() connects on the next tick (timer): run it so tests begin connected.
  const start = client.start;
  client.start = () => {
    start();
    runTimers();
  };
  return {
    store,
    socket,
    client,
    api,
    runTimers,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("realtime client", () => {
  it("sends with a pending bubble, then replaces it with the stored message on ack", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    await client.loadLatest("c1");
    let release!: (v: unknown) => void;
    socket.replies.set("message:send", () => new Promise((r) => (release = r)));
    client.send("c1", "  hi there  ");
    expect(store.getState().outbox).toHaveLength(1);
    expect(store.getState().outbox[0]).toMatchObject({ clientId: "k1", text: "hi there" });
    expect(socket.sent("message:send")).toEqual([{ conversationId: "c1", clientId: "k1", text: "hi there" }]);
    release({ ok: true, message: msg(3, { senderId: ME, clientId: "k1", text: "hi there" }) });
    await flush();
    expect(store.getState().outbox).toEqual([]);
    expect(store.getState().messages.c1!.items.map((m) => m.seq)).toEqual([1, 2, 3]);
    client.stop();
  });

  it("sends a conversation's messages one after another, in order", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    const releases: ((v: unknown) => void)[] = [];
    socket.replies.set("message:send", () => new Promise((r) => releases.push(r)));
    client.send("c1", "one");
    client.send("c1", "two");
    expect((socket.sent("message:send") as { text: string }[]).map((m) => m.text)).toEqual(["one"]);
    releases[0]!({ ok: true, message: msg(3, { senderId: ME, clientId: "k1", text: "one" }) });
    await flush();
    expect((socket.sent("message:send") as { text: string }[]).map((m) => m.text)).toEqual(["one", "two"]);
    releases[1]!({ ok: true, message: msg(4, { senderId: ME, clientId: "k2", text: "two" }) });
    await flush();
    expect(store.getState().outbox).toEqual([]);
  });

  it("retries an unacked send after the timeout with the same clientId", async () => {
    const { store, socket, client, advance } = setup();
    client.start();
    await flush();
    socket.replies.set("message:send", () => "never");
    client.send("c1", "hello");
    await flush();
    expect(socket.sent("message:send")).toHaveLength(1);
    advance(8_001);
    socket.replies.set("message:send", () => ({ ok: true, message: msg(3, { senderId: ME, clientId: "k1", text: "hello" }) }));
    vi.advanceTimersByTime(1_000);
    await flush();
    const sends = socket.sent("message:send") as { clientId: string; retry?: boolean }[];
    expect(sends).toHaveLength(2);
    expect(sends[1]!.clientId).toBe("k1");
    // Only the second says it may have been stored before.
    expect(sends.map((s) => s.retry)).toEqual([undefined, true]);
    expect(store.getState().outbox).toEqual([]);
    client.stop();
  });

  it("a retry answered GONE (stored the first time, disappeared since) leaves the outbox without a failure, and the next goes", async () => {
    const { store, socket, client, advance } = setup();
    client.start();
    await flush();
    socket.replies.set("message:send", () => "never");
    client.send("c1", "gone by now");
    client.send("c1", "next");
    await flush();
    advance(8_001);
    socket.replies.set("message:send", (input) =>
      (input as { retry?: boolean }).retry
        ? { ok: false, error: { code: "GONE", message: "This message was sent and has since disappeared" } }
        : { ok: true, message: msg(4, { senderId: ME, clientId: "k2", text: "next" }) },
    );
    vi.advanceTimersByTime(1_000);
    await flush();
    expect((socket.sent("message:send") as { text: string }[]).map((s) => s.text)).toEqual(["gone by now", "gone by now", "next"]);
    expect(store.getState().outbox).toEqual([]);
    expect(store.getState().messages.c1?.items.map((m) => m.text)).toEqual(["next"]);
    client.stop();
  });

  it("marks a refused message failed instead of retrying it", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    socket.replies.set("message:send", () => ({ ok: false, error: { code: "BAD_REQUEST", message: "Too long" } }));
    client.send("c1", "x");
    await flush();
    expect(store.getState().outbox[0]!.failed).toBe("Too long");
  });

  it("queues while offline; after reconnect syncs first, then resends", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    await client.loadLatest("c1");
    socket.disconnect();
    client.send("c1", "offline msg");
    expect(socket.sent("message:send")).toHaveLength(0);
    expect(store.getState().connection).toBe("reconnecting");

    socket.replies.set("sync", (input) => {
      expect(input).toEqual({ cursors: { c1: 2 }, listed: ["c1"] });
      return { ok: true, conversations: [conv({ lastSeq: 3, readSeq: 2, unreadCount: 1 })], missed: { c1: [msg(3)] }, truncated: [], removed: [], gone: [], hidden: [] };
    });
    socket.replies.set("message:send", () => ({ ok: true, message: msg(4, { senderId: ME, clientId: "k1", text: "offline msg" }) }));
    socket.connect();
    await flush();
    await flush();
    const order = socket.emitted.map((e) => e.event).filter((e) => e === "sync" || e === "message:send");
    expect(order.slice(-2)).toEqual(["sync", "message:send"]);
    expect(store.getState().messages.c1!.items.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(store.getState().outbox).toEqual([]);
    expect(store.getState().connection).toBe("connected");
  });

  it("a chat deleted on another device while away leaves on reconnect; what was queued for it is still sent and brings it back", async () => {
    const { store, socket, client, api } = setup();
    client.start();
    await flush();
    await client.loadLatest("c1");
    socket.disconnect();
    client.send("c1", "sent from the train");

    socket.replies.set("sync", () => ({ ...emptySyncReply(), hidden: [{ conversationId: "c1", chatDeletedAt: "2026-11-24T01:00:00.000Z" }] }));
    const sent = msg(3, { senderId: ME, clientId: "k1", text: "sent from the train" });
    socket.replies.set("message:send", () => ({ ok: true, message: sent }));
    socket.connect();
    await flush();
    await flush();
    expect(socket.emitted.map((e) => e.event).filter((e) => e === "sync" || e === "message:send").slice(-2)).toEqual(["sync", "message:send"]);
    expect(store.getState().outbox).toEqual([]);

    // Its broadcast lists the chat again, read afresh from the server.
    vi.mocked(api.conversation).mockResolvedValueOnce({ conversation: conv({ lastSeq: 3, clearedSeq: 2, chatDeletedAt: "2026-11-24T01:00:00.000Z" }), members: [] });
    socket.fire("message:new", sent);
    await flush();
    expect(api.conversation).toHaveBeenCalledWith("c1");
    expect(store.getState().conversations.c1).toMatchObject({ lastSeq: 3 });
    expect(store.getState().messages.c1!.items.map((m) => m.text)).toEqual(["sent from the train"]);
  });

  it("deleting picked messages: one still waiting just leaves the outbox, the stored ones go in one request", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    await client.loadLatest("c1");
    socket.disconnect();
    client.send("c1", "never mind");
    socket.connect();
    socket.replies.set("message:send", () => new Promise(() => undefined));
    const waiting = fromOutbox(store.getState().outbox[0]!);
    socket.replies.set("message:delete", (input) => {
      expect(input).toEqual({ messageIds: ["m1", "m2"], for: "me" });
      return { ok: true, deleted: [{ messageId: "m1", byAdmin: false }, { messageId: "m2", byAdmin: false }] };
    });
    await client.deleteMessages([waiting, fromDto(msg(1)), fromDto(msg(2))], "me", "c1");
    expect(socket.sent("message:delete")).toHaveLength(1);
    expect(store.getState().outbox).toEqual([]);
    expect(store.getState().messages.c1!.items).toEqual([]);
  });

  it("connection lost: nobody is shown online any more, while last seen of the others stays", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    store.getState().setPresence([
      { userId: "u-on", online: true, lastActiveAt: "2025-03-10T12:00:00.000Z" },
      { userId: "u-off", online: false, lastActiveAt: "2025-03-09T08:00:00.000Z" },
    ]);
    socket.disconnect();
    expect(store.getState().presence).toEqual({ "u-off": { userId: "u-off", online: false, lastActiveAt: "2025-03-09T08:00:00.000Z" } });
    client.stop();
  });

  it("the server's resync (its Redis came back): missed messages and edits show without a reconnect", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    await client.loadLatest("c1");
    store.getState().setActive("c1");
    // While the server's broadcasts were lost: Ana sent 3 and edited 2; the socket stayed up.
    socket.replies.set("sync", (input) => {
      expect(input).toEqual({ cursors: { c1: 2 }, listed: ["c1"] });
      return { ...emptySyncReply(), conversations: [conv({ lastSeq: 3, readSeq: 2, unreadCount: 1 })], missed: { c1: [msg(3)] } };
    });
    socket.replies.set("messages:list", () => ({ ok: true, messages: [msg(1), msg(2, { text: "hello 2, edited", editedAt: "2025-03-10T12:06:00.000Z" }), msg(3)], nextBefore: null }));
    const presenceAsks = socket.sent("presence:watch").length;
    socket.fire("resync");
    await flush();
    await flush();
    expect(store.getState().messages.c1!.items.map((m) => [m.seq, m.text])).toEqual([
      [1, "hello 1"],
      [2, "hello 2, edited"],
      [3, "hello 3"],
    ]);
    expect(socket.sent("presence:watch").length).toBeGreaterThan(presenceAsks);
    expect(store.getState().connection).toBe("connected");
  });

  it("edits, deletions and reactions made while away show after a reconnect: the open chat at once, others when opened", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    await client.loadLatest("c1");
    store.getState().setActive("c1");
    socket.disconnect();
    // Meanwhile Ana edited 2, deleted 1 for everyone, and someone reacted to 2: no event reached us.
    const away = [
      msg(1, { text: null, deletedAt: "2025-03-10T12:05:00.000Z" }),
      msg(2, { text: "hello 2, edited", editedAt: "2025-03-10T12:06:00.000Z", reactions: [{ emoji: "👍", userIds: [ANA] }] }),
    ];
    socket.replies.set("messages:list", () => ({ ok: true, messages: away, nextBefore: null }));
    const pagesBefore = socket.sent("messages:list").length;
    socket.connect();
    await flush();
    await flush();
    expect(socket.sent("messages:list")).toHaveLength(pagesBefore + 1);
    expect(store.getState().messages.c1!.items.map((m) => [m.seq, m.text, m.deletedAt !== null, m.reactions.length])).toEqual([
      [1, null, true, 0],
      [2, "hello 2, edited", false, 1],
    ]);

    // Another reconnect with no chat open: nothing is asked until the chat is shown, then once.
    store.getState().setActive(null);
    socket.disconnect();
    socket.replies.set("messages:list", () => ({ ok: true, messages: [away[0]!, { ...away[1]!, text: "hello 2, edited twice", editedAt: "2025-03-10T12:07:00.000Z" }], nextBefore: null }));
    socket.connect();
    await flush();
    await flush();
    expect(socket.sent("messages:list")).toHaveLength(pagesBefore + 1);
    await client.loadLatest("c1");
    await client.loadLatest("c1");
    expect(socket.sent("messages:list")).toHaveLength(pagesBefore + 2);
    expect(store.getState().messages.c1!.items[1]!.text).toBe("hello 2, edited twice");
  });

  it("a private reply's quote follows its original in the group: edited, deleted, expired", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    await client.loadLatest("c1");
    store.getState().upsertConversation(conv({ id: "g1", type: "GROUP", title: "Crew", peer: null }));
    const original = msg(7, { id: "g7", conversationId: "g1", text: "who has the tickets?" });
    const quote = { id: "g7", seq: 7, senderId: ANA, senderName: "Ana", type: "TEXT" as const, text: "who has the tickets?", deleted: false, attachmentKind: null, chat: { id: "g1", title: "Crew" } };
    socket.fire("message:new", msg(3, { text: "I do", replyTo: quote }));
    const quoted = () => store.getState().messages.c1!.items.find((m) => m.seq === 3)?.replyTo;

    socket.fire("message:updated", { ...original, text: "who has the train tickets?", editedAt: new Date().toISOString() });
    expect(quoted()).toMatchObject({ text: "who has the train tickets?", chat: { id: "g1" } });
    socket.fire("message:deleted", { conversationId: "g1", messageId: "g7", seq: 7, forEveryone: true, byAdmin: false });
    expect(quoted()).toMatchObject({ text: null, deleted: true });
    socket.fire("messages:expired", { conversationId: "g1", messageIds: ["g7"] });
    expect(quoted()).toBeNull();
  });

  it("disappearing messages leave the chat and its preview when they expire, and after a reconnect", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    await client.loadLatest("c1");
    const quote = { id: "m3", seq: 3, senderId: ANA, senderName: "Ana", type: "TEXT" as const, text: "vanishing", deleted: false, attachmentKind: null, chat: null };
    socket.fire("message:new", msg(3, { text: "vanishing" }));
    socket.fire("message:new", msg(4, { text: "what was that?", replyTo: quote }));
    expect(store.getState().conversations.c1!.lastMessage?.text).toBe("what was that?");

    socket.fire("messages:expired", { conversationId: "c1", messageIds: ["m3", "m4"] });
    expect(store.getState().messages.c1!.items.map((m) => m.seq)).toEqual([1, 2]);
    expect(store.getState().conversations.c1!.lastMessage?.id).toBe("m2");
    // A reply that stays loses the quote of what went, as on the server.
    socket.fire("message:new", msg(5, { text: "and this?", replyTo: { ...quote, id: "m2", seq: 2 } }));
    socket.fire("messages:expired", { conversationId: "c1", messageIds: ["m2"] });
    expect(store.getState().messages.c1!.items.find((m) => m.seq === 5)?.replyTo).toBeNull();

    // Message 2 went while we were offline: nobody told us, so the timed chat is read afresh.
    socket.disconnect();
    socket.replies.set("sync", () => ({ ok: true, conversations: [conv({ lastSeq: 3, readSeq: 3, messageTimerSec: 86400 })], missed: {}, truncated: [], removed: [], gone: [], hidden: [] }));
    socket.replies.set("messages:list", () => ({ ok: true, messages: [msg(1)], nextBefore: null }));
    socket.connect();
    await flush();
    await flush();
    expect(store.getState().messages.c1!.items.map((m) => m.seq)).toEqual([1]);
  });

  it("an expired last message of a chat not open here: the list asks the server what is left", async () => {
    const { store, socket, client, api } = setup();
    store.getState().upsertConversation(conv({ id: "c2", lastSeq: 5, readSeq: 5, lastMessage: toLastMessage(msg(5, { conversationId: "c2" }), "Ana") }));
    client.start();
    await flush();
    socket.fire("messages:expired", { conversationId: "c2", messageIds: ["m5"] });
    await flush();
    expect(api.conversation).toHaveBeenCalledWith("c2");
  });

  it("unread messages that expire: the badge takes the server's count of what is left", async () => {
    const { store, socket, client, api } = setup();
    client.start();
    await flush();
    socket.fire("message:new", msg(3));
    socket.fire("message:new", msg(4));
    expect(store.getState().conversations.c1!.unreadCount).toBe(2);
    vi.mocked(api.conversation).mockResolvedValueOnce({ conversation: conv({ lastSeq: 4, readSeq: 2, unreadCount: 1 }), members: [] });
    socket.fire("messages:expired", { conversationId: "c1", messageIds: ["m3"] });
    await flush();
    expect(api.conversation).toHaveBeenCalledWith("c1");
    expect(store.getState().conversations.c1!.unreadCount).toBe(1);
  });

  it("a notice or my own message from another tab adds nothing to the badge", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    socket.fire("message:new", msg(3));
    socket.fire("message:new", msg(4, { type: "SYSTEM", text: null, system: { kind: "renamed", actorName: "Ana", groupName: "Ana's group" } }));
    socket.fire("message:new", msg(3));
    expect(store.getState().conversations.c1).toMatchObject({ lastSeq: 4, unreadCount: 1 });
    socket.fire("message:new", msg(5, { senderId: ME }));
    expect(store.getState().conversations.c1).toMatchObject({ lastSeq: 5, readSeq: 5, unreadCount: 0 });
  });

  it("read receipts turned off in a direct chat: no blue ticks; back on, the chat's watermarks are fetched again", async () => {
    const { store, socket, client, api } = setup();
    store.getState().upsertConversation(conv({ id: "c2", lastSeq: 5, readSeq: 5, minDeliveredSeq: 5, minReadSeq: 5 }));
    client.start();
    await flush();
    socket.fire("conversation:patched", { conversationId: "c2", readReceipts: false });
    expect(store.getState().conversations.c2!.readReceipts).toBe(false);
    expect(api.conversation).not.toHaveBeenCalled();
    socket.fire("conversation:patched", { conversationId: "c2", readReceipts: true });
    await flush();
    expect(api.conversation).toHaveBeenCalledWith("c2");
  });

  it("batches delivered receipts for messages from others", async () => {
    const { socket, client, runTimers } = setup();
    client.start();
    await flush();
    socket.fire("message:new", msg(3));
    socket.fire("message:new", msg(4));
    socket.fire("message:new", msg(5, { senderId: ME }));
    runTimers();
    expect(socket.sent("receipt:delivered")).toEqual([{ conversationId: "c1", seq: 4 }]);
  });

  it("marks read optimistically and emits receipt:read once", async () => {
    const { store, socket, client, runTimers } = setup();
    client.start();
    await flush();
    socket.fire("message:new", msg(3));
    expect(store.getState().conversations.c1!.unreadCount).toBe(1);
    client.markRead("c1", 3);
    client.markRead("c1", 3);
    expect(store.getState().conversations.c1!.unreadCount).toBe(0);
    runTimers();
    expect(socket.sent("receipt:read")).toEqual([{ conversationId: "c1", seq: 3 }]);
  });

  it("a read receipt lost with the connection is sent again once the sync shows the server missed it", async () => {
    const { store, socket, client, runTimers } = setup();
    client.start();
    await flush();
    socket.fire("message:new", msg(3));
    client.markRead("c1", 3);
    // Sent on a connection that was already dead: it never arrived, and no ack comes back before
    // the reconnect.
    socket.replies.set("receipt:read", () => new Promise(() => undefined));
    runTimers();
    expect(socket.sent("receipt:read")).toEqual([{ conversationId: "c1", seq: 3 }]);
    const reconnectToServerAt = async (readSeq: number) => {
      socket.replies.set("receipt:read", () => ({ ok: true }));
      socket.disconnect();
      socket.replies.set("sync", () => ({ ...emptySyncReply(), conversations: [conv({ lastSeq: 3, readSeq, unreadCount: 3 - readSeq })] }));
      socket.connect();
      await flush();
      await flush();
      runTimers();
    };
    await reconnectToServerAt(2);
    expect(socket.sent("receipt:read")).toEqual([{ conversationId: "c1", seq: 3 }, { conversationId: "c1", seq: 3 }]);
    expect(store.getState().conversations.c1).toMatchObject({ readSeq: 3, unreadCount: 0 });
    // A server that has it already is not told again.
    await reconnectToServerAt(3);
    expect(socket.sent("receipt:read")).toHaveLength(2);
  });

  it("a read receipt the server refuses for now (rate limited) is sent again by itself", async () => {
    const { socket, client, runTimers } = setup();
    client.start();
    await flush();
    socket.fire("message:new", msg(3));
    const answers = [{ ok: false, error: { code: "RATE_LIMITED", message: "Too many requests. Try again in 1 s.", retryAfterSeconds: 1 } }, { ok: true }];
    socket.replies.set("receipt:read", () => answers.shift());
    client.markRead("c1", 3);
    runTimers();
    await flush();
    runTimers(); // the retry, after the wait
    await flush();
    runTimers(); // nothing more: it was taken
    expect(socket.sent("receipt:read")).toEqual([{ conversationId: "c1", seq: 3 }, { conversationId: "c1", seq: 3 }]);
  });

  it("a message read as it arrives (the chat is open) sends the read receipt alone", async () => {
    const { socket, client, runTimers } = setup();
    client.start();
    await flush();
    socket.fire("message:new", msg(3));
    client.markRead("c1", 3);
    runTimers();
    expect(socket.sent("receipt:read")).toEqual([{ conversationId: "c1", seq: 3 }]);
    expect(socket.sent("receipt:delivered")).toEqual([]);
    // Seq 4 arrives and stays unread: its delivery goes.
    socket.fire("message:new", msg(4));
    runTimers();
    expect(socket.sent("receipt:delivered")).toEqual([{ conversationId: "c1", seq: 4 }]);
  });

  it("shows typing from others, drops it when their message lands", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    socket.fire("typing", { conversationId: "c1", userId: ANA, isTyping: true });
    socket.fire("typing", { conversationId: "c1", userId: ME, isTyping: true });
    expect(Object.keys(store.getState().typing.c1 ?? {})).toEqual([ANA]);
    socket.fire("message:new", msg(3));
    expect(store.getState().typing.c1).toBeUndefined();
  });

  it("shows no typing from someone I block in our direct chat, as their messages don't reach me", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    store.getState().setBlockedUsers([{ id: ANA, name: "Ana Lima", username: "ana", initials: "AL", avatarColor: "#f06292", avatarUrl: null }]);
    socket.fire("typing", { conversationId: "c1", userId: ANA, isTyping: true });
    expect(store.getState().typing.c1).toBeUndefined();
    store.getState().setBlockedUsers([]);
    socket.fire("typing", { conversationId: "c1", userId: ANA, isTyping: true });
    expect(Object.keys(store.getState().typing.c1 ?? {})).toEqual([ANA]);
  });

  it("follows a block or unblock made in another tab", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    store.getState().setBlockedUsers([]);
    const bo = { id: "u-bo", name: "Bo", username: "bo", initials: "B", avatarColor: "#123456", avatarUrl: null };
    socket.fire("block:changed", { user: bo, blocked: true });
    expect(store.getState().blocked).toEqual({ "u-bo": bo });
    socket.fire("block:changed", { user: bo, blocked: false });
    expect(store.getState().blocked).toEqual({});
  });

  it("fetches a conversation it has never seen when a message arrives for it", async () => {
    const { store, socket, client, api } = setup();
    client.start();
    await flush();
    socket.fire("message:new", msg(1, { conversationId: "c2" }));
    await flush();
    expect(api.conversation).toHaveBeenCalledWith("c2");
    expect(store.getState().conversations.c2).toBeDefined();
  });

  it("watches the presence of direct-chat peers after connecting", async () => {
    const { store, socket, client } = setup();
    socket.replies.set("presence:watch", () => ({ ok: true, presence: [{ userId: ANA, online: true, lastActiveAt: null }] }));
    client.start();
    await flush();
    await flush();
    expect(socket.sent("presence:watch")).toEqual([{ userIds: [ANA] }]);
    expect(store.getState().presence[ANA]?.online).toBe(true);
    // Already watched on this socket: not sent again.
    await client.watchPresence([ANA]);
    expect(socket.sent("presence:watch")).toHaveLength(1);
  });

  it("my settings changed (profile:updated): presence is asked again, since my last seen setting decides what I see", async () => {
    const { store, socket, client } = setup();
    socket.replies.set("presence:watch", () => ({ ok: true, presence: [{ userId: ANA, online: true, lastActiveAt: null }] }));
    client.start();
    await flush();
    await flush();
    socket.replies.set("presence:watch", () => ({ ok: true, presence: [{ userId: ANA, online: false, lastActiveAt: null }] }));
    socket.fire("profile:updated", meUser);
    await flush();
    expect(socket.sent("presence:watch")).toEqual([{ userIds: [ANA] }, { userIds: [ANA] }]);
    expect(store.getState().presence[ANA]).toEqual({ userId: ANA, online: false, lastActiveAt: null });
  });

  it("removed from a group: presence is asked afresh, as the server dropped the watches of people I share nothing else with", async () => {
    const { socket, client } = setup();
    socket.replies.set("presence:watch", () => ({ ok: true, presence: [] }));
    client.start();
    await flush();
    await flush();
    const BO = "00000000-0000-4000-8000-0000000000b0";
    await client.watchPresence([BO]);
    expect(socket.sent("presence:watch")).toEqual([{ userIds: [ANA] }, { userIds: [BO] }]);
    // The server stopped the watches of people I share no other chat with.
    socket.fire("conversation:removed", { conversationId: "c1" });
    await flush();
    expect(socket.sent("presence:watch").at(-1)).toEqual({ userIds: [BO, ANA] });
  });

  it("conversation:removed disables writing", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    socket.fire("conversation:removed", { conversationId: "c1" });
    expect(store.getState().removed.c1).toBe(true);
  });

  it("removed from a group while away: the sync says so and the chat turns read-only", async () => {
    const { store, socket, client } = setup();
    store.getState().setGroups([{ id: "c1", name: "Team", icon: "👥", iconBg: "#888", about: "", memberCount: 3, isMember: true }]);
    client.start();
    await flush();
    await client.loadLatest("c1");
    socket.disconnect();
    socket.replies.set("sync", () => ({ ...emptySyncReply(), removed: ["c1"] }));
    socket.connect();
    await flush();
    expect(socket.sent("sync").at(-1)).toEqual({ cursors: { c1: 2 }, listed: ["c1"] });
    expect(store.getState().removed.c1).toBe(true);
    expect(store.getState().groups[0]).toMatchObject({ isMember: false, memberCount: 2 });
    // Its history stays readable.
    expect(store.getState().messages.c1!.items.map((m) => m.seq)).toEqual([1, 2]);
  });

  it("chats never opened here are asked about too: one removed from turns read-only, one deleted leaves the list", async () => {
    const { store, socket, client } = setup();
    store.getState().mergeConversations([conv({ id: "g-left", type: "GROUP", title: "Left me" }), conv({ id: "g-gone", type: "GROUP", title: "Deleted" })]);
    client.start();
    await flush();
    socket.disconnect();
    socket.replies.set("sync", () => ({ ...emptySyncReply(), conversations: [conv({ lastSeq: 2, readSeq: 2 })], removed: ["g-left"], gone: ["g-gone"] }));
    socket.connect();
    await flush();
    expect(socket.sent("sync").at(-1)).toEqual({ cursors: {}, listed: ["c1", "g-left", "g-gone"] });
    const s = store.getState();
    expect(s.removed["g-left"]).toBe(true);
    expect(s.conversations["g-left"]).toBeDefined();
    expect(s.conversations["g-gone"]).toBeUndefined();
    expect(s.deletedGroups["g-gone"]).toBe("Deleted");
  });

  it("back in a group while the sync's answer is on its way: the older answer doesn't make it read-only", async () => {
    const { store, socket, client } = setup();
    store.getState().setGroups([{ id: "c1", name: "Team", icon: "👥", iconBg: "#888", about: "", memberCount: 3, isMember: true }]);
    client.start();
    await flush();
    await client.loadLatest("c1");
    socket.disconnect();
    let answerSync: (reply: unknown) => void = () => undefined;
    socket.replies.set("sync", () => new Promise((resolve) => (answerSync = resolve)));
    socket.connect();
    await flush();
    // Rejoined (another tab, an invite) after the server answered the sync, before it arrived.
    socket.fire("member:joined", { conversationId: "c1", member: { id: store.getState().me.id, name: "Me", username: "me", image: null, role: "MEMBER" } });
    answerSync({ ...emptySyncReply(), removed: ["c1"] });
    await flush();
    expect(store.getState().removed.c1).toBeUndefined();
    // A later sync that still says so is believed.
    socket.replies.set("sync", () => ({ ...emptySyncReply(), removed: ["c1"] }));
    socket.fire("resync");
    await flush();
    expect(store.getState().removed.c1).toBe(true);
  });

  it("a message that arrives live while a chat's latest page reloads after a sync stays", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    await client.loadLatest("c1");
    // Back after missing too much to sync: the chat is read afresh from its latest page.
    let releasePage!: (page: unknown) => void;
    socket.replies.set("sync", () => ({ ...emptySyncReply(), conversations: [conv({ lastSeq: 300, readSeq: 2, unreadCount: 298 })], truncated: ["c1"] }));
    socket.replies.set("messages:list", () => new Promise((resolve) => (releasePage = resolve)));
    socket.disconnect();
    socket.connect();
    await flush();
    socket.fire("message:new", msg(301)); // stored after the page was read
    releasePage({ ok: true, messages: Array.from({ length: 50 }, (_, i) => msg(251 + i)), nextBefore: 251 });
    await flush();
    const m = store.getState().messages.c1!;
    expect(m.items.map((x) => x.seq)).toEqual(Array.from({ length: 51 }, (_, i) => 251 + i));
    expect(m.syncedSeq).toBe(301);
    expect(store.getState().conversations.c1).toMatchObject({ lastSeq: 301, lastMessage: { seq: 301 }, unreadCount: 299 });
  });

  /**
   * Connects with a sync whose summary of c1 was read up to `syncSeq`, and a live message
   * (`syncSeq + 1`, published after that read) arriving before the sync's answer.
   */
  async function syncOvertakenByLiveMessage(syncSeq: number, summary: Partial<ConversationSummary>) {
    const ctx = setup();
    const preview = toLastMessage(msg(syncSeq), "Ana");
    const asOfSync = conv({ lastSeq: syncSeq, lastMessage: preview, lastMessageAt: preview.createdAt, ...summary });
    let answerSync!: (res: unknown) => void;
    ctx.socket.replies.set("sync", () => new Promise((resolve) => (answerSync = resolve)));
    ctx.client.start();
    await flush();
    ctx.socket.fire("message:new", msg(syncSeq + 1));
    answerSync({ ...emptySyncReply(), conversations: [asOfSync] });
    await flush();
    return ctx;
  }

  it("an update of a message older than the loaded pages waits for them instead of showing above a gap", async () => {
    const { store, socket, client } = setup();
    store.getState().mergeConversations([conv({ lastSeq: 200, readSeq: 200 })]);
    socket.replies.set("messages:list", () => ({ ok: true, messages: Array.from({ length: 50 }, (_, i) => msg(151 + i)), nextBefore: 151 }));
    client.start();
    await flush();
    await client.loadLatest("c1");
    socket.fire("message:updated", msg(3, { reactions: [{ emoji: "👍", userIds: [ANA] }] }));
    socket.fire("message:updated", msg(160, { reactions: [{ emoji: "🔥", userIds: [ANA] }] }));
    const items = store.getState().messages.c1!.items;
    expect(items[0]!.seq).toBe(151);
    expect(items.find((m) => m.seq === 160)!.reactions).toEqual([{ emoji: "🔥", userIds: [ANA] }]);
    client.stop();
  });

  it("a sync answer read before a live message does not take the chat list back", async () => {
    const { store } = await syncOvertakenByLiveMessage(2, { readSeq: 2 });
    expect(store.getState().conversations.c1).toMatchObject({ lastSeq: 3, unreadCount: 1, lastMessage: { seq: 3 }, lastMessageAt: msg(3).createdAt });
  });

  it("a sync answer read before a live message still counts what was missed while away", async () => {
    // The chat is not open in this tab: the sync sends its summary, not its messages.
    const { store, client } = await syncOvertakenByLiveMessage(10, { readSeq: 2, unreadCount: 8 });
    // 3–10 from the server's count, 11 seen here.
    expect(store.getState().conversations.c1).toMatchObject({ lastSeq: 11, unreadCount: 9, lastMessage: { seq: 11 } });
    // Should 3–10 arrive here later (the chat opened), they are not counted twice.
    store.getState().receiveMessages("c1", Array.from({ length: 8 }, (_, i) => msg(3 + i)));
    expect(store.getState().conversations.c1).toMatchObject({ lastSeq: 11, unreadCount: 9 });
    client.stop();
  });

  it("goes to the login page when the handshake says UNAUTHENTICATED", async () => {
    const store = chatStore([]);
    const socket = new FakeSocket();
    const onUnauthenticated = vi.fn();
    const client = createRealtimeClient({
      store,
      api: {} as Api,
      createSocket: () => socket.asSocket(),
      onUnauthenticated,
    });
    socket.connect = function () {
      this.fire("connect_error", new Error("UNAUTHENTICATED"));
      return this;
    };
    client.start();
    await new Promise((r) => setTimeout(r, 5));
    expect(onUnauthenticated).toHaveBeenCalled();
    client.stop();
  });
});

describe("realtime client: blocks and profiles", () => {
  it("a send refused in a direct chat (a block) fails that message but keeps the chat writable", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    socket.replies.set("message:send", () => ({ ok: false, error: { code: "FORBIDDEN", message: "You blocked this contact. Unblock them to send a message." } }));
    client.send("c1", "hello?");
    await flush();
    expect(store.getState().outbox[0]).toMatchObject({ failed: "You blocked this contact. Unblock them to send a message." });
    expect(store.getState().removed.c1).toBeUndefined();
    client.stop();
  });

  it("a group turned announcement-only meanwhile: the send fails, the chat stays mine but read-only", async () => {
    const { store, socket, client } = setup();
    store.getState().upsertConversation(conv({ id: "g1", type: "GROUP", title: "News" }));
    client.start();
    await flush();
    socket.replies.set("message:send", () => ({ ok: false, error: { code: "FORBIDDEN", message: "Admins only here", reason: "ONLY_ADMINS_SEND" } }));
    client.send("g1", "can I?");
    await flush();
    expect(store.getState().outbox[0]).toMatchObject({ failed: "Admins only here" });
    expect(store.getState().removed.g1).toBeUndefined();
    expect(store.getState().conversations.g1).toMatchObject({ onlyAdminsSend: true });
    client.stop();
  });

  it("a group archived meanwhile: the send fails, the chat stays mine but read-only; another refusal removes it", async () => {
    const { store, socket, client } = setup();
    store.getState().upsertConversation(conv({ id: "g1", type: "GROUP", title: "Old club" }));
    store.getState().upsertConversation(conv({ id: "g2", type: "GROUP", title: "Left" }));
    client.start();
    await flush();
    socket.replies.set("message:send", () => ({ ok: false, error: { code: "FORBIDDEN", message: "Archived, sorry", reason: "GROUP_ARCHIVED" } }));
    client.send("g1", "anyone?");
    await flush();
    expect(store.getState().archived.g1).toBe(true);
    expect(store.getState().removed.g1).toBeUndefined();
    // The same code without a reason: no longer mine.
    socket.replies.set("message:send", () => ({ ok: false, error: { code: "FORBIDDEN", message: "Archived, sorry" } }));
    client.send("g2", "hello?");
    await flush();
    expect(store.getState().removed.g2).toBe(true);
    client.stop();
  });

  it("user:updated renames the contact; profile:updated also asks for my profile again", async () => {
    const { store, socket, client } = setup();
    client.start();
    await flush();
    socket.fire("user:updated", { id: ANA, name: "Ana Souza", username: "ana_s", initials: "AS", avatarColor: "#000", avatarUrl: null });
    expect(store.getState().conversations.c1).toMatchObject({ title: "Ana Souza", peer: { username: "ana_s" } });
    const revision = store.getState().profileRevision;
    socket.fire("profile:updated", { ...meUser, name: "Me Again" });
    expect(store.getState().me.name).toBe("Me Again");
    expect(store.getState().profileRevision).toBe(revision + 1);
    client.stop();
  });
});

describe("realtime client: two tabs of one user share the browser's storage", () => {
  function sharedStorage() {
    const data = new Map<string, string>();
    return {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    } as Storage;
  }

  /** A tab that starts offline; `connect()` brings it online. Its clientIds start with `name`. */
  function tab(storage: Storage, name: string) {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const store = chatStore([conv({ lastSeq: 2, readSeq: 2 })]);
    const socket = new FakeSocket({ sync: emptySyncReply });
    let ids = 0;
    const client = createRealtimeClient({
      store,
      api: {} as Api,
      messageApi: {} as MessageApi,
      createSocket: () => socket.asSocket(),
      storage: () => storage,
      timers: { set: () => 0, clear: () => undefined },
      randomId: () => `${name}${++ids}`,
    });
    client.start();
    const connect = async () => {
      socket.connect();
      await flush();
    };
    return { store, socket, client, connect };
  }

  const storedTexts = (storage: Storage) => loadOutbox(storage, ME).map((e) => e.text);

  it("a message queued offline in one tab survives the other tab's sends and acks", async () => {
    const storage = sharedStorage();
    const a = tab(storage, "a");
    const b = tab(storage, "b");
    a.client.send("c1", "typed in A");
    b.client.send("c1", "typed in B");
    expect(storedTexts(storage)).toEqual(["typed in A", "typed in B"]);

    b.socket.replies.set("message:send", (input) => ({
      ok: true,
      message: msg(3, { senderId: ME, clientId: (input as { clientId: string }).clientId, text: "typed in B" }),
    }));
    await b.connect();
    expect(b.store.getState().outbox).toEqual([]);
    // B's ack drops only B's entry: A's message is still there for a reload after A closes.
    a.client.stop();
    expect(storedTexts(storage)).toEqual(["typed in A"]);
    b.client.stop();
  });

  it("removing my entry (discard) leaves the other tab's entry stored", () => {
    const storage = sharedStorage();
    const a = tab(storage, "a");
    const b = tab(storage, "b");
    a.client.send("c1", "typed in A");
    b.client.send("c1", "typed in B");
    a.client.discard("a1");
    expect(storedTexts(storage)).toEqual(["typed in B"]);
    a.client.stop();
    b.client.stop();
  });

  it("a draft typed in one tab survives the other tab typing and clearing a draft", () => {
    const storage = sharedStorage();
    const a = tab(storage, "a");
    const b = tab(storage, "b");
    a.store.getState().setDraft("c1", "half a thought in A");
    b.store.getState().setDraft("c2", "something in B");
    expect(loadDrafts(storage, ME)).toEqual({ c1: "half a thought in A", c2: "something in B" });
    b.store.getState().setDraft("c2", "");
    expect(loadDrafts(storage, ME)).toEqual({ c1: "half a thought in A" });
    a.client.stop();
    b.client.stop();
  });
});

describe("a read receipt sent over HTTP while the socket reconnects", () => {
  /** The server's answer to one POST, or "network": the request never reached it. */
  type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | "network";

  /** The real HTTP API over a scripted fetch; the socket drops after the first connect. */
  async function reconnecting(...answers: Answer[]) {
    vi.useFakeTimers();
    const posts: { url: string; body: unknown; at: number }[] = [];
    const start = Date.now();
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      posts.push({ url, body: JSON.parse(String(init.body)), at: Date.now() - start });
      const answer = answers.shift() ?? { status: 200, body: {} };
      if (answer === "network") throw new TypeError("Failed to fetch");
      const { status, body, headers } = answer;
      return new Response(JSON.stringify(body ?? {}), { status, headers: { "content-type": "application/json", ...headers } });
    });
    const store = chatStore([conv({ lastSeq: 2, readSeq: 2 })]);
    const socket = new FakeSocket({ sync: emptySyncReply, "receipt:read": () => ({ ok: true }) });
    const client = createRealtimeClient({
      store,
      api: httpApi,
      createSocket: () => socket.asSocket(),
      messageApi: {} as MessageApi,
      window: { navigator: { onLine: true }, addEventListener: () => undefined, removeEventListener: () => undefined },
    });
    client.start();
    await vi.advanceTimersByTimeAsync(0);
    socket.fire("message:new", msg(3));
    socket.disconnect();
    expect(store.getState().connection).toBe("reconnecting");
    const readAt = Date.now() - start;
    client.markRead("c1", 3);
    return { posts, socket, client, readAt };
  }

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const READ = { url: "/api/v1/conversations/c1/read", body: { seq: 3 } };
  const rateLimited = (retryAfterSeconds: number): Answer => ({
    status: 429,
    body: { error: { code: "RATE_LIMITED", message: `Too many requests. Try again in ${retryAfterSeconds} s.`, retryAfterSeconds } },
  });

  it("refused as rate limited, is sent again once the limit's wait is over (not before), then no more", async () => {
    const { posts, socket, client, readAt } = await reconnecting(rateLimited(3));
    await vi.advanceTimersByTimeAsync(250);
    expect(posts).toEqual([{ ...READ, at: readAt + 250 }]);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(posts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(posts).toEqual([
      { ...READ, at: readAt + 250 },
      { ...READ, at: readAt + 3_250 },
    ]);
    // Taken the second time: not sent again, over HTTP or over the socket once it is back.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(posts).toHaveLength(2);
    expect(socket.sent("receipt:read")).toEqual([]);
    client.stop();
  });

  it("refused with a 429 whose body names no wait, waits as long as its Retry-After header says", async () => {
    const { posts, client, readAt } = await reconnecting({
      status: 429,
      body: { error: { code: "RATE_LIMITED", message: "Too many requests" } },
      headers: { "retry-after": "5" },
    });
    await vi.advanceTimersByTimeAsync(250 + 4_999);
    expect(posts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(posts.map((p) => p.at)).toEqual([readAt + 250, readAt + 5_250]);
    client.stop();
  });

  it.each<[string, Answer]>([
    ["the database is down (503)", { status: 503, body: { error: { code: "UNAVAILABLE", message: "Database unavailable, retrying" } }, headers: { "retry-after": "1" } }],
    ["the network failed", "network"],
  ])("refused because %s, is sent again", async (_, answer) => {
    const { posts, client } = await reconnecting(answer);
    await vi.advanceTimersByTimeAsync(250);
    expect(posts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(posts.map(({ url, body }) => ({ url, body }))).toEqual([READ, READ]);
    client.stop();
  });

  it("refused for good (403 FORBIDDEN), is not sent again", async () => {
    const { posts, socket, client } = await reconnecting({ status: 403, body: { error: { code: "FORBIDDEN", message: "Not allowed" } } });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(posts.map(({ url, body }) => ({ url, body }))).toEqual([READ]);
    expect(socket.sent("receipt:read")).toEqual([]);
    client.stop();
  });

  it("taken the first time, is sent once", async () => {
    const { posts, socket, client } = await reconnecting({ status: 200, body: {} });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(posts.map(({ url, body }) => ({ url, body }))).toEqual([READ]);
    expect(socket.sent("receipt:read")).toEqual([]);
    client.stop();
  });
});
