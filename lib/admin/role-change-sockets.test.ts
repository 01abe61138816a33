import { describe, expect, it } from "vitest";
import { createPublicGroup } from "@/lib/admin/manage-groups";
import { setUserRole } from "@/lib/admin/manage-users";
import { ioPublisher } from "@/lib/realtime/publisher";
import { testDb } from "@/lib/test-support/database";
import { liveRealtime } from "@/lib/test-support/live-realtime";
import { connectSynced, createTestUser } from "@/lib/test-support/fixtures";

const db = testDb();
const { server, sockets } = liveRealtime(db);

describe("a role change reaches open sockets", () => {
  it("a demoted admin's open tab loses admin rights at once: it is disconnected and comes back as a user", async () => {
    const owner = await createTestUser(db, { role: "ADMIN" });
    const demoted = await createTestUser(db, { role: "ADMIN" });
    const ownerCtx = { ...owner.ctx, publish: ioPublisher(server.io) };
    const group = await createPublicGroup(ownerCtx, { name: "Moderated lounge", icon: "🛡️", iconBg: "#123456" });

    const tab = await connectSynced(server.url, demoted.cookie, sockets);
    // As an admin they read a public group they never joined (moderation).
    expect(await tab.emitWithAck("messages:list", { conversationId: group.id })).toMatchObject({ ok: true });

    const ended = new Promise<string>((resolve) => tab.once("disconnect", resolve));
    await setUserRole(ownerCtx, { userId: demoted.id, role: "USER" });
    expect(await ended).toBe("io server disconnect");

    const again = await connectSynced(server.url, demoted.cookie, sockets);
    expect(await again.emitWithAck("messages:list", { conversationId: group.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});
