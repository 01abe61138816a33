import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher } from "@/lib/test-support/fixtures";
import { listConversations } from "./list-conversations";
import { openDirect } from "./open-direct";
import { updateConversationSettings } from "./update-settings";

const db = testDb();

describe("favourite chats", () => {
  it("are mine alone: added and removed, told to my devices, listed with the flag; the other person sees no change", async () => {
    const publish = recordingPublisher();
    const me = await createTestUser(db, { name: "Fav Me", publish });
    const friend = await createTestUser(db, { name: "Fav Friend" });
    const chat = await openDirect(me.ctx, { userId: friend.id });

    const added = await updateConversationSettings(me.ctx, { conversationId: chat.id, isFavourite: true });
    expect(added.isFavourite).toBe(true);
    expect(publish.events).toContainEqual(expect.objectContaining({ to: `user:${me.id}`, event: "conversation:updated", payload: expect.objectContaining({ id: chat.id, isFavourite: true }) }));
    expect((await listConversations(me.ctx)).find((c) => c.id === chat.id)?.isFavourite).toBe(true);
    const [theirs] = await db.participant.findMany({ where: { conversationId: chat.id, userId: friend.id }, select: { isFavourite: true } });
    expect(theirs).toEqual({ isFavourite: false });

    expect((await updateConversationSettings(me.ctx, { conversationId: chat.id, isFavourite: false })).isFavourite).toBe(false);
    expect((await listConversations(me.ctx)).find((c) => c.id === chat.id)?.isFavourite).toBe(false);
  });

  it("can't be set on someone else's chat", async () => {
    const [a, b, outsider] = [await createTestUser(db), await createTestUser(db), await createTestUser(db)];
    const chat = await openDirect(a.ctx, { userId: b.id });
    await expect(updateConversationSettings(outsider.ctx, { conversationId: chat.id, isFavourite: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.participant.count({ where: { conversationId: chat.id, isFavourite: true } })).toBe(0);
  });
});
