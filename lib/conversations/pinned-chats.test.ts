import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test-support/database";
import { createTestUser } from "@/lib/test-support/fixtures";
import { listConversations } from "./list-conversations";
import { openDirect } from "./open-direct";
import { MAX_PINNED, updateConversationSettings } from "./update-settings";

const db = testDb();


describe("pinned chats", () => {
  it("tabs pinning chats at once never make more than three: the rest are refused", async () => {
    for (let round = 0; round < 3; round++) {
      const me = await createTestUser(db, { name: "Many Tabs" });
      const chats = [];
      for (let i = 0; i < 6; i++) chats.push(await openDirect(me.ctx, { userId: (await createTestUser(db)).id }));
      await updateConversationSettings(me.ctx, { conversationId: chats[0]!.id, isPinned: true });

      const results = await Promise.allSettled(chats.slice(1).map((c) => updateConversationSettings(me.ctx, { conversationId: c.id, isPinned: true })));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_PINNED - 1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
      expect((await listConversations(me.ctx)).filter((c) => c.isPinned)).toHaveLength(MAX_PINNED);
    }
  });
});
