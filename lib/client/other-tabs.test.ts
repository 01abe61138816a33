import { afterEach, describe, expect, it } from "vitest";
import { listenToOtherTabs, tellOtherTabs, type TabNotice } from "./other-tabs";

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

function listen(userId: string): TabNotice[] {
  const heard: TabNotice[] = [];
  stops.push(listenToOtherTabs(userId, (n) => heard.push(n)));
  return heard;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("other tabs", () => {
  it("hear a chat deleted in another tab of the same user only", async () => {
    const mine = listen("me");
    const someoneElse = listen("other");
    tellOtherTabs({ kind: "chat-deleted", userId: "me", conversationId: "g1" });
    await settle();
    expect(mine).toEqual([{ kind: "chat-deleted", userId: "me", conversationId: "g1" }]);
    expect(someoneElse).toEqual([]);
  });

  it("ignore messages that are not notices", async () => {
    const mine = listen("me");
    const channel = new BroadcastChannel("convo-tabs");
    channel.postMessage({ kind: "chat-deleted", userId: "me" });
    channel.postMessage("chat-deleted");
    channel.close();
    await settle();
    expect(mine).toEqual([]);
  });
});
