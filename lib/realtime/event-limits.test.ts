import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as messagesRoute from "@/app/api/v1/conversations/[id]/messages/route";
import * as messageRoute from "@/app/api/v1/messages/[id]/route";
import { openDirect } from "@/lib/conversations/open-direct";
import { env, resetEnvForTests } from "@/lib/env";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { liveRealtime } from "@/lib/test-support/live-realtime";
import { collect, connectSocket, connectSynced, createTestUser, sleep, type TestUser } from "@/lib/test-support/fixtures";

const db = testDb();
const connect = (user: TestUser) => connectSynced(server.url, user.cookie, sockets);

// Small limits, so a flood passes them in a few events. Set before the server installs its limiters.
const LIMITS = { RATE_LIMIT_MESSAGES: "10", RATE_LIMIT_API: "20" };
const previous: Record<string, string | undefined> = {};

beforeAll(async () => {
  for (const [key, value] of Object.entries(LIMITS)) {
    previous[key] = process.env[key];
    process.env[key] = value;
  }
  resetEnvForTests();
});
const { server, sockets } = liveRealtime(db);

afterAll(async () => {
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvForTests();
});

async function pair() {
  const ana = await createTestUser(db, { name: "Limit Ana" });
  const ben = await createTestUser(db, { name: "Limit Ben" });
  const dm = await openDirect(ana.ctx, { userId: ben.id });
  return { ana, ben, dm };
}

const refusedCodes = (results: { ok: boolean; error?: { code: string } }[]) => results.flatMap((r) => (r.ok ? [] : [r.error!.code]));

