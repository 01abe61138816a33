import { describe, expect, it } from "vitest";
import { openDirect } from "@/lib/conversations/open-direct";
import { listMessages } from "@/lib/messages/list-messages";
import { listPins, pinMessage } from "@/lib/messages/pin-message";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { createTestUser } from "@/lib/test-support/fixtures";

const db = testDb();


describe("pins under double submits", () => {
  it("a double-clicked Pin pins once and announces once", async () => {
    const alice = await createTestUser(db, { name: "Twice Pinning Alice" });
    const bob = await createTestUser(db, { name: "Twice Pinned Bob" });
    const chat = await openDirect(alice.ctx, { userId: bob.id });
    for (let round = 0; round < 3; round++) {
      const { message } = await sendMessage(bob.ctx, { conversationId: chat.id, clientId: `pin-race-${round}-${chat.id.slice(0, 8)}`, text: `pin me ${round}` });
      await Promise.all([pinMessage(alice.ctx, { messageId: message.id }), pinMessage(alice.ctx, { messageId: message.id })]);
    }
    const notices = (await listMessages(bob.ctx, { conversationId: chat.id })).messages.filter((m) => m.type === "SYSTEM").map((m) => m.system);
    expect(notices).toEqual([0, 1, 2].map(() => ({ kind: "pinned", actorName: "Twice Pinning Alice" })));
    expect((await listPins(bob.ctx, { conversationId: chat.id })).pins.map((p) => p.message.text)).toEqual(["pin me 2", "pin me 1", "pin me 0"]);
  });
});
