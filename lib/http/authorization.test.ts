import { beforeAll, describe, expect, it } from "vitest";
import * as clearRoute from "@/app/api/v1/conversations/[id]/clear/route";
import * as exportRoute from "@/app/api/v1/conversations/[id]/export/route";
import * as conversationRoute from "@/app/api/v1/conversations/[id]/route";
import * as messagesRoute from "@/app/api/v1/conversations/[id]/messages/route";
import * as readRoute from "@/app/api/v1/conversations/[id]/read/route";
import * as conversationsRoute from "@/app/api/v1/conversations/route";
import * as groupJoinRoute from "@/app/api/v1/groups/[id]/join/route";
import * as groupLeaveRoute from "@/app/api/v1/groups/[id]/leave/route";
import * as groupsRoute from "@/app/api/v1/groups/route";
import * as receiptsRoute from "@/app/api/v1/messages/[id]/receipts/route";
import * as messageRoute from "@/app/api/v1/messages/[id]/route";
import * as usersRoute from "@/app/api/v1/users/route";
import * as mediaRoute from "@/app/api/v1/conversations/[id]/media/route";
import * as settingsRoute from "@/app/api/v1/conversations/[id]/settings/route";
import * as messageTimerRoute from "@/app/api/v1/conversations/[id]/message-timer/route";
import * as editsRoute from "@/app/api/v1/messages/[id]/edits/route";
import * as forwardRoute from "@/app/api/v1/messages/forward/route";
import * as reactionsRoute from "@/app/api/v1/messages/[id]/reactions/route";
import * as pinRoute from "@/app/api/v1/messages/[id]/pin/route";
import * as pinsRoute from "@/app/api/v1/conversations/[id]/pins/route";
import * as starRoute from "@/app/api/v1/messages/star/route";
import * as deleteRoute from "@/app/api/v1/messages/delete/route";
import * as votesRoute from "@/app/api/v1/messages/[id]/votes/route";
import * as searchRoute from "@/app/api/v1/search/route";
import * as starredRoute from "@/app/api/v1/starred/route";
import * as linkPreviewsRoute from "@/app/api/v1/link-previews/route";
import { openDirect } from "@/lib/conversations/open-direct";
import { joinGroup } from "@/lib/groups/join-group";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, type TestUser } from "@/lib/test-support/fixtures";

const db = testDb();
const BASE = "http://localhost:3000";

type RouteFn = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(fn: RouteFn, opts: { method: string; path: string; cookie?: string; body?: unknown; params?: Record<string, string>; origin?: string }) {
  const headers: Record<string, string> = { host: "localhost:3000" };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.origin) headers.origin = opts.origin;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`${BASE}${opts.path}`, {
    method: opts.method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  return fn(req, { params: Promise.resolve(opts.params ?? {}) });
}

let alice: TestUser;
let bob: TestUser;
let outsider: TestUser;
let directId: string;
let publicGroupId: string;
let privateGroupId: string;
let aliceMessageId: string;

beforeAll(async () => {
  alice = await createTestUser(db, { name: "Alice Matrix" });
  bob = await createTestUser(db, { name: "Bob Matrix" });
  outsider = await createTestUser(db, { name: "Olga Outsider" });
  directId = (await openDirect(alice.ctx, { userId: bob.id })).id;
  aliceMessageId = (await sendMessage(alice.ctx, { conversationId: directId, clientId: "matrix-msg-1", text: "secret plans" })).message.id;
  const group = await db.conversation.create({
    data: { type: "GROUP", name: "Matrix Public", visibility: "PUBLIC" },
  });
  publicGroupId = group.id;
  await joinGroup(alice.ctx, { conversationId: publicGroupId });
  const privateGroup = await db.conversation.create({
    data: { type: "GROUP", name: "Matrix Private", visibility: "PRIVATE", participants: { create: [{ userId: alice.id, role: "OWNER" }] } },
  });
  privateGroupId = privateGroup.id;
});

