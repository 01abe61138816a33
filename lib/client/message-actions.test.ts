import { describe, expect, it } from "vitest";
import type { MessageDto } from "@/lib/realtime/contract";
import { ApiError } from "./api";
import { createMessageActions } from "./message-actions";
import type { MessageApi } from "./message-api";
import { hasContent, newEntry, parseOutbox, sendInput } from "./outbox";
import { fromOutbox } from "./rows";
import { chatStore } from "./test-support/chat-store";
import { FakeSocket, type ServerReply } from "./test-support/fake-socket";
import { ANA, ME, conv, msg } from "./test-support/fixtures";

function setup(opts: { replies?: Record<string, ServerReply>; api?: Partial<MessageApi>; connected?: boolean } = {}) {
  const store = chatStore([conv({ lastSeq: 3 })]);
  store.getState().pageLoaded("c1", { messages: [msg(1), msg(2), msg(3, { senderId: ME })], nextBefore: null }, "latest");
  const socket = new FakeSocket(opts.replies);
  socket.connected = true;
  const calls: string[] = [];
  const api = {
    starred: async () => ({ items: [], messageIds: ["m1", "m2"] }),
    star: async (ids: string[], starred: boolean) => {
      calls.push(`star ${ids.join(",")} ${starred}`);
      return { starred };
    },
    edits: async () => ({ versions: [] }),
    page: async () => ({ messages: [], nextBefore: null }),
    edit: async () => {
      throw new Error("unused");
    },
    react: async () => {
      throw new Error("unused");
    },
    forward: async () => {
      throw new Error("unused");
    },
    ...opts.api,
  } as MessageApi;
  let n = 0;
  const actions = createMessageActions({ store, api, socket: () => (opts.connected === false ? null : socket.asSocket()), randomId: () => `rid-${++n}` });
  const message = (id: string) => store.getState().messages.c1!.items.find((m) => m.id === id)!;
  return { store, actions, emitted: socket.emitted, calls, message };
}

describe("react", () => {
  it("shows my reaction at once, then takes the server's copy", async () => {
    let resolve!: (v: unknown) => void;
    const serverCopy: MessageDto = msg(1, { reactions: [{ emoji: "👍", userIds: [ANA, ME] }] });
    const { actions, message, emitted } = setup({ replies: { "message:react": () => new Promise((r) => (resolve = r)) } });
    const done = actions.react("c1", "m1", "👍");
    expect(message("m1").reactions).toEqual([{ emoji: "👍", userIds: [ME] }]);
    expect(emitted).toEqual([{ event: "message:react", input: { messageId: "m1", emoji: "👍" } }]);
    resolve({ ok: true, message: serverCopy });
    await done;
    expect(message("m1").reactions).toEqual([{ emoji: "👍", userIds: [ANA, ME] }]);
  });

  it("keeps my reaction on while someone else's arrives before the server answers mine", async () => {
    let resolve!: (v: unknown) => void;
    const { actions, message, store } = setup({ replies: { "message:react": () => new Promise((r) => (resolve = r)) } });
    const done = actions.react("c1", "m1", "👍");
    store.getState().receiveMessages("c1", [msg(1, { reactions: [{ emoji: "😂", userIds: [ANA] }] })]);
    expect(message("m1").reactions).toEqual([{ emoji: "😂", userIds: [ANA] }, { emoji: "👍", userIds: [ME] }]);
    resolve({ ok: true, message: msg(1, { reactions: [{ emoji: "😂", userIds: [ANA] }, { emoji: "👍", userIds: [ME] }] }) });
    await done;
    expect(message("m1").reactions).toEqual([{ emoji: "😂", userIds: [ANA] }, { emoji: "👍", userIds: [ME] }]);
  });

  it("undoes the optimistic toggle when the server refuses", async () => {
    const { actions, message, store } = setup({
      replies: { "message:react": () => ({ ok: false, error: { code: "BAD_REQUEST", message: "You can't react to this message" } }) },
    });
    store.getState().receiveMessages("c1", [msg(2, { reactions: [{ emoji: "😂", userIds: [ME] }] })]);
    await expect(actions.react("c1", "m2", "😂")).rejects.toThrow(ApiError);
    expect(message("m2").reactions).toEqual([{ emoji: "😂", userIds: [ME] }]);
  });

  it("falls back to HTTP while disconnected", async () => {
    const { actions, message } = setup({
      connected: false,
      api: { react: async (id, emoji) => ({ message: msg(1, { id, reactions: [{ emoji, userIds: [ME] }] }) }) },
    });
    await actions.react("c1", "m1", "🙏");
    expect(message("m1").reactions).toEqual([{ emoji: "🙏", userIds: [ME] }]);
  });
});

