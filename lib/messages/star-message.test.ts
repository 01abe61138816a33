import { describe, expect, it } from "vitest";
import { openDirect } from "@/lib/conversations/open-direct";
import { testDb } from "@/lib/test-support/database";
import { createTestUser } from "@/lib/test-support/fixtures";
import { deleteMessages } from "./delete-message";
import { sendMessage } from "./send-message";
import { listStarred, starMessages } from "./star-message";

const db = testDb();
let n = 0;
const cid = () => `star-${Date.now().toString(36)}-${n++}-abcd`;

describe("Starred after 'Delete for me'", () => {
  it("leaves my list (as in the chat), and only mine: the other person's star stays", async () => {
    const me = await createTestUser(db, { name: "Star Me" });
    const peer = await createTestUser(db, { name: "Star Peer" });
    const dm = await openDirect(me.ctx, { userId: peer.id });
    const send = (text: string) => sendMessage(peer.ctx, { conversationId: dm.id, clientId: cid(), text }).then((r) => r.message);
    const kept = await send("keep this");
    const gone = await send("remember this");
    for (const m of [kept, gone]) {
      await starMessages(me.ctx, { messageIds: [m.id], starred: true });
      await starMessages(peer.ctx, { messageIds: [m.id], starred: true });
    }

    await deleteMessages(me.ctx, { messageIds: [gone.id], for: "me" });

    const mine = await listStarred(me.ctx);
    expect(mine.items.map((i) => i.message.text)).toEqual(["keep this"]);
    expect(mine.messageIds).toEqual([kept.id]);
    expect((await listStarred(peer.ctx)).items.map((i) => i.message.text).sort()).toEqual(["keep this", "remember this"]);
  });
});
