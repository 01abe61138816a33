import { describe, expect, it } from "vitest";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { leaveGroup } from "@/lib/groups/leave-group";
import { testDb } from "@/lib/test-support/database";
import { createTestUser } from "@/lib/test-support/fixtures";
import { getUserProfile } from "./profile";

const db = testDb();

describe("groups in common, in someone's profile", () => {
  it("lists the groups we are both in now, by name, with their member counts; nobody else's", async () => {
    const [ana, ben, cleo] = await Promise.all([
      createTestUser(db, { name: "Common Ana" }),
      createTestUser(db, { name: "Common Ben" }),
      createTestUser(db, { name: "Common Cleo" }),
    ]);
    const climbing = await createPrivateGroup(ana.ctx, { name: "Climbing", memberIds: [ben.id, cleo.id], icon: "🧗", iconBg: "#1f7ae0" });
    await createPrivateGroup(ben.ctx, { name: "Book club", memberIds: [ana.id] });
    const left = await createPrivateGroup(ana.ctx, { name: "Old team", memberIds: [ben.id] });
    await leaveGroup(ben.ctx, { conversationId: left.id });
    await createPrivateGroup(ana.ctx, { name: "Only Ana and Cleo", memberIds: [cleo.id] });

    const seenByAna = (await getUserProfile(ana.ctx, { userId: ben.id })).groupsInCommon;
    expect(seenByAna.map((g) => [g.name, g.memberCount])).toEqual([
      ["Book club", 2],
      ["Climbing", 3],
    ]);
    expect(seenByAna[1]).toEqual({ id: climbing.id, name: "Climbing", icon: "🧗", iconBg: "#1f7ae0", memberCount: 3 });
    // Cleo, looking at Ben, sees only what she is in herself.
    expect((await getUserProfile(cleo.ctx, { userId: ben.id })).groupsInCommon.map((g) => g.name)).toEqual(["Climbing"]);
    // My own profile lists none.
    expect((await getUserProfile(ana.ctx, { userId: ana.id })).groupsInCommon).toEqual([]);
  });
});