describe("vote", () => {
  const poll = { multiple: false, options: [{ text: "Tea", voterIds: [] as string[] }, { text: "Coffee", voterIds: [] as string[] }] };
  const pollCopy = (tea: string[], coffee: string[]) =>
    msg(2, { type: "POLL", text: "Drink?", poll: { ...poll, options: [{ text: "Tea", voterIds: tea }, { text: "Coffee", voterIds: coffee }] } });
  const voters = (m: MessageDto) => m.poll!.options.map((o) => o.voterIds);

  it("keeps my vote on while someone else's arrives before the server answers mine", async () => {
    let answer!: (v: { message: MessageDto }) => void;
    const { actions, message, store } = setup({ api: { vote: () => new Promise((r) => (answer = r)) } });
    store.getState().receiveMessages("c1", [pollCopy([], [])]);
    const voting = actions.vote("c1", "m2", [0]);
    // Ana's vote, counted by the server before mine: the copy has no vote of mine yet.
    store.getState().receiveMessages("c1", [pollCopy([ANA], [])]);
    expect(voters(message("m2"))).toEqual([[ANA, ME], []]);
    answer({ message: pollCopy([ANA, ME], []) });
    await voting;
    expect(voters(message("m2"))).toEqual([[ANA, ME], []]);
    // Held no longer: a later copy from the server is shown as it is.
    store.getState().receiveMessages("c1", [pollCopy([ANA], [ME])]);
    expect(voters(message("m2"))).toEqual([[ANA], [ME]]);
  });

  it("two quick votes: the first one's answer does not bring the first choice back", async () => {
    const answers: ((v: { message: MessageDto }) => void)[] = [];
    const { actions, message, store } = setup({ api: { vote: () => new Promise((r) => answers.push(r)) } });
    store.getState().receiveMessages("c1", [pollCopy([], [])]);
    const first = actions.vote("c1", "m2", [0]);
    const second = actions.vote("c1", "m2", [1]);
    expect(voters(message("m2"))).toEqual([[], [ME]]);
    answers[0]!({ message: pollCopy([ME], []) });
    await first;
    expect(voters(message("m2"))).toEqual([[], [ME]]);
    answers[1]!({ message: pollCopy([], [ME]) });
    await second;
    expect(voters(message("m2"))).toEqual([[], [ME]]);
  });

  it("a refused vote takes back only mine: votes others cast meanwhile stay", async () => {
    let refuse!: (err: Error) => void;
    const { actions, message, store } = setup({ api: { vote: () => new Promise((_, reject) => (refuse = reject)) } });
    store.getState().receiveMessages("c1", [pollCopy([ME], [])]);
    const voting = actions.vote("c1", "m2", [1]);
    expect(voters(message("m2"))).toEqual([[], [ME]]);
    // Ana's vote arrives live while mine is on its way.
    store.getState().receiveMessages("c1", [pollCopy([ME], [ANA])]);
    expect(voters(message("m2"))).toEqual([[], [ANA, ME]]);
    refuse(new ApiError("FORBIDDEN", "You blocked this contact. Unblock them to send a message.", 403));
    await expect(voting).rejects.toThrow(ApiError);
    expect(voters(message("m2"))).toEqual([[ME], [ANA]]);
  });
});