describe("socket event limits", () => {
  it("relays a typing flood only up to the limit, and drops the rest without an answer", async () => {
    const { ana, ben, dm } = await pair();
    const [a, b] = [await connect(ana), await connect(ben)];
    const typing = collect(b, "typing");
    for (let i = 0; i < 500; i++) a.emit("typing", { conversationId: dm.id, isTyping: i % 2 === 0 });
    await sleep(1000);
    // The first hints arrive as usual; the flood stops at 30 per 10 s.
    expect(typing.seen[0]).toEqual({ conversationId: dm.id, userId: ana.id, isTyping: true });
    expect(typing.seen.length).toBe(30);
    // Nothing else of Ana's is refused for it.
    expect(await a.emitWithAck("presence:watch", { userIds: [ben.id] })).toMatchObject({ ok: true });
  });

  it("tells the chat of a deleted message once, however often it is deleted, and answers each delete alike", async () => {
    const { ana, ben, dm } = await pair();
    const { message } = await sendMessage(ana.ctx, { conversationId: dm.id, clientId: `del-${dm.id.slice(0, 8)}`, text: "oops" });
    const [a, b] = [await connect(ana), await connect(ben)];
    const deleted = collect(b, "message:deleted");
    const del = () => a.emitWithAck("message:delete", { messageIds: [message.id], for: "everyone" });
    const answers = [...(await Promise.all([del(), del(), del(), del()])), await del()];
    expect(answers).toEqual(Array.from({ length: 5 }, () => ({ ok: true, deleted: [{ messageId: message.id, byAdmin: false }] })));
    await sleep(300);
    expect(deleted.seen).toEqual([{ conversationId: dm.id, messageId: message.id, seq: message.seq, forEveryone: true, byAdmin: false }]);
  });

  it("answers RATE_LIMITED to deletes past the messages limit", async () => {
    const { ana, dm } = await pair();
    const limit = env().RATE_LIMIT_MESSAGES;
    const { message } = await sendMessage(ana.ctx, { conversationId: dm.id, clientId: `del2-${dm.id.slice(0, 8)}`, text: "gone" });
    const a = await connect(ana);
    const answers = await Promise.all(
      Array.from({ length: limit + 3 }, () => a.emitWithAck("message:delete", { messageIds: [message.id], for: "everyone" })),
    );
    expect(refusedCodes(answers)).toEqual(["RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED"]);
  });

  it("counts a delete of several picked messages as one write per message", async () => {
    const { ana, dm } = await pair();
    const limit = env().RATE_LIMIT_MESSAGES;
    const picked = [];
    for (let i = 0; i < 10; i++) picked.push((await sendMessage(ana.ctx, { conversationId: dm.id, clientId: `del3-${i}-${dm.id.slice(0, 8)}`, text: `m${i}` })).message.id);
    const a = await connect(ana);
    // limit / 10 deletes of ten use the whole budget: the next single one is refused.
    for (let i = 0; i < limit / 10; i++) expect(await a.emitWithAck("message:delete", { messageIds: picked, for: "me" })).toMatchObject({ ok: true });
    expect(await a.emitWithAck("message:delete", { messageIds: [picked[0]!], for: "me" })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
  });

  it("answers RATE_LIMITED to syncs and presence watches past the API limit", async () => {
    const { ana, ben } = await pair();
    const limit = env().RATE_LIMIT_API;
    const a = await connect(ana); // its handshake and its sync are the first two
    const answers = await Promise.all(
      Array.from({ length: limit + 4 }, (_, i) =>
        i % 2 === 0 ? a.emitWithAck("sync", { cursors: {} }) : a.emitWithAck("presence:watch", { userIds: [ben.id] }),
      ),
    );
    expect(refusedCodes(answers)).toEqual(Array.from({ length: 6 }, () => "RATE_LIMITED"));
  });

  it("refuses connections past the API limit: a reconnect loop is bounded", async () => {
    const { ana } = await pair();
    const limit = env().RATE_LIMIT_API;
    const outcomes: string[] = [];
    for (let i = 0; i < limit + 3; i++) {
      const socket = await connectSocket(server.url, ana.cookie).then(
        (s) => (s.close(), "connected"),
        (err: Error) => err.message,
      );
      outcomes.push(socket);
    }
    expect(outcomes).toEqual([...Array.from({ length: limit }, () => "connected"), "RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED"]);
  });

  it("answers RATE_LIMITED to a flood of receipts", async () => {
    const { ana, ben, dm } = await pair();
    const { message } = await sendMessage(ana.ctx, { conversationId: dm.id, clientId: `rcpt-${dm.id.slice(0, 8)}`, text: "read me" });
    const b = await connect(ben);
    const answers = await Promise.all(
      Array.from({ length: 650 }, (_, i) => b.emitWithAck(i % 2 ? "receipt:read" : "receipt:delivered", { conversationId: dm.id, seq: message.seq })),
    );
    expect(answers[0]).toEqual({ ok: true });
    expect(refusedCodes(answers)).toEqual(Array.from({ length: 50 }, () => "RATE_LIMITED"));
    // The browser waits that long before sending them again (lib/client/retry.ts).
    const refusal = answers.find((a) => !a.ok) as { error: { retryAfterSeconds: number } };
    expect(refusal.error.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe("message writes over HTTP", () => {
  type RouteFn = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
  const call = (fn: RouteFn, user: TestUser, method: string, path: string, id: string, body: unknown) =>
    fn(
      new Request(`http://localhost:3000${path}`, {
        method,
        headers: { host: "localhost:3000", cookie: user.cookie, "content-type": "application/json" },
        body: JSON.stringify(body) }),
      { params: Promise.resolve({ id }) },
    );

  it("share the socket's messages limit: past it, an HTTP send or edit is refused with 429", async () => {
    const { ana, dm } = await pair();
    const limit = env().RATE_LIMIT_MESSAGES;
    const a = await connect(ana);
    const sent = [];
    for (let i = 0; i < limit; i++) {
      sent.push(await a.emitWithAck("message:send", { conversationId: dm.id, clientId: `http-${i}-${dm.id.slice(0, 8)}`, text: `#${i}` }));
    }
    expect(refusedCodes(sent)).toEqual([]);
    const messageId = (sent[0] as { message: { id: string } }).message.id;

    const send = await call(messagesRoute.POST, ana, "POST", `/api/v1/conversations/${dm.id}/messages`, dm.id, { clientId: `http-over-${dm.id.slice(0, 8)}`, text: "one more" });
    expect(send.status).toBe(429);
    expect(await send.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
    const edit = await call(messageRoute.PATCH, ana, "PATCH", `/api/v1/messages/${messageId}`, messageId, { text: "edited" });
    expect(edit.status).toBe(429);
    expect(await db.message.count({ where: { conversationId: dm.id } })).toBe(limit);
  });
});
