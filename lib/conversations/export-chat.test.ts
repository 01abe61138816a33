import { describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v1/conversations/[id]/export/route";
import { clearChat } from "@/lib/conversations/clear-chat";
import { exportChat } from "@/lib/conversations/export-chat";
import { openDirect } from "@/lib/conversations/open-direct";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { deleteMessages } from "@/lib/messages/delete-message";
import { editMessage } from "@/lib/messages/edit-message";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, type TestUser } from "@/lib/test-support/fixtures";

const db = testDb();
let n = 0;

async function text(ctx: TestUser["ctx"], conversationId: string, tz?: string): Promise<string> {
  const { lines } = await exportChat(ctx, { conversationId, tz });
  let all = "";
  for await (const chunk of lines) all += chunk;
  return all;
}

describe("exportChat", () => {
  it("writes the chat as I see it, one line per message with its time in my zone", async () => {
    const ana = await createTestUser(db, { name: "Export Ana" });
    const ben = await createTestUser(db, { name: "Export Ben" });
    const chat = await openDirect(ana.ctx, { userId: ben.id });
    const say = (u: TestUser, body: Omit<Parameters<typeof sendMessage>[1], "conversationId" | "clientId">) =>
      sendMessage(u.ctx, { conversationId: chat.id, clientId: `export-${++n}-${chat.id.slice(0, 8)}`, ...body });
    await say(ana, { text: "before the clearing" });
    await clearChat(ana.ctx, { conversationId: chat.id });
    const { message: hello } = await say(ana, { text: "hello\nsecond line" });
    await say(ben, { location: { lat: 52.52, lng: 13.405, label: "Berlin" } });
    const { message: gone } = await say(ben, { text: "oops" });
    await deleteMessages(ben.ctx, { messageIds: [gone.id], for: "everyone" });
    const { message: mine } = await say(ben, { text: "hidden for Ana" });
    await deleteMessages(ana.ctx, { messageIds: [mine.id], for: "me" });
    await editMessage(ana.ctx, { messageId: hello.id, text: "hello\nsecond line!" });
    await say(ben, { text: "Lunch?", poll: { options: ["Yes", "No"] } });

    const file = await text(ana.ctx, chat.id, "Asia/Tokyo");
    const lines = file.trimEnd().split("\n");
    const time = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).format(new Date(hello.createdAt)).replace(",", "");
    expect(lines[0]).toBe(`${time} Export Ana: hello`);
    expect(lines.slice(1)).toEqual([
      "    second line! <edited>",
      expect.stringMatching(/ Export Ben: 📍 Berlin \(52\.52, 13\.405\)$/),
      expect.stringMatching(/ Export Ben: This message was deleted$/),
      expect.stringMatching(/ Export Ben: 📊 POLL: Lunch\? \| OPTION: Yes \| OPTION: No$/),
    ]);
    expect(file).not.toContain("before the clearing");
    expect(file).not.toContain("hidden for Ana");
    // Ben cleared nothing: his file has the first message.
    expect(await text(ben.ctx, chat.id)).toContain(`Export Ana: before the clearing`);
  });

  it("a group's file has its events in words; outsiders and unknown zones are refused", async () => {
    const owner = await createTestUser(db, { name: "Export Owner" });
    const outsider = await createTestUser(db);
    const group = await createPrivateGroup(owner.ctx, { name: "Export/Club" });
    expect(await text(owner.ctx, group.id)).toMatch(/ Export Owner created group “Export\/Club”\n$/);
    await expect(exportChat(outsider.ctx, { conversationId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportChat(owner.ctx, { conversationId: group.id, tz: "Mars/Olympus" })).rejects.toThrow("Unknown time zone");
  });

  it("over HTTP: a streamed .txt download named after the chat; an outsider gets 404", async () => {
    const owner = await createTestUser(db, { name: "Http Owner" });
    const outsider = await createTestUser(db);
    const group = await createPrivateGroup(owner.ctx, { name: "Trip: Rome" });
    const call = (cookie: string) =>
      exportRoute.GET(new Request(`http://localhost:3000/api/v1/conversations/${group.id}/export?tz=UTC`, { headers: { cookie, host: "localhost:3000" } }), {
        params: Promise.resolve({ id: group.id }),
      });
    const res = await call(owner.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(`filename="Convo chat with Trip Rome.txt"`);
    expect(await res.text()).toContain("Http Owner created group “Trip: Rome”");
    const refused = await call(outsider.cookie);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain("Trip");
  });
});
