import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDirect } from "@/lib/conversations/open-direct";
import { joinGroup } from "@/lib/groups/join-group";
import { leaveGroup } from "@/lib/groups/leave-group";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { collect, connectSynced, createTestUser, nextEvent, sleep, startTestRealtime, type TestSocket, type TestUser } from "@/lib/test-support/fixtures";
import { setBlocked } from "@/lib/users/block-user";
import { ioPublisher } from "./publisher";

// Two Socket.IO servers ("nodes") sharing the machine's real Redis, as in a multi-node deployment.
const db = testDb();
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const channel = `convo-test-${randomUUID()}`;
let nodeA: Awaited<ReturnType<typeof startTestRealtime>>;
let nodeB: Awaited<ReturnType<typeof startTestRealtime>>;
let alice: TestUser;
let bob: TestUser;
let directId: string;
const sockets: TestSocket[] = [];

const connect = (node: { url: string }, user: TestUser) => connectSynced(node.url, user.cookie, sockets);

beforeAll(async () => {
  nodeA = await startTestRealtime(db, { redisUrl: REDIS_URL, redisChannel: channel });
  nodeB = await startTestRealtime(db, { redisUrl: REDIS_URL, redisChannel: channel });
  alice = await createTestUser(db, { name: "Alice Node A" });
  bob = await createTestUser(db, { name: "Bob Node B" });
  directId = (await openDirect(alice.ctx, { userId: bob.id })).id;
  await sleep(200); // let both adapters subscribe
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all([nodeA.close(), nodeB.close()]);
});

describe("two nodes on one Redis", () => {
  it("delivers messages, receipts and typing between users on different nodes", async () => {
    const a = await connect(nodeA, alice);
    const b = await connect(nodeB, bob);
    const got = nextEvent(b, "message:new");
    const ack = await a.emitWithAck("message:send", { conversationId: directId, clientId: "multi-1-abcdef", text: "across nodes" });
    expect(ack.ok).toBe(true);
    expect((await got).text).toBe("across nodes");

    const seq = ack.ok ? ack.message.seq : 0;
    const read = nextEvent(a, "receipt:update", (e) => e.readSeq === seq);
    await b.emitWithAck("receipt:read", { conversationId: directId, seq });
    expect(await read).toMatchObject({ userId: bob.id, minReadSeq: seq });

    const typing = nextEvent(a, "typing");
    b.emit("typing", { conversationId: directId, isTyping: true });
    expect(await typing).toMatchObject({ userId: bob.id, isTyping: true });
  });

  it("gives a blocked person's reaction to their tab on the other node, and the blocker the view without it", async () => {
    const ana = await createTestUser(db, { name: "Ana Blocks Node" });
    const ben = await createTestUser(db, { name: "Ben Blocked Node" });
    const dm = (await openDirect(ana.ctx, { userId: ben.id })).id;
    const hello = (await sendMessage(ana.ctx, { conversationId: dm, clientId: `multi-rx-${randomUUID()}`, text: "hello Ben" })).message;
    await setBlocked(ana.ctx, { userId: ben.id, blocked: true });
    const anaOnB = await connect(nodeB, ana);
    const benOnA = await connect(nodeA, ben);
    const benOnB = await connect(nodeB, ben);
    const onAna = nextEvent(anaOnB, "message:updated");
    const onBenB = collect(benOnB, "message:updated");

    // Published from node A; Ana's socket and Ben's other tab live on node B.
    const ack = await benOnA.emitWithAck("message:react", { messageId: hello.id, emoji: "👍" });
    expect(ack.ok && ack.message.reactions).toEqual([{ emoji: "👍", userIds: [ben.id] }]);
    expect((await onAna).reactions).toEqual([]);
    await expect.poll(() => onBenB.seen.map((m) => m.reactions)).toEqual([[{ emoji: "👍", userIds: [ben.id] }]]);
  });

  it("sees presence across nodes: online while a tab is open on either node", async () => {
    const carol = await createTestUser(db, { name: "Carol Presence" });
    await openDirect(alice.ctx, { userId: carol.id });
    const watcher = await connect(nodeA, alice);
    const onB = await connect(nodeB, carol);
    const watched = await watcher.emitWithAck("presence:watch", { userIds: [carol.id] });
    expect(watched).toMatchObject({ ok: true, presence: [{ userId: carol.id, online: true }] });
    const offline = nextEvent(watcher, "presence", (e) => e.userId === carol.id && !e.online);
    onB.close();
    expect(await offline).toMatchObject({ online: false });
  });

  it("applies a leave on every node at once", async () => {
    const group = await db.conversation.create({ data: { type: "GROUP", name: "Multi-node leavers", visibility: "PUBLIC" } });
    await joinGroup(alice.ctx, { conversationId: group.id });
    const bobCtx = { ...bob.ctx, publish: ioPublisher(nodeA.io) };
    await joinGroup(bobCtx, { conversationId: group.id });
    const bobOnB = await connect(nodeB, bob);
    const aliceOnA = await connect(nodeA, alice);
    const got = nextEvent(bobOnB, "message:new");
    await aliceOnA.emitWithAck("message:send", { conversationId: group.id, clientId: "multi-g1-abcdef", text: "hi group" });
    expect((await got).text).toBe("hi group");

    // The leave is published from node A; Bob's socket lives on node B.
    const removed = nextEvent(bobOnB, "conversation:removed");
    await leaveGroup(bobCtx, { conversationId: group.id });
    await removed;
    const after = collect(bobOnB, "message:new");
    await aliceOnA.emitWithAck("message:send", { conversationId: group.id, clientId: "multi-g2-abcdef", text: "after leave" });
    await sleep(300);
    expect(after.seen).toEqual([]);
  });

  it("deleting a public group on node A ends its members' presence on node B too", async () => {
    const { deletePublicGroup } = await import("@/lib/admin/manage-groups");
    const admin = await createTestUser(db, { role: "ADMIN", publish: ioPublisher(nodeA.io) });
    const [pia, quinn] = await Promise.all(["Pia", "Quinn"].map((name) => createTestUser(db, { name: `${name} Multi-node` })));
    const group = await db.conversation.create({ data: { type: "GROUP", name: `Multi-node doomed ${Date.now()}`, visibility: "PUBLIC" } });
    for (const u of [pia!, quinn!]) await joinGroup(u.ctx, { conversationId: group.id });
    const piaOnB = await connect(nodeB, pia!);
    expect(await piaOnB.emitWithAck("presence:watch", { userIds: [quinn!.id] })).toMatchObject({ ok: true, presence: [{ userId: quinn!.id }] });
    // Before the deletion Pia hears Quinn come online, across nodes.
    const online = nextEvent(piaOnB, "presence", (e) => e.userId === quinn!.id && e.online);
    const quinnOnA = await connect(nodeA, quinn!);
    await online;

    const removed = nextEvent(piaOnB, "conversation:removed");
    await deletePublicGroup(admin.ctx, { conversationId: group.id, confirmName: group.name! });
    await removed;
    const heard = collect(piaOnB, "presence");
    quinnOnA.close();
    await sleep(400);
    expect(heard.seen.filter((e) => e.userId === quinn!.id)).toEqual([]);
  });
});
