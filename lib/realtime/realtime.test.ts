import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Room, SocketId } from "socket.io-adapter";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { clearChat } from "@/lib/conversations/clear-chat";
import { openDirect } from "@/lib/conversations/open-direct";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { joinGroup } from "@/lib/groups/join-group";
import { deleteMessages } from "@/lib/messages/delete-message";
import { sendMessage } from "@/lib/messages/send-message";
import { leaveGroup } from "@/lib/groups/leave-group";
import { updateGroup } from "@/lib/groups/update-group";
import { ioPublisher } from "@/lib/realtime/publisher";
import { rooms } from "@/lib/realtime/rooms";
import { setBlocked } from "@/lib/users/block-user";
import { testDb } from "@/lib/test-support/database";
import { liveRealtime } from "@/lib/test-support/live-realtime";
import { collect, connectSocket, connectSynced, createTestUser, nextEvent, sleep, type TestSocket, type TestUser } from "@/lib/test-support/fixtures";

const db = testDb();
const { server, sockets } = liveRealtime(db);
let alice: TestUser;
let bob: TestUser;
let outsider: TestUser;
let directId: string;
let aliceMessageId: string;

const connect = (user: TestUser) => connectSynced(server.url, user.cookie, sockets);

beforeAll(async () => {
  alice = await createTestUser(db, { name: "Alice Socket" });
  bob = await createTestUser(db, { name: "Bob Socket" });
  outsider = await createTestUser(db, { name: "Olga Socket" });
  directId = (await openDirect(alice.ctx, { userId: bob.id })).id;
  aliceMessageId = (await sendMessage(alice.ctx, { conversationId: directId, clientId: "sock-seed-1", text: "socket secret" })).message.id;
});

describe("socket handshake", () => {
  it("refuses a socket without a cookie", async () => {
    await expect(connectSocket(server.url, undefined)).rejects.toThrow("UNAUTHENTICATED");
  });

  it("refuses a forged cookie", async () => {
    const forged = await encode({ token: { uid: alice.id, sid: alice.sessionId }, secret: "not-the-server-secret", salt: "authjs.session-token" });
    await expect(connectSocket(server.url, `authjs.session-token=${forged}`)).rejects.toThrow("UNAUTHENTICATED");
    await expect(connectSocket(server.url, "authjs.session-token=garbage")).rejects.toThrow("UNAUTHENTICATED");
  });

  it("refuses a foreign Origin even with a valid cookie", async () => {
    await expect(connectSocket(server.url, alice.cookie, { origin: "https://evil.example" })).rejects.toThrow();
  });

  it("refuses a revoked session and disconnects its live sockets on logout", async () => {
    const carol = await createTestUser(db);
    const live = await connect(carol);
    const disconnected = new Promise((resolve) => live.once("disconnect", resolve));
    await db.session.update({ where: { id: carol.sessionId }, data: { revokedAt: new Date() } });
    server.io.in(`session:${carol.sessionId}`).disconnectSockets(true);
    await disconnected;
    await expect(connectSocket(server.url, carol.cookie)).rejects.toThrow("UNAUTHENTICATED");
  });
});

/**
 * Every client event about a chat, from someone not in it: each is refused and nothing of the
 * chat reaches them, while a member talks there.
 */
