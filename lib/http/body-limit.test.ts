import { beforeAll, describe, expect, it } from "vitest";
import * as messagesRoute from "@/app/api/v1/conversations/[id]/messages/route";
import { openDirect } from "@/lib/conversations/open-direct";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, type TestUser } from "@/lib/test-support/fixtures";
import { MAX_JSON_BYTES } from "@/lib/limits";

const db = testDb();
let ana: TestUser;
let dmId: string;

beforeAll(async () => {
  ana = await createTestUser(db, { name: "Body Ana" });
  const ben = await createTestUser(db, { name: "Body Ben" });
  dmId = (await openDirect(ana.ctx, { userId: ben.id })).id;
});

/** POST a message with this body; `headers` add to the cookie and JSON type. */
function post(body: BodyInit, headers: Record<string, string> = {}) {
  const req = new Request(`http://localhost:3000/api/v1/conversations/${dmId}/messages`, {
    method: "POST",
    headers: { host: "localhost:3000", cookie: ana.cookie, "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return messagesRoute.POST(req, { params: Promise.resolve({ id: dmId }) });
}

/** A chunked body (no Content-Length) that never ends: counts the bytes the server pulled. */
function endlessBody() {
  const chunk = new TextEncoder().encode(`{"clientId":"endless-body-1","text":"${"a".repeat(16 * 1024)}`);
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

const tooLarge = { error: { code: "PAYLOAD_TOO_LARGE", message: "Request body is larger than 256 KB" } };

describe("JSON request bodies", () => {
  it("refuses a body larger than 256 KB with 413 before parsing it", async () => {
    const res = await post(JSON.stringify({ clientId: "too-large-body-1", text: "a".repeat(MAX_JSON_BYTES) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(tooLarge);
    expect(await db.message.count({ where: { conversationId: dmId } })).toBe(0);
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const { stream, pulled } = endlessBody();
    const res = await post(stream, { "content-length": String(MAX_JSON_BYTES + 1) });
    expect(res.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(16 * 1024 * 2);
  });

  it("stops reading a chunked body as soon as it passes the limit", async () => {
    const { stream, pulled } = endlessBody();
    const res = await post(stream);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(tooLarge);
    expect(pulled.bytes).toBeLessThan(MAX_JSON_BYTES + 64 * 1024);
  });

  it("reads a body of up to 256 KB as before", async () => {
    const envelope = JSON.stringify({ clientId: "at-limit-body-1", text: "" });
    const atLimit = await post(JSON.stringify({ clientId: "at-limit-body-1", text: "a".repeat(MAX_JSON_BYTES - envelope.length) }));
    // Read and parsed: what refuses it now is the message length rule.
    expect(atLimit.status).toBe(400);
    expect(await atLimit.json()).toMatchObject({ error: { code: "BAD_REQUEST", message: "Messages can be at most 4096 characters" } });
    const ok = await post(JSON.stringify({ clientId: "normal-body-1", text: "héllo 👋" }));
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ message: { text: "héllo 👋" } });
    const bad = await post("{not json");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "BAD_REQUEST", message: "Body must be JSON" } });
  });
});
