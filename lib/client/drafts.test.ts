import { describe, expect, it } from "vitest";
import { draftPreview, draftsKey, loadDrafts, saveDraftChanges, saveDrafts } from "./drafts";
import { MAX_MESSAGE_LENGTH } from "@/lib/limits";
import { chatStore } from "./test-support/chat-store";
import { ME } from "./test-support/fixtures";

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe("drafts", () => {
  it("survive a reload per user, without the chats where nothing is typed", () => {
    const storage = memoryStorage();
    saveDrafts(storage, "u1", { c1: "half a thought", c2: "   ", c3: "" });
    expect(loadDrafts(storage, "u1")).toEqual({ c1: "half a thought" });
    // Another account in the same browser sees none of them.
    expect(loadDrafts(storage, "u2")).toEqual({});
    saveDrafts(storage, "u1", { c1: "" });
    expect(storage.data.has(draftsKey("u1"))).toBe(false);
  });

  it("start empty rather than fail on what is malformed or absurd", () => {
    const storage = memoryStorage();
    for (const bad of ["{not json", "[1,2]", JSON.stringify({ c1: 5 }), JSON.stringify({ c1: "x".repeat(MAX_MESSAGE_LENGTH * 2 + 1) })]) {
      storage.setItem(draftsKey("u1"), bad);
      expect(loadDrafts(storage, "u1"), bad.slice(0, 20)).toEqual({});
    }
    expect(loadDrafts(undefined, "u1")).toEqual({});
  });

  it("show in the chat list on one line, and not at all when blank", () => {
    expect(draftPreview("see you\n\n at  8")).toBe("see you at 8");
    expect(draftPreview(" \n ")).toBeNull();
    expect(draftPreview(undefined)).toBeNull();
  });

  it("kept from an earlier visit do not overwrite what was typed since", () => {
    const store = chatStore([]);
    store.getState().setDraft("c1", "typed now");
    store.getState().hydrateDrafts({ c1: "old", c2: "kept" });
    expect(store.getState().drafts).toEqual({ c1: "typed now", c2: "kept" });
  });
});

describe("drafts shared by two tabs", () => {
  /** A tab: a store whose draft changes are saved to the shared storage. */
  function tab(storage: ReturnType<typeof memoryStorage>) {
    const store = chatStore([]);
    store.subscribe((next, prev) => saveDraftChanges(storage, next.me.id, prev.drafts, next.drafts));
    return store.getState();
  }

  it("a tab saves only the chats whose draft it changed", () => {
    const storage = memoryStorage();
    const a = tab(storage);
    const b = tab(storage);
    a.setDraft("c1", "typed in A");
    b.setDraft("c2", "typed in B");
    expect(loadDrafts(storage, ME)).toEqual({ c1: "typed in A", c2: "typed in B" });
    b.setDraft("c2", "  ");
    expect(loadDrafts(storage, ME)).toEqual({ c1: "typed in A" });
    a.setDraft("c1", "");
    expect(storage.data.has(draftsKey(ME))).toBe(false);
  });
});
