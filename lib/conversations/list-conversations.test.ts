import { describe, expect, it } from "vitest";
import { createPublicGroup, setGroupArchived } from "@/lib/admin/manage-groups";
import { listConversations } from "@/lib/conversations/list-conversations";
import { joinGroup } from "@/lib/groups/join-group";
import { testDb } from "@/lib/test-support/database";
import { createTestUser } from "@/lib/test-support/fixtures";

const db = testDb();

describe("listConversations", () => {
  it("tells a member that an admin archived a group, so a reloaded app shows it read-only", async () => {
    const admin = await createTestUser(db, { name: "Archiving Admin", role: "ADMIN" });
    const member = await createTestUser(db, { name: "Archive Member" });
    const group = await createPublicGroup(admin.ctx, { name: `Archive list ${Date.now()}`, icon: "💬", iconBg: "#25a366", about: "", autoJoin: false });
    await joinGroup(member.ctx, { conversationId: group.id });
    const row = async () => (await listConversations(member.ctx)).find((c) => c.id === group.id);

    expect(await row()).toMatchObject({ groupArchived: false, isArchived: false });
    await setGroupArchived(admin.ctx, { conversationId: group.id, archived: true });
    // Still in my list (its history stays readable), marked archived by the admin; my own
    // archive folder setting is a different thing.
    expect(await row()).toMatchObject({ groupArchived: true, isArchived: false });
    await setGroupArchived(admin.ctx, { conversationId: group.id, archived: false });
    expect(await row()).toMatchObject({ groupArchived: false });
  });
});