async function expectEveryEventDenied(spy: TestSocket, member: TestSocket, chat: { conversationId: string; messageId: string; memberId: string }) {
  const { conversationId, messageId } = chat;
  const tag = randomUUID().slice(0, 8);
  const leaked = collect(spy, "message:new");
  const memberTyping = collect(member, "typing");

  const send = await spy.emitWithAck("message:send", { conversationId, clientId: `outsider-${tag}`, text: "let me in" });
  expect(send).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  for (const scope of ["me", "everyone"] as const) {
    const del = await spy.emitWithAck("message:delete", { messageIds: [messageId], for: scope });
    expect(del, scope).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  }
  for (const event of ["receipt:delivered", "receipt:read"] as const) {
    const res = await spy.emitWithAck(event, { conversationId, seq: 1 });
    expect(res, event).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  }
  expect(await spy.emitWithAck("message:edit", { messageId, text: "mine now" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  expect(await spy.emitWithAck("message:react", { messageId, emoji: "😈" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  expect(
    await spy.emitWithAck("message:forward", { messageIds: [messageId], conversationIds: [conversationId], clientId: `outsider-fwd-${tag}` }),
  ).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  const sync = await spy.emitWithAck("sync", { cursors: { [conversationId]: 0 } });
  expect(sync.ok).toBe(true);
  if (sync.ok) {
    expect(sync.missed[conversationId]).toBeUndefined();
    expect(sync.conversations.map((c) => c.id)).not.toContain(conversationId);
  }
  for (const query of [{}, { before: 2 }, { after: 0 }, { around: 1 }]) {
    const page = await spy.emitWithAck("messages:list", { conversationId, ...query });
    expect(page, JSON.stringify(query)).toEqual({ ok: false, error: { code: "NOT_FOUND", message: expect.any(String) } });
  }
  const watch = await spy.emitWithAck("presence:watch", { userIds: [chat.memberId] });
  expect(watch).toEqual({ ok: true, presence: [] });
  spy.emit("typing", { conversationId, isTyping: true });

  // The member talks in the chat: the outsider hears nothing.
  await member.emitWithAck("message:send", { conversationId, clientId: `member-after-${tag}`, text: "still secret" });
  await sleep(300);
  expect(leaked.seen).toEqual([]);
  expect(memberTyping.seen).toEqual([]);
  expect(await db.message.count({ where: { clientId: `outsider-${tag}` } })).toBe(0);
  expect((await db.message.findUniqueOrThrow({ where: { id: messageId } })).deletedAt).toBeNull();
}

describe("outsider matrix: every client event is denied and leaks nothing", () => {
  it("denies each event to someone never in the chat", async () => {
    await expectEveryEventDenied(await connect(outsider), await connect(alice), { conversationId: directId, messageId: aliceMessageId, memberId: alice.id });
  });

  it("denies each event to a member who left the group, with a socket that was open in it", async () => {
    const former = await createTestUser(db, { name: "Fred Former" });
    const group = await db.conversation.create({ data: { type: "GROUP", name: "Formerly Mine", visibility: "PUBLIC" } });
    await joinGroup(alice.ctx, { conversationId: group.id });
    await joinGroup(former.ctx, { conversationId: group.id });
    const said = (await sendMessage(alice.ctx, { conversationId: group.id, clientId: "former-seed-1", text: "before you left" })).message;
    const spy = await connect(former);
    await leaveGroup({ ...former.ctx, publish: ioPublisher(server.io) }, { conversationId: group.id });
    await expectEveryEventDenied(spy, await connect(alice), { conversationId: group.id, messageId: said.id, memberId: alice.id });
  });

  it("answers malformed input with BAD_REQUEST, not a crash", async () => {
    const socket = await connect(alice);
    expect(await socket.emitWithAck("message:send", { conversationId: "x", clientId: "y", text: "" } as never)).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" } });
    expect(await socket.emitWithAck("sync", null as never)).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(await socket.emitWithAck("messages:list", { conversationId: directId, limit: 1000 })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" } });
  });
});

describe("history pages over the socket", () => {
  it("pages a member's chat newest first, then older, with no message twice or missing", async () => {
    const carol = await createTestUser(db, { name: "Carol Pages" });
    const dave = await createTestUser(db, { name: "Dave Pages" });
    const chat = (await openDirect(carol.ctx, { userId: dave.id })).id;
    for (let i = 1; i <= 7; i++) await sendMessage(carol.ctx, { conversationId: chat, clientId: `page-sock-${i}`, text: `line ${i}` });
    const socket = await connect(dave);

    const latest = await socket.emitWithAck("messages:list", { conversationId: chat, limit: 4 });
    expect(latest.ok && latest.messages.map((m) => m.text)).toEqual(["line 4", "line 5", "line 6", "line 7"]);
    const older = latest.ok ? await socket.emitWithAck("messages:list", { conversationId: chat, before: latest.nextBefore!, limit: 4 }) : latest;
    expect(older.ok && older.messages.map((m) => m.text)).toEqual(["line 1", "line 2", "line 3"]);
    expect(older.ok && older.nextBefore).toBeNull();
    const after = await socket.emitWithAck("messages:list", { conversationId: chat, after: 5 });
    expect(after.ok && after.messages.map((m) => m.seq)).toEqual([6, 7]);
  });
});

describe("delivery between members", () => {
  it("delivers live, acks with the stored message, and a retry returns the same message", async () => {
    const a = await connect(alice);
    const aOtherTab = await connect(alice);
    const b = await connect(bob);
    const incoming = nextEvent(b, "message:new");
    const onOtherTab = nextEvent(aOtherTab, "message:new");
    const echoes = collect(a, "message:new");
    const ack = await a.emitWithAck("message:send", { conversationId: directId, clientId: "live-1-abcdef", text: "hello bob 👋" });
    expect(ack.ok).toBe(true);
    const received = await incoming;
    expect(received.text).toBe("hello bob 👋");
    // The sender's other tab shows it too; the sending tab has it from the ack, without an echo.
    expect(await onOtherTab).toEqual(received);
    expect(echoes.seen).toEqual([]);
    const retry = await a.emitWithAck("message:send", { conversationId: directId, clientId: "live-1-abcdef", text: "hello bob 👋" });
    expect(retry.ok && ack.ok && retry.message).toEqual(ack.ok && ack.message);
    expect(await db.message.count({ where: { clientId: "live-1-abcdef" } })).toBe(1);
  });

  it("moves ticks with the watermarks: delivered, then read, on all of the reader's tabs", async () => {
    const a = await connect(alice);
    const b1 = await connect(bob);
    const b2 = await connect(bob);
    const ack = await a.emitWithAck("message:send", { conversationId: directId, clientId: "ticks-1-abcdef", text: "tick me" });
    if (!ack.ok) throw new Error("send failed");
    const seq = ack.message.seq;

    const delivered = nextEvent(a, "receipt:update", (e) => e.deliveredSeq === seq);
    await b1.emitWithAck("receipt:delivered", { conversationId: directId, seq });
    expect(await delivered).toMatchObject({ userId: bob.id, deliveredSeq: seq, minDeliveredSeq: seq });

    const readOnOtherTab = nextEvent(b2, "receipt:update", (e) => e.readSeq === seq);
    const read = nextEvent(a, "receipt:update", (e) => e.readSeq === seq);
    await b1.emitWithAck("receipt:read", { conversationId: directId, seq });
    expect(await read).toMatchObject({ userId: bob.id, readSeq: seq, minReadSeq: seq });
    expect(await readOnOtherTab).toMatchObject({ userId: bob.id, readSeq: seq });
  });

  it("resyncs what a client missed while disconnected", async () => {
    const b = await connect(bob);
    const sync0 = await b.emitWithAck("sync", { cursors: {} });
    if (!sync0.ok) throw new Error("sync failed");
    const cursor = sync0.conversations.find((c) => c.id === directId)!.lastSeq;
    b.close();
    await sendMessage(alice.ctx, { conversationId: directId, clientId: "offline-1-abcdef", text: "while you were away 1" });
    await sendMessage(alice.ctx, { conversationId: directId, clientId: "offline-2-abcdef", text: "while you were away 2" });
    const back = await connect(bob);
    const sync = await back.emitWithAck("sync", { cursors: { [directId]: cursor } });
    if (!sync.ok) throw new Error("sync failed");
    expect(sync.missed[directId]!.map((m) => m.text)).toEqual(["while you were away 1", "while you were away 2"]);
    expect(sync.missed[directId]!.map((m) => m.seq)).toEqual([cursor + 1, cursor + 2]);
  });

  it("gives a blocked person's reaction to their tabs only, and the blocker a view without it", async () => {
    const ana = await createTestUser(db, { name: "Ana Blocks" });
    const ben = await createTestUser(db, { name: "Ben Blocked" });
    const dm = (await openDirect(ana.ctx, { userId: ben.id })).id;
    const hello = (await sendMessage(ana.ctx, { conversationId: dm, clientId: "blocked-rx-1-abcdef", text: "hello Ben" })).message;
    await setBlocked(ana.ctx, { userId: ben.id, blocked: true });
    const a = await connect(ana);
    const b1 = await connect(ben);
    const b2 = await connect(ben);
    const onAna = nextEvent(a, "message:updated");
    const onBenTab = collect(b2, "message:updated");

    const ack = await b1.emitWithAck("message:react", { messageId: hello.id, emoji: "👍" });
    expect(ack.ok && ack.message.reactions).toEqual([{ emoji: "👍", userIds: [ben.id] }]);
    expect((await onAna).reactions).toEqual([]);
    await expect.poll(() => onBenTab.seen.map((m) => m.reactions)).toEqual([[{ emoji: "👍", userIds: [ben.id] }]]);
  });

  it("relays typing to the other member only, not to my own other tabs", async () => {
    const a = await connect(alice);
    const myOtherTab = await connect(alice);
    const b = await connect(bob);
    const toMe = collect(myOtherTab, "typing");
    const typing = nextEvent(b, "typing");
    a.emit("typing", { conversationId: directId, isTyping: true });
    expect(await typing).toEqual({ conversationId: directId, userId: alice.id, isTyping: true });
    // Bob's answer reaches both of my tabs, so mine would have arrived by now.
    const bobTyping = nextEvent(myOtherTab, "typing");
    b.emit("typing", { conversationId: directId, isTyping: true });
    expect(await bobTyping).toMatchObject({ userId: bob.id });
    expect(toMe.seen.map((t) => t.userId)).toEqual([bob.id]);
  });

  it("relays recording a voice message as such, and its end as a plain stop", async () => {
    const a = await connect(alice);
    const b = await connect(bob);
    const recording = nextEvent(b, "typing");
    a.emit("typing", { conversationId: directId, isTyping: true, recording: true });
    expect(await recording).toEqual({ conversationId: directId, userId: alice.id, isTyping: true, recording: true });
    const stopped = nextEvent(b, "typing");
    a.emit("typing", { conversationId: directId, isTyping: false, recording: true });
    expect(await stopped).toEqual({ conversationId: directId, userId: alice.id, isTyping: false });
  });

  it("relays no typing between two people while either blocks the other", async () => {
    const ana = await createTestUser(db, { name: "Ana Typing Blocks" });
    const ben = await createTestUser(db, { name: "Ben Typing Blocked" });
    const dm = (await openDirect(ana.ctx, { userId: ben.id })).id;
    await setBlocked(ana.ctx, { userId: ben.id, blocked: true });
    const a = await connect(ana);
    const b = await connect(ben);
    const anaSees = collect(a, "typing");
    const benSees = collect(b, "typing");
    b.emit("typing", { conversationId: dm, isTyping: true });
    a.emit("typing", { conversationId: dm, isTyping: true });
    await sleep(300);
    expect(anaSees.seen).toEqual([]);
    expect(benSees.seen).toEqual([]);
    // Unblocked, the same hint reaches her.
    await setBlocked(ana.ctx, { userId: ben.id, blocked: false });
    const typing = nextEvent(a, "typing");
    b.emit("typing", { conversationId: dm, isTyping: false });
    expect(await typing).toEqual({ conversationId: dm, userId: ben.id, isTyping: false });
  });

  it("relays no typing from a member of a group where only admins send; an admin's goes", async () => {
    const owner = await createTestUser(db, { name: "Owner Announces" });
    const reader = await createTestUser(db, { name: "Reader Only" });
    const ownerCtx = { ...owner.ctx, publish: ioPublisher(server.io) };
    const group = await createPrivateGroup(ownerCtx, { name: "Announcements", memberIds: [reader.id] });
    await updateGroup(ownerCtx, { conversationId: group.id, onlyAdminsSend: true });
    const o = await connect(owner);
    const r = await connect(reader);
    const ownerSees = collect(o, "typing");
    r.emit("typing", { conversationId: group.id, isTyping: true });
    // The owner's hint arrives (the relay works here), and the reader's never does.
    const typing = nextEvent(r, "typing");
    o.emit("typing", { conversationId: group.id, isTyping: true });
    expect(await typing).toEqual({ conversationId: group.id, userId: owner.id, isTyping: true });
    await sleep(300);
    expect(ownerSees.seen).toEqual([]);
  });

  it("tracks presence across tabs: online while any tab is open, then last seen", async () => {
    const dave = await createTestUser(db, { name: "Dave Presence" });
    const watcher = await connect(alice);
    const dm = await openDirect(alice.ctx, { userId: dave.id });
    expect(dm.id).toBeTruthy();
    await sleep(100);
    const before = await watcher.emitWithAck("presence:watch", { userIds: [dave.id] });
    expect(before).toMatchObject({ ok: true, presence: [{ userId: dave.id, online: false }] });

    const online = nextEvent(watcher, "presence");
    const tab1 = await connect(dave);
    expect(await online).toMatchObject({ userId: dave.id, online: true });
    const tab2 = await connect(dave);
    const changes = collect(watcher, "presence");
    tab1.close();
    await sleep(300);
    // Closing one of two tabs must not show the user offline.
    expect(changes.seen.filter((e) => !e.online)).toEqual([]);
    const offline = nextEvent(watcher, "presence");
    tab2.close();
    const last = await offline;
    expect(last).toMatchObject({ userId: dave.id, online: false });
    expect(Date.parse(last.lastActiveAt!)).toBeGreaterThan(Date.now() - 5000);
  });

  it("stops delivering to a member who left the group, on every tab", async () => {
    const group = await db.conversation.create({ data: { type: "GROUP", name: "Leavers", visibility: "PUBLIC" } });
    await joinGroup(alice.ctx, { conversationId: group.id });
    const b1 = await connect(bob);
    const b2 = await connect(bob);
    const aSocket = await connect(alice);
    const joined = nextEvent(aSocket, "member:joined");
    const bobCtx = { ...bob.ctx, publish: ioPublisher(server.io) };
    await joinGroup(bobCtx, { conversationId: group.id });
    await joined;
    const got = nextEvent(b2, "message:new");
    await aSocket.emitWithAck("message:send", { conversationId: group.id, clientId: "group-1-abcdef", text: "welcome" });
    expect((await got).text).toBe("welcome");

    const removed = nextEvent(b1, "conversation:removed");
    const res = await b1.emitWithAck("sync", { cursors: {} });
    expect(res.ok).toBe(true);
    await leaveGroup(bobCtx, { conversationId: group.id });
    await removed;
    const after1 = collect(b1, "message:new");
    const after2 = collect(b2, "message:new");
    await aSocket.emitWithAck("message:send", { conversationId: group.id, clientId: "group-2-abcdef", text: "gone?" });
    await sleep(300);
    expect(after1.seen).toEqual([]);
    expect(after2.seen).toEqual([]);
    const denied = await b1.emitWithAck("message:send", { conversationId: group.id, clientId: "group-3-abcdef", text: "me again" });
    expect(denied).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("brings no message back to a member who deleted it for themselves or cleared the chat, when others react or edit", async () => {
    const [ana, ben, cat] = await Promise.all(["Ana", "Ben", "Cat"].map((name) => createTestUser(db, { name: `${name} Gone For Me` })));
    const group = await db.conversation.create({ data: { type: "GROUP", name: "Gone for me", visibility: "PUBLIC" } });
    for (const user of [ana!, ben!, cat!]) await joinGroup(user.ctx, { conversationId: group.id });
    const say = async (text: string) => (await sendMessage(ana!.ctx, { conversationId: group.id, clientId: `gone-${randomUUID().slice(0, 8)}`, text })).message;
    const [hidden, cleared] = [await say("deleted for Ben"), await say("cleared by Ben")];
    await deleteMessages(ben!.ctx, { messageIds: [hidden.id], for: "me" });
    const [a, b, c] = [await connect(ana!), await connect(ben!), await connect(cat!)];
    const benHears = collect(b, "message:updated");

    const catHearsReaction = nextEvent(c, "message:updated");
    expect(await a.emitWithAck("message:react", { messageId: hidden.id, emoji: "👍" })).toMatchObject({ ok: true });
    expect((await catHearsReaction).reactions).toEqual([{ emoji: "👍", userIds: [ana!.id] }]);

    await clearChat({ ...ben!.ctx, publish: ioPublisher(server.io) }, { conversationId: group.id });
    const catHearsEdit = nextEvent(c, "message:updated");
    expect(await a.emitWithAck("message:edit", { messageId: cleared.id, text: "cleared by Ben, edited" })).toMatchObject({ ok: true });
    expect((await catHearsEdit).text).toBe("cleared by Ben, edited");
    await sleep(200);
    expect(benHears.seen).toEqual([]);
  });

  it("keeps a member who leaves while their socket connects out of the group's events", async () => {
    const [alice, bob, carol] = await Promise.all(["Alice", "Bob", "Carol"].map((name) => createTestUser(db, { name: `${name} Half-joined` })));
    const group = await db.conversation.create({ data: { type: "GROUP", name: "Half-joined", visibility: "PUBLIC" } });
    for (const user of [alice!, bob!, carol!]) await joinGroup(user.ctx, { conversationId: group.id });
    const publish = ioPublisher(server.io);

    // Bob's new socket has read his memberships; its join of the group's room is held until he has
    // left the group, so the leave reaches his sockets before this one is in that room.
    const namespace = server.io.of("/");
    const adapter = namespace.adapter;
    const addAll = adapter.addAll.bind(adapter);
    let joining!: () => void;
    let release!: () => void;
    const joinHeld = new Promise<void>((resolve) => (joining = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    onTestFinished(() => void (adapter.addAll = addAll));
    adapter.addAll = (socketId: SocketId, joined: Set<Room>) => {
      const isBob = namespace.sockets.get(socketId)?.data.user.id === bob!.id;
      if (!isBob || !joined.has(rooms.conversation(group.id))) return addAll(socketId, joined);
      adapter.addAll = addAll;
      joining();
      return released.then(() => addAll(socketId, joined));
    };
    const bobSocket = await connectSocket(server.url, bob!.cookie);
    sockets.push(bobSocket);
    await joinHeld;
    await leaveGroup({ ...bob!.ctx, publish }, { conversationId: group.id });
    release();
    expect(await bobSocket.emitWithAck("sync", { cursors: {} })).toMatchObject({ ok: true });

    const bobHears = collect(bobSocket, "message:new");
    const bobSeesTyping = collect(bobSocket, "typing");
    const carolSocket = await connectSynced(server.url, carol!.cookie, sockets);
    const carolSeesTyping = nextEvent(carolSocket, "typing");
    const carolHears = nextEvent(carolSocket, "message:new");
    const aliceSocket = await connectSynced(server.url, alice!.cookie, sockets);
    aliceSocket.emit("typing", { conversationId: group.id, isTyping: true });
    await sendMessage({ ...alice!.ctx, publish }, { conversationId: group.id, clientId: "half-joined-1", text: "after you left" });
    // The member who stayed hears both; Bob has then had as long to hear them.
    expect(await carolSeesTyping).toMatchObject({ conversationId: group.id, userId: alice!.id });
    expect((await carolHears).text).toBe("after you left");
    await sleep(200);
    expect(bobHears.seen).toEqual([]);
    expect(bobSeesTyping.seen).toEqual([]);
    // Nor does Bob's own typing in the group he left reach anyone.
    const carolSeesMore = collect(carolSocket, "typing");
    bobSocket.emit("typing", { conversationId: group.id, isTyping: true });
    await sleep(200);
    expect(carolSeesMore.seen).toEqual([]);
  });
});

describe("a public group deleted by an admin", () => {
  it("ends presence between its members who share no other chat, and keeps it where they do", async () => {
    const { deletePublicGroup } = await import("@/lib/admin/manage-groups");
    const admin = await createTestUser(db, { role: "ADMIN", publish: ioPublisher(server.io) });
    const [pia, quinn, rosa] = await Promise.all(["Pia", "Quinn", "Rosa"].map((name) => createTestUser(db, { name: `${name} Doomed` })));
    const group = await db.conversation.create({ data: { type: "GROUP", name: `Doomed ${Date.now()}`, visibility: "PUBLIC" } });
    for (const u of [pia!, quinn!, rosa!]) await joinGroup(u.ctx, { conversationId: group.id });
    await openDirect(pia!.ctx, { userId: rosa!.id });
    const p = await connect(pia!);
    expect(await p.emitWithAck("presence:watch", { userIds: [quinn!.id, rosa!.id] })).toMatchObject({ ok: true, presence: [{}, {}] });

    const removed = nextEvent(p, "conversation:removed");
    await deletePublicGroup(admin.ctx, { conversationId: group.id, confirmName: group.name! });
    await removed;
    // What the browser does on "removed": ask again. Only the person Pia still has a chat with counts.
    const again = await p.emitWithAck("presence:watch", { userIds: [quinn!.id, rosa!.id] });
    expect(again).toMatchObject({ ok: true, presence: [{ userId: rosa!.id }] });
    expect(again.ok && again.presence).toHaveLength(1);

    const heard = collect(p, "presence");
    const rosaOnline = nextEvent(p, "presence", (e) => e.userId === rosa!.id && e.online);
    const q = await connect(quinn!);
    await connect(rosa!);
    await rosaOnline;
    q.close();
    await sleep(300);
    expect(heard.seen.filter((e) => e.userId === quinn!.id)).toEqual([]);
  });
});

describe("rate limits", () => {
  it("answers RATE_LIMITED once a user sends too fast, and stores nothing more", async () => {
    const { env } = await import("@/lib/env");
    const limit = env().RATE_LIMIT_MESSAGES;
    const fast = await createTestUser(db, { name: "Speedy" });
    const dm = await openDirect(fast.ctx, { userId: alice.id });
    const socket = await connect(fast);
    // In bursts of 20, below the node's in-flight capacity, so only the user's limit applies.
    const results = [];
    for (let start = 0; start < limit + 5; start += 20) {
      const burst = Array.from({ length: Math.min(20, limit + 5 - start) }, (_, j) => start + j);
      results.push(
        ...(await Promise.all(
          burst.map((i) => socket.emitWithAck("message:send", { conversationId: dm.id, clientId: `flood-${i}-${fast.id.slice(0, 8)}`, text: `#${i}` })),
        )),
      );
    }
    const limited = results.filter((r) => !r.ok);
    expect(limited.length).toBe(5);
    expect(limited[0]).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    expect(await db.message.count({ where: { senderId: fast.id } })).toBe(limit);
  });
});

describe("backpressure", () => {
  /** A small capacity for this test, so that a burst of sends outruns the group commit for sure. */
  async function withNodeCapacity(sends: number) {
    const { env, resetEnvForTests } = await import("@/lib/env");
    const previous = process.env.MAX_INFLIGHT_SENDS;
    process.env.MAX_INFLIGHT_SENDS = String(sends);
    resetEnvForTests();
    onTestFinished(() => {
      if (previous === undefined) delete process.env.MAX_INFLIGHT_SENDS;
      else process.env.MAX_INFLIGHT_SENDS = previous;
      resetEnvForTests();
    });
    return env();
  }

  it("refuses sends beyond the node's capacity at once with UNAVAILABLE, and stores each admitted one", async () => {
    const capacity = (await withNodeCapacity(8)).MAX_INFLIGHT_SENDS;
    const users = await Promise.all(Array.from({ length: 4 }, () => createTestUser(db, { name: "Burst" })));
    const group = await db.conversation.create({ data: { type: "GROUP", name: "Burst group", visibility: "PUBLIC" } });
    for (const u of users) await joinGroup(u.ctx, { conversationId: group.id });
    const sockets = await Promise.all(users.map((u) => connect(u)));
    const perUser = Math.ceil((capacity * 25) / users.length);
    const results = await Promise.all(
      sockets.flatMap((socket, u) =>
        Array.from({ length: perUser }, (_, i) =>
          socket.emitWithAck("message:send", { conversationId: group.id, clientId: `burst-${u}-${i}-${users[u]!.id.slice(0, 8)}`, text: `b${i}` }),
        ),
      ),
    );
    const refused = results.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => !r.ok && r.error.code === "UNAVAILABLE")).toBe(true);
    const stored = await db.message.count({ where: { conversationId: group.id } });
    expect(stored).toBe(results.length - refused.length);
  });

  it("does not count a send refused as busy against the sender's rate limit, so its retry goes through", async () => {
    const limit = (await withNodeCapacity(4)).RATE_LIMIT_MESSAGES;
    const sender = await createTestUser(db, { name: "Retrier" });
    const dm = await openDirect(sender.ctx, { userId: bob.id });
    const socket = await connect(sender);
    const send = (i: number) =>
      socket.emitWithAck("message:send", { conversationId: dm.id, clientId: `retry-${i}-${sender.id.slice(0, 8)}`, text: `#${i}` });
    // Exactly the user's limit at once: the node admits a few and refuses the rest as busy.
    const burst = await Promise.all(Array.from({ length: limit }, (_, i) => send(i)));
    const refused = burst.flatMap((r, i) => (r.ok ? [] : [{ i, code: r.error.code }]));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.code === "UNAVAILABLE")).toBe(true);
    // Retried one at a time, as a client backs off: every one fits in the limit the refusals left.
    for (const { i } of refused) expect(await send(i)).toMatchObject({ ok: true });
    expect(await db.message.count({ where: { conversationId: dm.id } })).toBe(limit);
  });
});
