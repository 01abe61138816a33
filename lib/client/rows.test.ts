import { describe, expect, it } from "vitest";
import { newEntry } from "./outbox";
import { buildRows, messageKey } from "./rows";
import { ANA, ME, msg } from "./test-support/fixtures";

const day1 = (h: number, m = 0) => new Date(2025, 2, 10, h, m).toISOString();
const day2 = (h: number, m = 0) => new Date(2025, 2, 11, h, m).toISOString();

describe("buildRows", () => {
  it("adds a date separator per calendar day", () => {
    const rows = buildRows({
      messages: [msg(1, { createdAt: day1(9) }), msg(2, { createdAt: day1(10) }), msg(3, { createdAt: day2(9) })],
      pending: [],
      meId: ME,
      unreadAfterSeq: null,
    });
    expect(rows.map((r) => r.kind)).toEqual(["date", "message", "message", "date", "message"]);
  });

  it("puts the unread divider before the first unread message from someone else, with the count", () => {
    const rows = buildRows({
      messages: [
        msg(1, { createdAt: day1(9) }),
        msg(2, { createdAt: day1(9, 1), senderId: ME }),
        msg(3, { createdAt: day1(9, 2) }),
        msg(4, { createdAt: day1(9, 3) }),
      ],
      pending: [],
      meId: ME,
      unreadAfterSeq: 1,
    });
    const idx = rows.findIndex((r) => r.kind === "unread");
    expect(rows[idx]).toMatchObject({ kind: "unread", count: 2 });
    expect(rows[idx + 1]).toMatchObject({ kind: "message", message: { seq: 3 } });
  });

  it("keeps the count it had when the chat was opened", () => {
    const rows = buildRows({
      messages: [msg(1, { createdAt: day1(9) }), msg(2, { createdAt: day1(9, 1) }), msg(3, { createdAt: day1(9, 2) })],
      pending: [],
      meId: ME,
      unreadAfterSeq: 0,
      unreadUpToSeq: 2,
    });
    expect(rows.find((r) => r.kind === "unread")).toMatchObject({ count: 2 });
  });

  it("no divider when nothing is unread", () => {
    const rows = buildRows({ messages: [msg(1, { createdAt: day1(9) })], pending: [], meId: ME, unreadAfterSeq: 1 });
    expect(rows.some((r) => r.kind === "unread")).toBe(false);
  });

  it("marks runs by sender (tail on the first, name once)", () => {
    const rows = buildRows({
      messages: [
        msg(1, { createdAt: day1(9) }),
        msg(2, { createdAt: day1(9, 1) }),
        msg(3, { createdAt: day1(9, 2), senderId: ME }),
      ],
      pending: [],
      meId: ME,
      unreadAfterSeq: null,
    }).filter((r) => r.kind === "message");
    expect(rows.map((r) => r.kind === "message" && [r.firstOfRun, r.lastOfRun, r.mine])).toEqual([
      [true, false, false],
      [false, true, false],
      [true, true, true],
    ]);
  });

  it("shows pending messages after stored ones, and not twice once stored", () => {
    const pendingEntry = newEntry({ clientId: "p1", conversationId: "c1", senderId: ME, text: "sending" }, new Date(2025, 2, 10, 9, 5));
    const base = [msg(1, { createdAt: day1(9) })];
    const before = buildRows({ messages: base, pending: [pendingEntry], meId: ME, unreadAfterSeq: null });
    const last = before[before.length - 1]!;
    expect(last).toMatchObject({ kind: "message", mine: true, message: { pending: { failed: null }, seq: null } });

    const stored = msg(2, { senderId: ME, clientId: "p1", createdAt: day1(9, 5) });
    const after = buildRows({ messages: [...base, stored], pending: [pendingEntry], meId: ME, unreadAfterSeq: null });
    expect(after.filter((r) => r.kind === "message")).toHaveLength(2);
    // Same key pending → stored: the bubble is not remounted.
    expect(after[after.length - 1]!.key).toBe(last.key);
    expect(last.key).toBe(messageKey({ senderId: ME, clientId: "p1" }));
  });

  it("shows the outbox entry's link preview while pending, then the stored one", () => {
    const linkPreview = { url: "https://example.org", title: "Example", description: null, siteName: null, thumbnail: null };
    const entry = newEntry({ clientId: "p1", conversationId: "c1", senderId: ME, text: "https://example.org", linkPreview }, new Date(2025, 2, 10, 9, 5));
    const bubble = (rows: ReturnType<typeof buildRows>) => rows.flatMap((r) => (r.kind === "message" ? [r.message] : []));
    expect(bubble(buildRows({ messages: [], pending: [entry], meId: ME, unreadAfterSeq: null }))[0]).toMatchObject({ pending: { failed: null }, linkPreview });
    const storedPreview = { ...linkPreview, title: "Example (as the server stored it)" };
    const stored = msg(1, { senderId: ME, clientId: "p1", text: "https://example.org", linkPreview: storedPreview });
    expect(bubble(buildRows({ messages: [stored], pending: [entry], meId: ME, unreadAfterSeq: null }))).toMatchObject([{ pending: null, linkPreview: storedPreview }]);
    // Edited out (or never had one): none.
    expect(bubble(buildRows({ messages: [msg(2)], pending: [], meId: ME, unreadAfterSeq: null }))[0]!.linkPreview).toBeNull();
  });

  it("keeps keys unique even if two stored messages share a clientId", () => {
    const rows = buildRows({
      messages: [msg(1, { clientId: "same", senderId: ANA }), msg(2, { clientId: "same", senderId: ANA })],
      pending: [],
      meId: ME,
      unreadAfterSeq: null,
    });
    const keys = rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
