// Group events end to end through the realtime client (a fake socket) into the store.
import { describe, expect, it, vi } from "vitest";
import type { MemberDto } from "@/lib/realtime/contract";
import type { Api } from "./api";
import type { Timers } from "./batcher";
import { createRealtimeClient } from "./realtime";
import { chatStore } from "./test-support/chat-store";
import { FakeSocket, emptySyncReply } from "./test-support/fake-socket";
import { ME, conv, meUser, msg } from "./test-support/fixtures";
import { tickStatus } from "./ticks";

function member(id: string, role: MemberDto["role"]): MemberDto {
  return { id, name: `N ${id}`, username: id, initials: "NN", avatarColor: "#333", avatarUrl: null, role, readSeq: 0, deliveredSeq: 0, online: false, lastActiveAt: null };
}

const group = conv({ id: "g", type: "GROUP", title: "Trip", icon: "✈️", iconBg: "#112233", peer: null, memberCount: 2 });

function setup() {
  const store = chatStore([group, conv({ id: "c1" })], {
    groups: [{ id: "g", name: "Trip", icon: "✈️", iconBg: "#112233", about: "", memberCount: 2, isMember: true }],
    activeId: "g",
  });
  const socket = new FakeSocket({ sync: emptySyncReply, "presence:watch": () => ({ ok: true, presence: [] }) });
  const timers: Timers = { set: () => 0, clear: () => undefined };
  const api = {
    conversation: vi.fn(async () => ({ conversation: group, members: [member(ME, "OWNER"), member("b", "ADMIN")] })),
    groups: vi.fn(async () => ({ groups: [] })),
  } as unknown as Api;
  const client = createRealtimeClient({ store, api, createSocket: () => socket.asSocket(), timers });
  client.start();
  socket.connect();
  return { store, socket, api, client };
}

describe("group events", () => {
  it("conversation:patched renames the chat (header and list read the same summary) and Discover", () => {
    const { store, socket, client } = setup();
    socket.fire("conversation:patched", { conversationId: "g", title: "Road trip", icon: "🚗", about: "Summer" });
    const s = store.getState();
    expect(s.conversations.g).toMatchObject({ title: "Road trip", icon: "🚗", iconBg: "#112233", about: "Summer" });
    expect(s.groups[0]).toMatchObject({ name: "Road trip", icon: "🚗" });
    client.stop();
  });

  it("conversation:patched archived → read-only, and back", () => {
    const { store, socket, client } = setup();
    socket.fire("conversation:patched", { conversationId: "g", archived: true });
    expect(store.getState().archived.g).toBe(true);
    expect(store.getState().groups).toEqual([]); // gone from Discover
    expect(store.getState().conversations.g).toBeDefined(); // history stays
    socket.fire("conversation:patched", { conversationId: "g", archived: false });
    expect(store.getState().archived.g).toBeUndefined();
    client.stop();
  });

  it("conversation:removed disables writing at once but keeps the history", () => {
    const { store, socket, client } = setup();
    store.getState().pageLoaded("g", { messages: [msg(1, { conversationId: "g" })], nextBefore: null }, "latest");
    socket.fire("conversation:removed", { conversationId: "g" });
    expect(store.getState().removed.g).toBe(true);
    expect(store.getState().messages.g!.items).toHaveLength(1);
    expect(store.getState().groups[0]).toMatchObject({ isMember: false, memberCount: 1 });
    client.stop();
  });

  it("conversation:deleted drops the chat, its history and drafts, and leaves a notice", () => {
    const { store, socket, client } = setup();
    store.getState().pageLoaded("g", { messages: [msg(1, { conversationId: "g" })], nextBefore: null }, "latest");
    store.getState().setDraft("g", "half-typed");
    socket.fire("conversation:removed", { conversationId: "g" });
    socket.fire("conversation:deleted", { conversationId: "g" });
    const s = store.getState();
    expect(s.conversations.g).toBeUndefined();
    expect(s.messages.g).toBeUndefined();
    expect(s.drafts.g).toBeUndefined();
    expect(s.removed.g).toBeUndefined();
    expect(s.groups).toEqual([]);
    expect(s.deletedGroups).toEqual({ g: "Trip" });
    expect(s.conversations.c1).toBeDefined();
    client.stop();
  });

  it("conversation:updated inserts a group I was added to", () => {
    const { store, socket, client } = setup();
    socket.fire("conversation:updated", conv({ id: "new", type: "GROUP", title: "Added", peer: null }));
    expect(store.getState().conversations.new).toMatchObject({ title: "Added" });
    client.stop();
  });

  it("member:joined upserts (a role change replaces the member); member:left removes", () => {
    const { store, socket, client } = setup();
    store.getState().setMembers("g", [member(ME, "OWNER"), member("b", "MEMBER")]);
    socket.fire("member:joined", { conversationId: "g", member: member("b", "ADMIN") });
    expect(store.getState().members.g!.map((m) => [m.id, m.role])).toEqual([
      [ME, "OWNER"],
      ["b", "ADMIN"],
    ]);
    expect(store.getState().conversations.g!.memberCount).toBe(2);
    socket.fire("member:joined", { conversationId: "g", member: member("c", "MEMBER") });
    expect(store.getState().members.g).toHaveLength(3);
    expect(store.getState().conversations.g!.memberCount).toBe(3);
    socket.fire("member:left", { conversationId: "g", userId: "c", memberCount: 2, minDeliveredSeq: 0, minReadSeq: 0 });
    expect(store.getState().members.g!.map((m) => m.id)).toEqual([ME, "b"]);
    expect(store.getState().conversations.g!.memberCount).toBe(2);
    client.stop();
  });

  it("member:left moves my ticks when the one member who had not read my message leaves", () => {
    const { store, socket, client } = setup();
    store.getState().receiveMessages("g", [msg(5, { conversationId: "g", senderId: ME })]);
    store.getState().upsertConversation({ ...store.getState().conversations.g!, memberCount: 3, minDeliveredSeq: 5, minReadSeq: 4 });
    const ticks = () => tickStatus({ seq: 5, withheld: false }, store.getState().conversations.g);
    expect(ticks()).toBe("delivered");
    // No member list loaded here: the event alone carries what the group is now.
    socket.fire("member:left", { conversationId: "g", userId: "c", memberCount: 2, minDeliveredSeq: 5, minReadSeq: 5 });
    expect(ticks()).toBe("read");
    expect(store.getState().conversations.g!.memberCount).toBe(2);
    // An older copy of the minima, overtaken by a receipt, takes nothing back.
    socket.fire("member:left", { conversationId: "g", userId: "d", memberCount: 1, minDeliveredSeq: 4, minReadSeq: 3 });
    expect(ticks()).toBe("read");
    client.stop();
  });

  it("a SYSTEM message refreshes a loaded member list (e.g. a new owner after someone left)", async () => {
    const { store, socket, api, client } = setup();
    store.getState().setMembers("g", [member(ME, "MEMBER"), member("b", "OWNER")]);
    socket.fire("message:new", msg(5, { conversationId: "g", type: "SYSTEM", text: null, system: { kind: "owner", targetName: meUser.name } }));
    await vi.waitFor(() => expect(store.getState().members.g!.find((m) => m.id === ME)?.role).toBe("OWNER"));
    expect(api.conversation).toHaveBeenCalledWith("g");
    client.stop();
  });
});