describe("history pages", () => {
  const serverPage = { messages: [msg(7)], nextBefore: 7, nextAfter: null };
  const httpPage = { messages: [msg(9)], nextBefore: null };

  it("asks the socket when connected and returns the page without the ack flag", async () => {
    const { actions, emitted } = setup({ replies: { "messages:list": () => ({ ok: true, ...serverPage }) }, api: { page: async () => httpPage } });
    expect(await actions.page("c1", { before: 8 })).toEqual(serverPage);
    expect(emitted).toEqual([{ event: "messages:list", input: { conversationId: "c1", before: 8 } }]);
  });

  it("falls back to HTTP when disconnected or when the socket does not answer", async () => {
    const asked: unknown[] = [];
    const page = async (conversationId: string, query: unknown) => {
      asked.push([conversationId, query]);
      return httpPage;
    };
    expect(await setup({ connected: false, api: { page } }).actions.page("c1", { around: 3 })).toEqual(httpPage);
    expect(await setup({ replies: {}, api: { page } }).actions.page("c1", { after: 2 })).toEqual(httpPage);
    expect(asked).toEqual([["c1", { around: 3 }], ["c1", { after: 2 }]]);
  });

  it("throws the server's refusal instead of retrying it over HTTP", async () => {
    const { actions } = setup({
      replies: { "messages:list": () => ({ ok: false, error: { code: "NOT_FOUND", message: "Conversation not found" } }) },
      api: { page: async () => httpPage },
    });
    await expect(actions.page("c1", {})).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("edit and forward", () => {
  it("merges the edited message from the ack", async () => {
    const edited = msg(3, { senderId: ME, text: "fixed", editedAt: new Date(2025, 2, 10, 13).toISOString() });
    const { actions, message, emitted } = setup({ replies: { "message:edit": () => ({ ok: true, message: edited }) } });
    await actions.editMessage("m3", "fixed");
    expect(emitted[0]).toEqual({ event: "message:edit", input: { messageId: "m3", text: "fixed" } });
    expect(message("m3")).toMatchObject({ text: "fixed", editedAt: edited.editedAt });
  });

  it("throws the server's reason", async () => {
    const { actions } = setup({
      replies: { "message:edit": () => ({ ok: false, error: { code: "FORBIDDEN", message: "Only the sender can edit a message" } }) },
    });
    await expect(actions.editMessage("m1", "x")).rejects.toThrow("Only the sender can edit a message");
  });

  it("forwards with one client id and lands the copies in their chats", async () => {
    const copy = msg(4, { senderId: ME, forwarded: true, id: "f1" });
    const other = { ...msg(1, { senderId: ME, forwarded: true, id: "f2" }), conversationId: "c2" };
    const { actions, emitted, store } = setup({ replies: { "message:forward": () => ({ ok: true, messages: [copy, other] }) } });
    const out = await actions.forward(["m1"], ["c1", "c2"]);
    expect(out).toHaveLength(2);
    expect(emitted[0]).toEqual({ event: "message:forward", input: { messageIds: ["m1"], conversationIds: ["c1", "c2"], clientId: "rid-1" } });
    expect(store.getState().messages.c1!.items.map((m) => m.id)).toContain("f1");
    expect(store.getState().messages.c2?.items.map((m) => m.id)).toEqual(["f2"]);
  });
});

describe("stars", () => {
  it("stars at once and keeps it when the server agrees", async () => {
    const { actions, store, calls } = setup();
    const p = actions.setStar(["m1"], true);
    expect(store.getState().starred).toEqual({ m1: true });
    await p;
    expect(calls).toEqual(["star m1 true"]);
  });

  it("stars several picked messages in one request", async () => {
    const { actions, store, calls } = setup();
    await actions.setStar(["m1", "m2", "m3"], true);
    expect(store.getState().starred).toEqual({ m1: true, m2: true, m3: true });
    expect(calls).toEqual(["star m1,m2,m3 true"]);
  });

  it("reverts when the server refuses", async () => {
    const { actions, store } = setup({
      api: {
        star: async () => {
          throw new ApiError("NOT_FOUND", "Message not found", 404);
        },
      },
    });
    store.getState().setStar("m1", true);
    await expect(actions.setStar(["m1", "m2"], false)).rejects.toThrow("Message not found");
    // Each back as it was: m1 starred, m2 not.
    expect(store.getState().starred).toEqual({ m1: true });
  });

  it("loads the starred ids into the store", async () => {
    const { actions, store } = setup();
    await actions.loadStarred();
    expect(store.getState().starred).toEqual({ m1: true, m2: true });
  });

  it("keeps a star or unstar that lands while the list is on its way", async () => {
    let answer!: (list: { items: never[]; messageIds: string[] }) => void;
    const { actions, store } = setup({ api: { starred: () => new Promise((resolve) => (answer = resolve)) } });
    store.getState().setStarred(["m2"]);
    const loading = actions.loadStarred();
    // Another tab stars m3 and unstars m2 (star:updated) after the server read its list.
    store.getState().setStar("m3", true);
    store.getState().setStar("m2", false);
    answer({ items: [], messageIds: ["m1", "m2"] });
    await loading;
    expect(store.getState().starred).toEqual({ m1: true, m3: true });
  });
});

describe("store: stars and focus", () => {
  it("setStar is idempotent and star:updated-friendly", () => {
    const { store } = setup();
    const before = store.getState();
    store.getState().setStar("m1", false);
    expect(store.getState()).toBe(before);
    store.getState().setStar("m1", true);
    store.getState().setStar("m1", false);
    expect(store.getState().starred).toEqual({});
  });

  it("a focus request is cleared only by its own nonce", () => {
    const { store } = setup();
    store.getState().focusMessage({ conversationId: "c1", messageId: "m1", seq: 1 });
    const first = store.getState().focus!;
    store.getState().focusMessage({ conversationId: "c1", messageId: "m2", seq: 2 });
    store.getState().clearFocus(first.nonce);
    expect(store.getState().focus).toMatchObject({ messageId: "m2" });
    store.getState().clearFocus(store.getState().focus!.nonce);
    expect(store.getState().focus).toBeNull();
  });
});

describe("rich outbox entries", () => {
  const photo = { id: "a1", kind: "IMAGE" as const, name: "p.png", mime: "image/png", size: 5, width: 2, height: 2, hasThumbnail: true };
  const reply = { id: "m1", seq: 1, senderId: ANA, senderName: "Ana", type: "TEXT" as const, text: "hi", deleted: false, attachmentKind: null, chat: null };
  const now = new Date(2025, 2, 10, 12);

  it("plain text entries stay as they were", () => {
    const e = newEntry({ clientId: "k", conversationId: "c1", senderId: ME, text: "hi" }, now);
    expect(Object.keys(e).sort()).toEqual(["attempts", "clientId", "conversationId", "createdAt", "failed", "lastAttemptAt", "senderId", "text"]);
    expect(sendInput(e)).toEqual({ conversationId: "c1", clientId: "k", text: "hi" });
  });

  it("a photo with a caption, as a reply, sends ids and survives a reload", () => {
    const e = newEntry({ clientId: "k", conversationId: "c1", senderId: ME, text: "look", attachments: [photo], replyToId: "m1", replyTo: reply }, now);
    expect(sendInput(e)).toEqual({ conversationId: "c1", clientId: "k", text: "look", replyToId: "m1", attachmentIds: ["a1"] });
    const [restored] = parseOutbox(JSON.stringify([e]), ME);
    expect(restored).toEqual(e);
    const view = fromOutbox(restored!);
    expect(view).toMatchObject({ type: "IMAGE", text: "look", attachments: [photo], replyTo: reply });
  });

  it("a location needs no text", () => {
    const e = newEntry({ clientId: "k", conversationId: "c1", senderId: ME, text: "", location: { lat: 1, lng: 2 } }, now);
    expect(hasContent(e)).toBe(true);
    expect(sendInput(e)).toEqual({ conversationId: "c1", clientId: "k", location: { lat: 1, lng: 2 } });
    expect(fromOutbox(e)).toMatchObject({ type: "LOCATION", text: null, location: { lat: 1, lng: 2, label: null } });
    expect(hasContent({ text: " ", attachments: [] })).toBe(false);
  });
});

describe("quotes follow their original", () => {
  it("a reply's quote gets the edited text, and shows a deletion", async () => {
    const { refreshQuotes } = await import("./messages");
    const quote = { id: "m1", seq: 1, senderId: ANA, senderName: "Ana", type: "TEXT" as const, text: "hello 1", deleted: false, attachmentKind: null, chat: null };
    const reply = msg(5, { replyTo: quote });
    const other = msg(6);
    expect(refreshQuotes([reply, other], msg(1))).toEqual([]);
    const [edited] = refreshQuotes([reply, other], msg(1, { text: "hello again" }));
    expect(edited!.replyTo).toEqual({ ...quote, text: "hello again" });
    const [gone] = refreshQuotes([reply], { id: "m1", text: null, deletedAt: "x" });
    expect(gone!.replyTo).toMatchObject({ text: null, deleted: true, attachmentKind: null });
  });

  it("editing through the client refreshes quotes in the loaded chat", async () => {
    const quote = { id: "m3", seq: 3, senderId: ME, senderName: "Me", type: "TEXT" as const, text: "hello 3", deleted: false, attachmentKind: null, chat: null };
    const edited = msg(3, { senderId: ME, text: "better", editedAt: new Date(2025, 2, 10, 13).toISOString() });
    const { actions, store, message } = setup({ replies: { "message:edit": () => ({ ok: true, message: edited }) } });
    store.getState().receiveMessages("c1", [msg(4, { replyTo: quote })]);
    await actions.editMessage("m3", "better");
    expect(message("m4").replyTo?.text).toBe("better");
  });
});

describe("pins", () => {
  const pinOf = (seq: number) => ({
    message: { id: `m${seq}`, seq, senderId: ANA, senderName: "Ana", type: "TEXT" as const, text: `hello ${seq}`, deleted: false, attachmentKind: null, chat: null },
    pinnedById: ME,
    pinnedByName: "Me",
    pinnedAt: new Date(2025, 2, 10).toISOString(),
    expiresAt: new Date(2099, 0, 1).toISOString(),
  });

  it("the answer to the request started last wins, whichever arrives first", async () => {
    const answers: ((pins: ReturnType<typeof pinOf>[]) => void)[] = [];
    const later = () => new Promise<{ pins: ReturnType<typeof pinOf>[] }>((r) => answers.push((pins) => r({ pins })));
    const { actions, store } = setup({ api: { pins: later, pin: later } });
    const refetch = actions.loadPins("c1");
    const mine = actions.pin("c1", "m2", "24h");
    answers[1]!([pinOf(2), pinOf(1)]);
    await mine;
    answers[0]!([pinOf(1)]);
    await refetch;
    expect(store.getState().pins.c1!.map((p) => p.message.id)).toEqual(["m2", "m1"]);
  });

  it("refreshes only chats whose pins are shown; a deletion or clearing takes their pins away", async () => {
    const fetched: string[] = [];
    const { actions, store } = setup({
      api: {
        pins: async (conversationId: string) => {
          fetched.push(conversationId);
          return { pins: [pinOf(3), pinOf(2), pinOf(1)] };
        },
      },
    });
    await actions.refreshPins("c1");
    expect(fetched).toEqual([]);
    await actions.loadPins("c1");
    await actions.refreshPins("c1");
    expect(fetched).toEqual(["c1", "c1"]);

    store.getState().messageDeleted({ conversationId: "c1", messageId: "m3", forEveryone: true, byAdmin: false });
    expect(store.getState().pins.c1!.map((p) => p.message.id)).toEqual(["m2", "m1"]);
    store.getState().chatCleared("c1", 1);
    expect(store.getState().pins.c1!.map((p) => p.message.id)).toEqual(["m2"]);
  });
});