/** Every route, as [name, handler, method, path, params, body], about chat `t.chatId` and its message `t.messageId`. */
function routes(t: { chatId: string; messageId: string } = { chatId: directId, messageId: aliceMessageId }) {
  return [
    ["list conversations", conversationsRoute.GET, "GET", "/api/v1/conversations", {}, undefined],
    ["open direct", conversationsRoute.POST, "POST", "/api/v1/conversations", {}, { userId: alice.id }],
    ["get conversation", conversationRoute.GET, "GET", `/api/v1/conversations/${t.chatId}`, { id: t.chatId }, undefined],
    ["list messages", messagesRoute.GET, "GET", `/api/v1/conversations/${t.chatId}/messages`, { id: t.chatId }, undefined],
    ["send message", messagesRoute.POST, "POST", `/api/v1/conversations/${t.chatId}/messages`, { id: t.chatId }, { clientId: "outsider-attempt-1", text: "hi" }],
    ["mark read", readRoute.POST, "POST", `/api/v1/conversations/${t.chatId}/read`, { id: t.chatId }, { seq: 1 }],
    ["delete for me", deleteRoute.POST, "POST", "/api/v1/messages/delete", {}, { messageIds: [t.messageId], for: "me" }],
    ["delete for everyone", deleteRoute.POST, "POST", "/api/v1/messages/delete", {}, { messageIds: [t.messageId], for: "everyone" }],
    ["message receipts", receiptsRoute.GET, "GET", `/api/v1/messages/${t.messageId}/receipts`, { id: t.messageId }, undefined],
    ["list groups", groupsRoute.GET, "GET", "/api/v1/groups", {}, undefined],
    ["join private group", groupJoinRoute.POST, "POST", `/api/v1/groups/${privateGroupId}/join`, { id: privateGroupId }, undefined],
    ["leave group not joined", groupLeaveRoute.POST, "POST", `/api/v1/groups/${publicGroupId}/leave`, { id: publicGroupId }, undefined],
    ["search users", usersRoute.GET, "GET", "/api/v1/users?q=Matrix", {}, undefined],
    ["edit message", messageRoute.PATCH, "PATCH", `/api/v1/messages/${t.messageId}`, { id: t.messageId }, { text: "edited by outsider" }],
    ["edit history", editsRoute.GET, "GET", `/api/v1/messages/${t.messageId}/edits`, { id: t.messageId }, undefined],
    ["react", reactionsRoute.POST, "POST", `/api/v1/messages/${t.messageId}/reactions`, { id: t.messageId }, { emoji: "👍" }],
    ["forward", forwardRoute.POST, "POST", "/api/v1/messages/forward", {}, { messageIds: [t.messageId], conversationIds: [t.chatId], clientId: "outsider-fwd-1" }],
    ["star", starRoute.POST, "POST", "/api/v1/messages/star", {}, { messageIds: [t.messageId], starred: true }],
    ["unstar", starRoute.POST, "POST", "/api/v1/messages/star", {}, { messageIds: [t.messageId], starred: false }],
    ["starred list", starredRoute.GET, "GET", "/api/v1/starred", {}, undefined],
    ["search", searchRoute.GET, "GET", "/api/v1/search?q=secret", {}, undefined],
    ["search in chat", searchRoute.GET, "GET", `/api/v1/search?q=secret&conversationId=${t.chatId}`, {}, undefined],
    ["chat settings", settingsRoute.PATCH, "PATCH", `/api/v1/conversations/${t.chatId}/settings`, { id: t.chatId }, { isPinned: true }],
    ["media gallery", mediaRoute.GET, "GET", `/api/v1/conversations/${t.chatId}/media?kind=media`, { id: t.chatId }, undefined],
    ["clear chat", clearRoute.POST, "POST", `/api/v1/conversations/${t.chatId}/clear`, { id: t.chatId }, undefined],
    ["delete chat", conversationRoute.DELETE, "DELETE", `/api/v1/conversations/${t.chatId}`, { id: t.chatId }, undefined],
    ["pin", pinRoute.PUT, "PUT", `/api/v1/messages/${t.messageId}/pin`, { id: t.messageId }, { duration: "7d" }],
    ["unpin", pinRoute.DELETE, "DELETE", `/api/v1/messages/${t.messageId}/pin`, { id: t.messageId }, undefined],
    ["export chat", exportRoute.GET, "GET", `/api/v1/conversations/${t.chatId}/export?tz=UTC`, { id: t.chatId }, undefined],
    ["vote", votesRoute.PUT, "PUT", `/api/v1/messages/${t.messageId}/votes`, { id: t.messageId }, { options: [0] }],
    ["list pins", pinsRoute.GET, "GET", `/api/v1/conversations/${t.chatId}/pins`, { id: t.chatId }, undefined],
    // Not about a chat: an address inside our network, which is never fetched (null preview).
    ["link preview", linkPreviewsRoute.POST, "POST", "/api/v1/link-previews", {}, { url: "http://127.0.0.1:5432/" }],
    ["message timer", messageTimerRoute.PUT, "PUT", `/api/v1/conversations/${t.chatId}/message-timer`, { id: t.chatId }, { seconds: 86400 }],
  ] as const;
}

