import { describe, expect, it } from "vitest";
import data from "emojibase-data/en/data.json";
import { buildCatalog, loadEmojiCatalog, searchEmoji, withRecent, type EmojibaseEntry } from "./emoji-catalog";

const catalog = buildCatalog(data as unknown as EmojibaseEntry[]);
const chars = (list: { emoji: string }[]) => list.map((e) => e.emoji);

describe("emoji catalog", () => {
  it("groups Emojibase's data as WhatsApp does, in its order, without skin-tone parts or emoji fonts lack", () => {
    expect(catalog.map((c) => c.label)).toEqual([
      "Smileys & people", "Animals & nature", "Food & drink", "Activities", "Travel & places", "Objects", "Symbols", "Flags",
    ]);
    const smileys = catalog[0]!.emoji;
    expect(smileys[0]).toMatchObject({ emoji: "😀", label: "grinning face" });
    expect(chars(smileys)).toContain("👋");
    expect(chars(catalog[7]!.emoji)).toContain("🇫🇷");
    const all = catalog.flatMap((c) => chars(c.emoji));
    expect(all).not.toContain("🏻"); // a skin tone modifier alone
    const newest = (data as unknown as EmojibaseEntry[]).filter((e) => e.version > 15).map((e) => e.emoji);
    expect(newest.length).toBeGreaterThan(0);
    for (const e of newest) expect(all).not.toContain(e);
    expect(new Set(all).size).toBe(all.length);
  });

  it("finds emoji by words of their name first, then by keywords, every word of the query counting", () => {
    expect(chars(searchEmoji(catalog, "grinning")).slice(0, 2)).toContain("😀");
    expect(chars(searchEmoji(catalog, "thumbs"))).toContain("👍️");
    expect(chars(searchEmoji(catalog, "red heart"))[0]).toBe("❤️");
    // "happy" is a keyword of 😀, not in its name.
    expect(chars(searchEmoji(catalog, "happy"))).toContain("😀");
    expect(searchEmoji(catalog, "zzzqqq")).toEqual([]);
    expect(searchEmoji(catalog, "   ")).toEqual([]);
    expect(searchEmoji(catalog, "face", 5)).toHaveLength(5);
  });

  it("keeps the recently used ones newest first, without repeats, up to a limit", () => {
    expect(withRecent([], "😀")).toEqual(["😀"]);
    expect(withRecent(["👍", "😀", "🎉"], "😀")).toEqual(["😀", "👍", "🎉"]);
    expect(withRecent(["a", "b", "c"], "d", 3)).toEqual(["d", "a", "b"]);
  });

  it("loads the data once, on demand", async () => {
    const first = await loadEmojiCatalog();
    expect(first).toEqual(catalog);
    expect(await loadEmojiCatalog()).toBe(first);
  });
});
