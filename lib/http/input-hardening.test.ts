// Bad input at the transports: a NUL character anywhere, socket events sent with an ack alone,
// and what a 429 tells a client about when to come back.
import { beforeAll, describe, expect, it } from "vitest";
import * as adminGroupsRoute from "@/app/api/v1/admin/groups/route";
import * as adminUsersRoute from "@/app/api/v1/admin/users/route";
import * as conversationsRoute from "@/app/api/v1/conversations/route";
import * as messagesRoute from "@/app/api/v1/conversations/[id]/messages/route";
import * as groupRoute from "@/app/api/v1/groups/[id]/route";
import * as groupsRoute from "@/app/api/v1/groups/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as reactionsRoute from "@/app/api/v1/messages/[id]/reactions/route";
import * as usersRoute from "@/app/api/v1/users/route";
import { localSignInInput } from "@/lib/auth/local-sign-in";
import { openDirect } from "@/lib/conversations/open-direct";
import { env } from "@/lib/env";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { listMessages } from "@/lib/messages/list-messages";
import { sendMessage } from "@/lib/messages/send-message";
import { consume } from "@/lib/rate-limit/limiters";
import { testDb } from "@/lib/test-support/database";
import { liveRealtime } from "@/lib/test-support/live-realtime";
import { connectSynced, createTestUser, type TestUser } from "@/lib/test-support/fixtures";

const db = testDb();
const { server, sockets } = liveRealtime(db);

type RouteFn = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(fn: unknown, opts: { method: string; path: string; cookie: string; body?: unknown; params?: Record<string, string> }) {
  const headers: Record<string, string> = { host: "localhost:3000", cookie: opts.cookie };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return (fn as RouteFn)(new Request(`http://localhost:3000${opts.path}`, { method: opts.method, headers, body }), { params: Promise.resolve(opts.params ?? {}) });
}

/** A 400 that says what is wrong, never a 500. */
async function expectNulRefused(res: Response) {
  expect({ status: res.status, body: await res.json() }).toEqual({ status: 400, body: { error: { code: "BAD_REQUEST", message: "Text can't contain NUL characters" } } });
}

let ana: TestUser;
let ben: TestUser;
let admin: TestUser;
let dmId: string;
let messageId: string;

beforeAll(async () => {
  ana = await createTestUser(db, { name: "Hardening Ana" });
  ben = await createTestUser(db, { name: "Hardening Ben" });
  admin = await createTestUser(db, { name: "Hardening Admin", role: "ADMIN" });
  dmId = (await openDirect(ana.ctx, { userId: ben.id })).id;
  messageId = (await sendMessage(ana.ctx, { conversationId: dmId, clientId: `hardening-${dmId.slice(0, 8)}`, text: "hello" })).message.id;
});

