import { describe, expect, it } from "vitest";
import type { ConversationSummary, MemberDto } from "@/lib/realtime/contract";
import { createConversationLoader } from "./conversation-loader";
import { chatStore } from "./test-support/chat-store";
import { conv } from "./test-support/fixtures";

type Reply = { conversation: ConversationSummary; members: MemberDto[] };

/** A loader whose summary requests wait until the test answers them, in any order. */
function setup() {
  const group = conv({ id: "g", type: "GROUP", title: "Trip", peer: null });
  const store = chatStore([group]);
  const pending: ((reply: Reply) => void)[] = [];
  const api = { conversation: () => new Promise<Reply>((resolve) => pending.push(resolve)) };
  const loader = createConversationLoader({
    store,
    api,
    page: async () => ({ messages: [], nextBefore: null }),
    noteDelivered: () => undefined,
    checkGap: () => undefined,
  });
  const answer = async (n: number, over: Partial<ConversationSummary>) => {
    await until(() => pending.length > n);
    pending[n]!({ conversation: { ...group, ...over }, members: [] });
  };
  return { store, loader, answer, requests: () => pending.length };
}

async function until(ready: () => boolean) {
  for (let i = 0; i < 50 && !ready(); i++) await new Promise((r) => setTimeout(r, 0));
  expect(ready()).toBe(true);
}

describe("loading a chat's summary", () => {
  it("a copy read before my own change does not undo it: it is read again", async () => {
    const { store, loader, answer, requests } = setup();
    const loading = loader.loadConversation("g");
    // I turn "only admins send" on while the first read is out; the server answers that read
    // with the value from before.
    store.getState().patchConversation({ conversationId: "g", onlyAdminsSend: true });
    await answer(0, { onlyAdminsSend: false });
    await answer(1, { onlyAdminsSend: true });
    await loading;
    expect(requests()).toBe(2);
    expect(store.getState().conversations.g!.onlyAdminsSend).toBe(true);
  });

  it("asked again while a read is out (a change was announced): read once more, the later copy kept", async () => {
    const { store, loader, answer, requests } = setup();
    const first = loader.loadConversation("g");
    const second = loader.loadConversation("g");
    const third = loader.loadConversation("g");
    await answer(0, { title: "Trip" });
    await answer(1, { title: "Road trip" });
    await Promise.all([first, second, third]);
    expect(requests()).toBe(2);
    expect(store.getState().conversations.g!.title).toBe("Road trip");
  });

  it("one read when nothing changes meanwhile", async () => {
    const { store, loader, answer, requests } = setup();
    const loading = loader.loadConversation("g");
    await answer(0, { about: "Summer" });
    await loading;
    expect(requests()).toBe(1);
    expect(store.getState().conversations.g!.about).toBe("Summer");
  });
});
