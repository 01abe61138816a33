// The emoji the composer's panel offers, from Emojibase's data (emojibase-data, MIT): grouped
// as WhatsApp groups them, searchable by name and keywords, and the ones I used last.

export type Emoji = {
  emoji: string;
  label: string;
  /** Lower case, split once when the catalog is built: search reads them on every keystroke. */
  nameWords: readonly string[];
  tags: readonly string[];
};
export type EmojiCategory = { id: string; label: string; icon: string; emoji: Emoji[] };

/** The fields of emojibase-data/en/data.json this reads. */
export type EmojibaseEntry = { emoji: string; label: string; tags?: string[]; group?: number; order?: number; version: number };

// Emojibase groups: 0 smileys & emotion, 1 people & body, 2 skin tone and hair components,
// 3 animals & nature, 4 food & drink, 5 travel & places, 6 activities, 7 objects, 8 symbols, 9 flags.
const CATEGORIES: readonly { id: string; label: string; icon: string; groups: readonly number[] }[] = [
  { id: "smileys", label: "Smileys & people", icon: "😀", groups: [0, 1] },
  { id: "animals", label: "Animals & nature", icon: "🐻", groups: [3] },
  { id: "food", label: "Food & drink", icon: "🍔", groups: [4] },
  { id: "activities", label: "Activities", icon: "⚽", groups: [6] },
  { id: "travel", label: "Travel & places", icon: "✈️", groups: [5] },
  { id: "objects", label: "Objects", icon: "💡", groups: [7] },
  { id: "symbols", label: "Symbols", icon: "🔣", groups: [8] },
  { id: "flags", label: "Flags", icon: "🏳️", groups: [9] },
];

/**
 * Newer emoji than the colour emoji fonts of the systems we test on draw (Noto Color Emoji 2.042
 * on Debian 12 has Emoji 15.0) would show as empty boxes: they are left out.
 */
export const MAX_EMOJI_VERSION = 15;

export function buildCatalog(entries: readonly EmojibaseEntry[], maxVersion = MAX_EMOJI_VERSION): EmojiCategory[] {
  const usable = entries
    .filter((e) => e.group !== undefined && e.version <= maxVersion)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  return CATEGORIES.map(({ groups, ...category }) => ({
    ...category,
    emoji: usable.filter((e) => groups.includes(e.group!)).map((e) => toEmoji(e.emoji, e.label, e.tags ?? [])),
  }));
}

export function toEmoji(emoji: string, label: string, tags: readonly string[] = []): Emoji {
  return { emoji, label, nameWords: label.toLowerCase().split(/[\s:,-]+/), tags: tags.map((t) => t.toLowerCase()) };
}

/** Emoji whose name or a keyword has a word starting with each word of `query`, best first. */
export function searchEmoji(catalog: readonly EmojiCategory[], query: string, limit = 80): Emoji[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored: { e: Emoji; score: number }[] = [];
  for (const category of catalog) {
    for (const e of category.emoji) {
      const { nameWords, tags } = e;
      let score = 0;
      for (const w of words) {
        if (nameWords.includes(w)) score += 3;
        else if (nameWords.some((n) => n.startsWith(w))) score += 2;
        else if (tags.some((t) => t.startsWith(w))) score += 1;
        else {
          score = 0;
          break;
        }
      }
      if (score > 0) scored.push({ e, score });
    }
  }
  // Stable: equal scores keep the catalog's order.
  return scored.sort((a, b) => b.score - a.score).slice(0, limit).map((s) => s.e);
}

/** The recently used list after using `emoji`: it moves to the front, at most `max` kept. */
export function withRecent(recent: readonly string[], emoji: string, max = 32): string[] {
  return [emoji, ...recent.filter((e) => e !== emoji)].slice(0, max);
}

let loading: Promise<EmojiCategory[]> | null = null;

/** The catalog, loaded once, on first use (the data is a separate download of ~100 KB). */
export function loadEmojiCatalog(): Promise<EmojiCategory[]> {
  loading ??= import("emojibase-data/en/data.json").then(
    (m) => buildCatalog((m.default ?? m) as unknown as EmojibaseEntry[]),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}