/** The routes about one chat or its messages: someone not in the chat gets NOT_FOUND from each. */
const DENIED_TO_NON_MEMBERS = new Set([
  "get conversation", "list messages", "send message", "mark read", "delete for me",
  "delete for everyone", "message receipts", "join private group", "leave group not joined",
  "edit message", "edit history", "react", "forward", "star", "unstar", "chat settings", "media gallery",
  "clear chat", "delete chat", "pin", "unpin", "list pins", "vote", "export chat", "message timer",
]);

/**
 * Calls every route as someone not in the chat: each chat-scoped one answers NOT_FOUND, the others
 * succeed, and no answer contains any of `secrets`. Returns each route's name and answer.
 */
async function callAsNonMember(cookie: string, all: ReturnType<typeof routes>, secrets: string[]): Promise<[string, string][]> {
  const answers: [string, string][] = [];
  for (const [name, fn, method, path, params, body] of all) {
    const res = await call(fn as RouteFn, { method, path, params, body, cookie });
    const text = await res.text();
    for (const secret of secrets) expect(text, name).not.toContain(secret);
    if (DENIED_TO_NON_MEMBERS.has(name)) {
      expect(res.status, name).toBe(404);
      expect(JSON.parse(text).error.code, name).toBe("NOT_FOUND");
    } else {
      expect(res.status, name).toBeLessThan(300);
    }
    answers.push([name, text]);
  }
  return answers;
}

