import { describe, expect, it } from "vitest";
import type { AttachmentDto } from "@/lib/realtime/contract";
import { appendPage, docItems, groupByMonth, linkItems, mediaTiles, monthLabel } from "./gallery";
import { msg } from "./test-support/fixtures";

const att = (id: string, kind: AttachmentDto["kind"]): AttachmentDto => ({
  id,
  kind,
  name: `${id}.bin`,
  mime: "application/octet-stream",
  size: 10,
  width: null,
  height: null,
  hasThumbnail: kind === "IMAGE",
});

describe("media gallery", () => {
  it("splits attachments into media tiles and documents", () => {
    const messages = [msg(3, { type: "IMAGE", attachments: [att("a", "IMAGE"), att("b", "VIDEO")] }), msg(2, { type: "FILE", attachments: [att("c", "FILE"), att("d", "AUDIO")] })];
    expect(mediaTiles(messages).map((t) => t.attachment.id)).toEqual(["a", "b"]);
    expect(docItems(messages).map((t) => t.attachment.id)).toEqual(["c", "d"]);
  });

  it("finds http(s) links, once per message, with their host", () => {
    const items = linkItems([
      msg(5, { text: "see https://www.example.com/a?b=1. and https://www.example.com/a?b=1 again" }),
      msg(4, { text: "javascript:alert(1) http://docs.test/x (ok)" }),
    ]);
    expect(items.map((l) => [l.href, l.host])).toEqual([
      ["https://www.example.com/a?b=1", "example.com"],
      ["http://docs.test/x", "docs.test"],
    ]);
  });

  it("gives a link the preview its message was sent with, and only that link", () => {
    const preview = { url: "https://news.test/a", title: "A headline", description: null, siteName: "News", thumbnail: null };
    const items = linkItems([msg(6, { text: "https://news.test/a and https://other.test/b", linkPreview: preview })]);
    expect(items.map((l) => [l.href, l.preview?.title ?? null])).toEqual([
      ["https://news.test/a", "A headline"],
      ["https://other.test/b", null],
    ]);
  });

  it("appends pages without duplicates", () => {
    expect(appendPage([msg(3), msg(2)], [msg(2), msg(1)]).map((m) => m.seq)).toEqual([3, 2, 1]);
  });

  it("groups by month", () => {
    const now = new Date(2025, 2, 20);
    expect(monthLabel(new Date(2025, 2, 1).toISOString(), now, "en-US")).toBe("This month");
    expect(monthLabel(new Date(2025, 0, 5).toISOString(), now, "en-US")).toBe("January");
    expect(monthLabel(new Date(2024, 11, 5).toISOString(), now, "en-US")).toBe("December 2024");
    const items = [new Date(2025, 2, 2), new Date(2025, 2, 1), new Date(2025, 1, 9)].map((d, i) => ({ message: msg(i + 1, { createdAt: d.toISOString() }) }));
    expect(groupByMonth(items, now, "en-US").map((g) => [g.label, g.items.length])).toEqual([
      ["This month", 2],
      ["February", 1],
    ]);
  });
});
