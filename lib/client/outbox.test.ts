import { describe, expect, it } from "vitest";
import type { LinkPreviewDto } from "@/lib/realtime/contract";
import {
  addEntry,
  dueForSend,
  hasContent,
  loadOutbox,
  newEntry,
  outboxKey,
  parseOutbox,
  removeEntry,
  saveOutboxChanges,
  sendInput,
  updateEntry,
} from "./outbox";

const at = new Date("2025-03-10T12:00:00.000Z");
const entry = (clientId: string, over = {}) => ({
  ...newEntry({ clientId, conversationId: "c1", senderId: "u1", text: `hi ${clientId}` }, at),
  ...over,
});

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

describe("outbox operations", () => {
  it("adds once per clientId, removes and updates", () => {
    let box = addEntry([], entry("a"));
    box = addEntry(box, entry("a"));
    box = addEntry(box, entry("b"));
    expect(box.map((e) => e.clientId)).toEqual(["a", "b"]);
    box = updateEntry(box, "a", { attempts: 2, lastAttemptAt: 10 });
    expect(box[0]).toMatchObject({ attempts: 2, lastAttemptAt: 10 });
    expect(removeEntry(box, "a").map((e) => e.clientId)).toEqual(["b"]);
    expect(removeEntry(box, "zzz")).toBe(box);
  });

  it("sends one at a time per conversation, in order, skipping failed ones", () => {
    const inConv = (clientId: string, conversationId: string, over = {}) => ({ ...entry(clientId, over), conversationId });
    const box = [
      inConv("a1", "a", { failed: "Too long" }),
      inConv("a2", "a"),
      inConv("a3", "a"),
      inConv("b1", "b", { lastAttemptAt: 9_000 }),
      inConv("b2", "b"),
      inConv("c1", "c", { lastAttemptAt: 1_000 }),
      inConv("d1", "d"),
      inConv("d2", "d"),
    ];
    // a2 is first in a (a1 failed); b1 was sent 1 s ago and blocks b; c1 timed out; d1 is in flight.
    expect(dueForSend(box, 10_000, new Set(["d1"]), 8_000).map((e) => e.clientId)).toEqual(["a2", "c1"]);
    // After a reconnect everything unacked goes again (timeout 0), still one per conversation.
    expect(dueForSend(box, 10_000, new Set(), 0).map((e) => e.clientId)).toEqual(["a2", "b1", "c1", "d1"]);
  });
});

describe("outbox persistence", () => {
  it("round-trips through storage per user and resends after a reload", () => {
    const storage = new MemoryStorage();
    const saved = [entry("a", { lastAttemptAt: 5, attempts: 1 })];
    saveOutboxChanges(storage, "u1", [], saved);
    expect(storage.data.has(outboxKey("u1"))).toBe(true);
    const loaded = loadOutbox(storage, "u1");
    expect(loaded).toHaveLength(1);
    expect(loaded[0]).toMatchObject({ clientId: "a", text: "hi a", attempts: 1, lastAttemptAt: null });
    expect(loadOutbox(storage, "u2")).toEqual([]);
    saveOutboxChanges(storage, "u1", saved, []);
    expect(storage.data.has(outboxKey("u1"))).toBe(false);
  });

  it("drops garbage instead of crashing", () => {
    expect(parseOutbox("{not json", "u1")).toEqual([]);
    expect(parseOutbox(JSON.stringify({ a: 1 }), "u1")).toEqual([]);
    expect(parseOutbox(JSON.stringify([{ clientId: 1 }, entry("ok")]), "u1").map((e) => e.clientId)).toEqual(["ok"]);
    // Someone else's entries never get sent under my account.
    expect(parseOutbox(JSON.stringify([entry("x")]), "u2")).toEqual([]);
  });

  it("tolerates storage that throws", () => {
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("quota");
      },
      removeItem: () => undefined,
    };
    expect(loadOutbox(broken, "u1")).toEqual([]);
    expect(() => saveOutboxChanges(broken, "u1", [], [entry("a")])).not.toThrow();
  });
});

