import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as adminUsersRoute from "@/app/api/v1/admin/users/route";
import { testDb } from "@/lib/test-support/database";
import { liveRealtime } from "@/lib/test-support/live-realtime";
import { connectSynced, createTestUser } from "@/lib/test-support/fixtures";
import { updateProfile } from "@/lib/users/profile";

// The console's people list says who is online now. Their stored last seen is only written on
// connect and disconnect, so without this an admin read "Last seen 22 min ago" for someone
// chatting right now. Called as the real route, which finds the live Socket.IO server itself.

const db = testDb();
const { server, sockets } = liveRealtime(db);

type Row = { id: string; online: boolean; lastActiveAt: string | null };

async function listedAsAdmin(cookie: string, q: string): Promise<Map<string, Row>> {
  const req = new Request(`http://localhost:3000/api/v1/admin/users?q=${encodeURIComponent(q)}`, { headers: { host: "localhost:3000", cookie } });
  const res = await adminUsersRoute.GET(req, { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  const { users } = (await res.json()) as { users: Row[] };
  return new Map(users.map((u) => [u.id, u]));
}

describe("admin users list: online now", () => {
  it("reports a connected user online and one who closed their tab offline with their last seen", async () => {
    const tag = `Presence${randomUUID().slice(0, 8)}`;
    const admin = await createTestUser(db, { role: "ADMIN" });
    const here = await createTestUser(db, { name: `${tag} Here` });
    const gone = await createTestUser(db, { name: `${tag} Gone` });
    // Hiding last seen from other users does not hide it from admins, so neither does online.
    const hidden = await createTestUser(db, { name: `${tag} Hidden` });
    await updateProfile(hidden.ctx, { settings: { lastSeen: "nobody" } });

    await connectSynced(server.url, here.cookie, sockets);
    await connectSynced(server.url, hidden.cookie, sockets);
    const goneTab = await connectSynced(server.url, gone.cookie, sockets);
    goneTab.close();
    // The server notices the closed socket a moment later.
    await expect.poll(async () => (await listedAsAdmin(admin.cookie, tag)).get(gone.id)?.online).toBe(false);

    const rows = await listedAsAdmin(admin.cookie, tag);
    expect(rows.get(here.id)).toMatchObject({ online: true });
    expect(rows.get(hidden.id)).toMatchObject({ online: true });
    expect(rows.get(gone.id)).toMatchObject({ online: false, lastActiveAt: expect.any(String) });
  });
});
