import { describe, expect, it } from "vitest";
import type { MessagePage } from "@/lib/realtime/contract";
import { jumpToMessage, loadMessageContext, type JumpDeps } from "./search-jump";
import type { ChatStore } from "./store";
import { chatStore } from "./test-support/chat-store";
import { conv, msg } from "./test-support/fixtures";

/** A server holding messages 1..total; pages like lib/messages/list-messages.ts. */
function fakeServer(total: number) {
  const all = Array.from({ length: total }, (_, i) => msg(i + 1));
  const calls: string[] = [];
  const latest = (limit: number): MessagePage => {
    const page = all.slice(-limit);
    return { messages: page, nextBefore: page.length < all.length ? page[0]!.seq : null };
  };
  return {
    calls,
    latest,
    around: async (_c: string, seq: number): Promise<MessagePage> => {
      calls.push(`around ${seq}`);
      const before = seq + 26;
      const older = all.filter((m) => m.seq < before);
      const page = older.slice(-50);
      return { messages: page, nextBefore: older.length > 50 ? page[0]!.seq : null };
    },
    after: async (_c: string, seq: number, limit: number): Promise<MessagePage> => {
      calls.push(`after ${seq} ${limit}`);
      const newer = all.filter((m) => m.seq > seq);
      const page = newer.slice(0, limit);
      return { messages: page, nextBefore: null, nextAfter: newer.length > limit ? page.at(-1)!.seq : null };
    },
  };
}

function setup(total: number) {
  const server = fakeServer(total);
  const store = chatStore([conv({ lastSeq: total, readSeq: total })]);
  const deps: JumpDeps = {
    store,
    loadLatest: async (id) => {
      server.calls.push("latest");
      store.getState().setMessagesStatus(id, "loading");
      store.getState().pageLoaded(id, server.latest(50), "latest");
    },
    around: server.around,
    after: server.after,
  };
  return { server, store, deps };
}

const seqs = (store: ChatStore) => store.getState().messages.c1!.items.map((m) => m.seq);

describe("loadMessageContext", () => {
  it("loads the latest page first and stops when the message is in it", async () => {
    const { server, store, deps } = setup(80);
    expect(await loadMessageContext(deps, "c1", 70)).toBe(true);
    expect(server.calls).toEqual(["latest"]);
    expect(seqs(store)).toEqual(Array.from({ length: 50 }, (_, i) => 31 + i));
  });

  it("an old message: its page plus the gap, contiguous to the latest, cursor untouched", async () => {
    const { server, store, deps } = setup(300);
    await deps.loadLatest("c1");
    expect(await loadMessageContext(deps, "c1", 20)).toBe(true);
    expect(server.calls).toEqual(["latest", "around 20", "after 45 100", "after 145 100", "after 245 5"]);
    const loaded = seqs(store);
    expect(loaded[0]).toBe(1);
    expect(loaded).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const m = store.getState().messages.c1!;
    expect(m.nextBefore).toBeNull();
    expect(m.syncedSeq).toBe(300);
  });

  it("keeps nextBefore for older history above the target's page", async () => {
    const { store, deps } = setup(400);
    await deps.loadLatest("c1");
    await loadMessageContext(deps, "c1", 200);
    const m = store.getState().messages.c1!;
    expect(m.items[0]!.seq).toBe(176);
    expect(m.nextBefore).toBe(176);
    expect(m.items.at(-1)!.seq).toBe(400);
    expect(m.items.length).toBe(225);
  });

  it("jumpToMessage sets the focus request after loading", async () => {
    const { store, deps } = setup(120);
    await jumpToMessage(deps, { conversationId: "c1", messageId: "m3", seq: 3 });
    expect(store.getState().focus).toMatchObject({ conversationId: "c1", messageId: "m3", seq: 3 });
    expect(seqs(store)).toContain(3);
  });
});
