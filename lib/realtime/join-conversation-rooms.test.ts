import type { Room, SocketId } from "socket.io-adapter";
import { afterAll, beforeAll, expect, it } from "vitest";
import { joinGroup } from "@/lib/groups/join-group";
import { leaveGroup } from "@/lib/groups/leave-group";
import { sendMessage } from "@/lib/messages/send-message";
import { ioPublisher } from "@/lib/realtime/publisher";
import { rooms } from "@/lib/realtime/rooms";
import { testDb } from "@/lib/test-support/database";
import {
  collect, connectSocket, connectSynced, createTestUser, nextEvent, sleep, startTestRealtime, type TestSocket,
} from "@/lib/test-support/fixtures";

const db = testDb();
let server: Awaited<ReturnType<typeof startTestRealtime>>;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  server = await startTestRealtime(db);
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await server.close();
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