describe("an entry with a link preview", () => {
  const linkPreview: LinkPreviewDto = {
    url: "https://example.org/post",
    title: "A post",
    description: "What it says",
    siteName: "Example",
    thumbnail: "data:image/webp;base64,UklGRg==",
  };
  const withPreview = (over = {}) => ({
    ...newEntry({ clientId: "lp", conversationId: "c1", senderId: "u1", text: "see https://example.org/post", linkPreview }, at),
    ...over,
  });

  it("is sent with the link's url only (the server attaches its own copy)", () => {
    expect(sendInput(withPreview())).toEqual({ conversationId: "c1", clientId: "lp", text: "see https://example.org/post", linkPreviewUrl: "https://example.org/post" });
    expect(sendInput(entry("plain"))).not.toHaveProperty("linkPreviewUrl");
    // No undefined key is stored for plain text.
    expect("linkPreview" in newEntry({ clientId: "p", conversationId: "c1", senderId: "u1", text: "hi", linkPreview: undefined }, at)).toBe(false);
  });

  it("round-trips through storage", () => {
    const storage = new MemoryStorage();
    saveOutboxChanges(storage, "u1", [], [withPreview()]);
    expect(loadOutbox(storage, "u1")[0]?.linkPreview).toEqual(linkPreview);
  });

  it("is dropped when its preview is not what this app stores", () => {
    const bad = (over: Partial<LinkPreviewDto>) => JSON.stringify([withPreview({ linkPreview: { ...linkPreview, ...over } })]);
    expect(parseOutbox(bad({}), "u1")).toHaveLength(1);
    expect(parseOutbox(bad({ thumbnail: null, description: null, siteName: null }), "u1")).toHaveLength(1);
    expect(parseOutbox(bad({ thumbnail: "javascript:alert(1)" }), "u1")).toEqual([]);
    expect(parseOutbox(bad({ thumbnail: "https://tracker.test/pixel.png" }), "u1")).toEqual([]);
    expect(parseOutbox(bad({ thumbnail: `data:image/webp;base64,${"A".repeat(32_000)}` }), "u1")).toEqual([]);
    expect(parseOutbox(bad({ title: "t".repeat(201) }), "u1")).toEqual([]);
    expect(parseOutbox(bad({ url: `https://example.org/${"a".repeat(2048)}` }), "u1")).toEqual([]);
  });
});

describe("outbox persistence shared by two tabs", () => {
  const stored = (storage: MemoryStorage) => loadOutbox(storage, "u1").map((e) => `${e.clientId}:${e.attempts}`);

  it("each tab writes only what it added, updated or removed", () => {
    const storage = new MemoryStorage();
    const [a1, b1] = [entry("a1"), entry("b1")];
    saveOutboxChanges(storage, "u1", [], [a1]); // tab A
    saveOutboxChanges(storage, "u1", [], [b1]); // tab B
    expect(stored(storage)).toEqual(["a1:0", "b1:0"]);
    // B's retry updates its entry in place (the send order survives a reload).
    saveOutboxChanges(storage, "u1", [b1], updateEntry([b1], "b1", { attempts: 1 }));
    expect(stored(storage)).toEqual(["a1:0", "b1:1"]);
    // A's ack removes only A's entry; the last one out removes the key.
    saveOutboxChanges(storage, "u1", [a1], []);
    expect(stored(storage)).toEqual(["b1:1"]);
    saveOutboxChanges(storage, "u1", [b1], []);
    expect(storage.data.has(outboxKey("u1"))).toBe(false);
  });

  it("writes the other tabs' stored items back as they are, and tolerates broken storage", () => {
    const storage = new MemoryStorage();
    const other = { ...entry("x"), fromNewerVersion: true };
    storage.setItem(outboxKey("u1"), JSON.stringify([other]));
    saveOutboxChanges(storage, "u1", [], [entry("mine")]);
    expect(JSON.parse(storage.getItem(outboxKey("u1"))!)).toEqual([other, entry("mine")]);
    const broken = {
      getItem: () => "{not json",
      setItem: () => {
        throw new Error("quota");
      },
      removeItem: () => undefined,
    };
    expect(() => saveOutboxChanges(broken, "u1", [], [entry("a")])).not.toThrow();
  });
});

describe("an entry with a contact card", () => {
  const contact = { id: "u-cleo", name: "Cleo", username: "cleo", initials: "C", avatarColor: "#00a884" };
  const card = () => newEntry({ clientId: "card", conversationId: "c1", senderId: "u1", text: "", contact }, at);

  it("counts as something to send, goes as the person's id, and survives a reload (a reply to it too)", () => {
    expect(hasContent(card())).toBe(true);
    expect(sendInput(card())).toEqual({ conversationId: "c1", clientId: "card", contact: { userId: "u-cleo" } });
    const reply = newEntry(
      {
        clientId: "reply",
        conversationId: "c1",
        senderId: "u1",
        text: "who is this?",
        replyToId: "m1",
        replyTo: { id: "m1", seq: 1, senderId: "u2", senderName: "Ana", type: "CONTACT", text: null, deleted: false, attachmentKind: null, chat: null },
      },
      at,
    );
    const storage = new MemoryStorage();
    saveOutboxChanges(storage, "u1", [], [card(), reply]);
    expect(loadOutbox(storage, "u1").map((e) => e.contact ?? e.replyTo?.type)).toEqual([contact, "CONTACT"]);
  });
});
