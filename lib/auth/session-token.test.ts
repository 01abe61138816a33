import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { userFromRequest } from "@/lib/auth/current-user";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { revokeSession } from "@/lib/auth/sessions";
import { readSessionClaims } from "@/lib/auth/session-token";
import { testDb } from "@/lib/test-support/database";
import { createTestUser } from "@/lib/test-support/fixtures";

// readSessionClaims remembers tokens it has decrypted: these pin that the memory never accepts
// more than decrypting again would, and that it never stands in for the session check.

const db = testDb();
const SALT = "authjs.session-token";
const SECRET = "session-token-test-secret-0123456789abcdef";

const mint = (secret: string, maxAge: number, sid = crypto.randomUUID()) =>
  encode({ token: { uid: crypto.randomUUID(), sid, sub: "x" }, secret, salt: SALT, maxAge });
const lookupFor = (token: string) => (name: string) => (name === SALT ? token : undefined);

afterEach(() => {
  vi.useRealTimers();
});

describe("readSessionClaims", () => {
  it("gives the same claims for a token read again", async () => {
    const sid = crypto.randomUUID();
    const token = await mint(SECRET, 3600, sid);
    const first = await readSessionClaims(lookupFor(token), SECRET);
    expect(first).toMatchObject({ sid });
    expect(await readSessionClaims(lookupFor(token), SECRET)).toEqual(first);
  });

  it("refuses a token it has read once under another secret", async () => {
    const token = await mint(SECRET, 3600);
    expect(await readSessionClaims(lookupFor(token), SECRET)).not.toBeNull();
    expect(await readSessionClaims(lookupFor(token), "another-secret-0123456789abcdef-0123456789")).toBeNull();
  });

  it("refuses a token it has read once after the token expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const token = await mint(SECRET, 60);
    expect(await readSessionClaims(lookupFor(token), SECRET)).not.toBeNull();
    vi.setSystemTime(Date.now() + 120_000);
    expect(await readSessionClaims(lookupFor(token), SECRET)).toBeNull();
  });

  it("refuses a tampered token", async () => {
    const token = await mint(SECRET, 3600);
    await readSessionClaims(lookupFor(token), SECRET);
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await readSessionClaims(lookupFor(tampered), SECRET)).toBeNull();
  });
});

describe("userFromRequest", () => {
  it("refuses a session the moment it is revoked, however often its cookie was used", async () => {
    const user = await createTestUser(db);
    const request = () => new Request("http://localhost/api/v1/me", { headers: { cookie: user.cookie } });
    for (let i = 0; i < 3; i++) expect(await userFromRequest(request())).toMatchObject({ id: user.id, sessionId: user.sessionId });
    await revokeSession(db, user.sessionId);
    expect(await userFromRequest(request())).toBeNull();
  });

  it("refuses an expired session row even with a valid cookie", async () => {
    const user = await createTestUser(db);
    await db.session.update({ where: { id: user.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const token = await encode({ token: { uid: user.id, sid: user.sessionId, sub: user.id }, secret: resolveAuthSecret(), salt: SALT });
    expect(await userFromRequest(new Request("http://localhost/", { headers: { cookie: `${SALT}=${token}` } }))).toBeNull();
  });
});