describe("HTTP API v1 authorization", () => {
  it("refuses every route without a session", async () => {
    for (const [name, fn, method, path, params, body] of routes()) {
      const res = await call(fn as RouteFn, { method, path, params, body });
      expect(res.status, name).toBe(401);
      expect((await res.json()).error.code, name).toBe("UNAUTHENTICATED");
    }
  });

  it("refuses a revoked session", async () => {
    const carol = await createTestUser(db);
    await db.session.update({ where: { id: carol.sessionId }, data: { revokedAt: new Date() } });
    const res = await call(conversationsRoute.GET as RouteFn, { method: "GET", path: "/api/v1/conversations", cookie: carol.cookie });
    expect(res.status).toBe(401);
  });

  it("refuses cross-origin writes", async () => {
    const res = await call(messagesRoute.POST as RouteFn, {
      method: "POST",
      path: `/api/v1/conversations/${directId}/messages`,
      params: { id: directId },
      cookie: alice.cookie,
      origin: "https://evil.example",
      body: { clientId: "cross-origin-1", text: "hi" },
    });
    expect(res.status).toBe(403);
    expect(await db.message.count({ where: { clientId: "cross-origin-1" } })).toBe(0);
  });

  it("denies an outsider every conversation-scoped route and leaks nothing", async () => {
    for (const [name, text] of await callAsNonMember(outsider.cookie, routes(), ["secret plans", "Matrix Private"])) {
      if (name === "list conversations") expect(JSON.parse(text).conversations.map((c: { id: string }) => c.id)).not.toContain(directId);
      if (name === "search" || name === "search in chat") expect(JSON.parse(text).hits).toEqual([]);
      if (name === "starred list") expect(JSON.parse(text).items).toEqual([]);
    }
    // Nothing changed on the other side.
    const message = await db.message.findUniqueOrThrow({ where: { id: aliceMessageId } });
    expect(message.deletedAt).toBeNull();
    expect(await db.message.count({ where: { conversationId: directId } })).toBe(1);
    expect(await db.messageHide.count({ where: { userId: outsider.id } })).toBe(0);
    expect(message.text).toBe("secret plans");
    expect(message.editedAt).toBeNull();
    expect(await db.reaction.count({ where: { userId: outsider.id } })).toBe(0);
    expect(await db.star.count({ where: { userId: outsider.id } })).toBe(0);
    expect(await db.message.count({ where: { senderId: outsider.id } })).toBe(0);
    expect(await db.participant.count({ where: { userId: outsider.id, conversationId: privateGroupId } })).toBe(0);
    expect(await db.participant.count({ where: { conversationId: directId, OR: [{ clearedSeq: { gt: 0 } }, { chatDeletedAt: { not: null } }] } })).toBe(0);
    expect(await db.pinnedMessage.count({ where: { conversationId: directId } })).toBe(0);
    expect(await db.pollVote.count({ where: { userId: outsider.id } })).toBe(0);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: directId } })).messageTimerSec).toBeNull();
  });

  it("denies a member who left a group every route about it, and leaks nothing of what came after", async () => {
    const { leaveGroup } = await import("@/lib/groups/leave-group");
    const former = await createTestUser(db, { name: "Fred Former Matrix" });
    const group = await db.conversation.create({ data: { type: "GROUP", name: "Matrix Left", visibility: "PUBLIC" } });
    await joinGroup(alice.ctx, { conversationId: group.id });
    await joinGroup(former.ctx, { conversationId: group.id });
    await leaveGroup(former.ctx, { conversationId: group.id });
    const said = (await sendMessage(alice.ctx, { conversationId: group.id, clientId: "matrix-left-1", text: "said once Fred left" })).message;
    await callAsNonMember(former.cookie, routes({ chatId: group.id, messageId: said.id }), ["said once Fred left"]);
    const message = await db.message.findUniqueOrThrow({ where: { id: said.id } });
    expect([message.text, message.deletedAt, message.editedAt]).toEqual(["said once Fred left", null, null]);
    expect(await db.message.count({ where: { conversationId: group.id, senderId: former.id, type: { not: "SYSTEM" } } })).toBe(0);
    expect(await db.reaction.count({ where: { userId: former.id } })).toBe(0);
    expect(await db.star.count({ where: { userId: former.id } })).toBe(0);
    expect(await db.pinnedMessage.count({ where: { conversationId: group.id } })).toBe(0);
    expect(await db.participant.findMany({ where: { conversationId: group.id, userId: former.id }, select: { leftAt: true } })).toEqual([
      { leftAt: expect.any(Date) },
    ]);
  });

  it("lets members use the same routes", async () => {
    const list = await call(messagesRoute.GET as RouteFn, { method: "GET", path: `/api/v1/conversations/${directId}/messages`, params: { id: directId }, cookie: bob.cookie });
    expect(list.status).toBe(200);
    expect((await list.json()).messages.map((m: { text: string }) => m.text)).toEqual(["secret plans"]);

    const sent = await call(messagesRoute.POST as RouteFn, {
      method: "POST", path: `/api/v1/conversations/${directId}/messages`, params: { id: directId }, cookie: bob.cookie, origin: BASE,
      body: { clientId: "bob-http-1", text: "got it" },
    });
    expect(sent.status).toBe(201);
    const retry = await call(messagesRoute.POST as RouteFn, {
      method: "POST", path: `/api/v1/conversations/${directId}/messages`, params: { id: directId }, cookie: bob.cookie,
      body: { clientId: "bob-http-1", text: "got it" },
    });
    expect(retry.status).toBe(200);
    expect((await retry.json()).message.id).toBe((await sent.json()).message.id);

    const bobDeletesAlices = await call(deleteRoute.POST as RouteFn, {
      method: "POST", path: "/api/v1/messages/delete", params: {}, cookie: bob.cookie, body: { messageIds: [aliceMessageId], for: "everyone" },
    });
    expect(bobDeletesAlices.status).toBe(403);
  });

  it("answers bad input with 400 and a message", async () => {
    const res = await call(messagesRoute.POST as RouteFn, {
      method: "POST", path: `/api/v1/conversations/${directId}/messages`, params: { id: directId }, cookie: alice.cookie,
      body: { clientId: "bad-input-1", text: "   " },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({ code: "BAD_REQUEST", message: "Message is empty" });
    const badId = await call(conversationRoute.GET as RouteFn, { method: "GET", path: "/api/v1/conversations/nope", params: { id: "nope" }, cookie: alice.cookie });
    expect(badId.status).toBe(400);
  });
});