// PostgreSQL keeps no NUL in text or JSON: let through, it failed the statement as a 500.
describe("a NUL character in what a client sends", () => {
  it("is refused with 400 in any request body: a message, my bio, a group's name or about, a reaction", async () => {
    const group = await createPrivateGroup(ana.ctx, { name: "Nul-free" });
    const nul = "a\u0000b";
    await expectNulRefused(await call(messagesRoute.POST, { method: "POST", path: `/api/v1/conversations/${dmId}/messages`, cookie: ana.cookie, params: { id: dmId }, body: { clientId: "hardening-nul-1", text: nul } }));
    await expectNulRefused(await call(meRoute.PATCH, { method: "PATCH", path: "/api/v1/me", cookie: ana.cookie, body: { bio: nul } }));
    await expectNulRefused(await call(groupsRoute.POST, { method: "POST", path: "/api/v1/groups", cookie: ana.cookie, body: { name: nul } }));
    for (const body of [{ name: nul }, { about: nul }]) {
      await expectNulRefused(await call(groupRoute.PATCH, { method: "PATCH", path: `/api/v1/groups/${group.id}`, cookie: ana.cookie, params: { id: group.id }, body }));
    }
    await expectNulRefused(await call(adminGroupsRoute.POST, { method: "POST", path: "/api/v1/admin/groups", cookie: admin.cookie, body: { name: "Nul public", icon: "🧪", iconBg: "#123456", about: nul } }));
    await expectNulRefused(await call(reactionsRoute.POST, { method: "POST", path: `/api/v1/messages/${messageId}/reactions`, cookie: ana.cookie, params: { id: messageId }, body: { emoji: "👍\u0000" } }));
    // Nothing of it was stored.
    expect((await listMessages(ben.ctx, { conversationId: dmId })).messages.map((m) => [m.text, m.reactions.length])).toEqual([["hello", 0]]);
  });

  it("is refused with 400 in a URL (%00), as a search for people", async () => {
    await expectNulRefused(await call(usersRoute.GET, { method: "GET", path: "/api/v1/users?q=a%00b", cookie: ana.cookie }));
    await expectNulRefused(await call(adminUsersRoute.GET, { method: "GET", path: "/api/v1/admin/users?q=a%00b", cookie: admin.cookie }));
  });

  it("is answered BAD_REQUEST over the socket, and the next send goes", async () => {
    const s = await connectSynced(server.url, ana.cookie, sockets);
    expect(await s.emitWithAck("message:send", { conversationId: dmId, clientId: "hardening-nul-2", text: "a\u0000b" })).toEqual({
      ok: false,
      error: { code: "BAD_REQUEST", message: "Text can't contain NUL characters" } });
    expect(await s.emitWithAck("message:send", { conversationId: dmId, clientId: "hardening-ok-2", text: "fine" })).toMatchObject({ ok: true, message: { text: "fine" } });
  });

  it("is refused as a name at local sign-in", () => {
    expect(localSignInInput.safeParse({ name: "Ana\u0000", email: "ana@example.test" }).error?.issues[0]?.message).toBe("Text can't contain NUL characters");
  });

  it("in one message that got past the transports fails that message alone, not the others stored with it", async () => {
    const carl = await createTestUser(db, { name: "Hardening Carl" });
    const chat = (await openDirect(ben.ctx, { userId: carl.id })).id;
    // Sends that arrive together are stored by one statement (group commit).
    const bens = Array.from({ length: 5 }, (_, i) => sendMessage(ben.ctx, { conversationId: chat, clientId: `hardening-batch-${i}-${chat.slice(0, 8)}`, text: `fine ${i}` }));
    const bad = sendMessage(ana.ctx, { conversationId: dmId, clientId: `hardening-batch-nul-${chat.slice(0, 8)}`, text: "a\u0000b" });
    const [results, badResult] = await Promise.all([Promise.allSettled(bens), bad.then(() => "stored", () => "refused")]);
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 5 }, () => "fulfilled"));
    expect(badResult).toBe("refused");
  });
});

// Socket.IO hands the ack over first when an event carries no input: it was then never answered.
describe("a socket event sent with an ack but no input", () => {
  it("is answered BAD_REQUEST at once, whichever event it is", async () => {
    const s = await connectSynced(server.url, ana.cookie, sockets);
    const timed = s.timeout(2000) as unknown as { emitWithAck: (event: string) => Promise<unknown> };
    for (const event of ["sync", "messages:list", "presence:watch", "message:send", "message:delete", "receipt:read"]) {
      const answer = await timed.emitWithAck(event).catch((err: Error) => ({ noAnswer: err.message }));
      expect(answer, event).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    }
  });
});

describe("a 429", () => {
  it("says in Retry-After as long as the limit's own wait (a minute for the API limit), as its message does", async () => {
    const user = await createTestUser(db, { name: "Hardening Limited" });
    await consume("api", user.id, env().RATE_LIMIT_API); // the whole minute's budget
    const res = await call(conversationsRoute.GET, { method: "GET", path: "/api/v1/conversations", cookie: user.cookie });
    expect(res.status).toBe(429);
    const { error } = (await res.json()) as { error: { message: string } };
    const wait = Number(/in (\d+) s/.exec(error.message)?.[1]);
    expect(wait).toBeGreaterThan(50);
    expect(Number(res.headers.get("retry-after"))).toBe(wait);
  });
});
