import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher } from "@/lib/test-support/fixtures";
import { setBlocked } from "./block-user";

const db = testDb();

describe("setBlocked", () => {
  it("tells my other tabs, and only me, whom I blocked and unblocked", async () => {
    const publish = recordingPublisher();
    const me = await createTestUser(db, { name: "Blocker", publish });
    const bo = await createTestUser(db, { name: "Bo Blocked" });

    await setBlocked(me.ctx, { userId: bo.id, blocked: true });
    await setBlocked(me.ctx, { userId: bo.id, blocked: false });

    const events = publish.events.filter((e) => e.event === "block:changed");
    expect(events.map((e) => e.to)).toEqual([`user:${me.id}`, `user:${me.id}`]);
    expect(events.map((e) => e.payload)).toEqual([
      { user: expect.objectContaining({ id: bo.id, name: "Bo Blocked" }), blocked: true },
      { user: expect.objectContaining({ id: bo.id, name: "Bo Blocked" }), blocked: false },
    ]);
    expect(await db.block.count({ where: { blockerId: me.id } })).toBe(0);
  });
});
