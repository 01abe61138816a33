"use client";
// WhatsApp's emoji panel, above the message box: search by name, one category at a time (the
// ones I used last first), arrow keys move, Enter or a click inserts at the caret and the panel
// stays open for more; Escape closes it and the typing goes on.
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { TabList, tabId, tabPanelId } from "@/components/ui/tab-list";
import { gridMove } from "@/components/ui/grid-keys";
import { SearchField } from "@/components/ui/search-field";
import { loadEmojiCatalog, searchEmoji, toEmoji, withRecent, type Emoji, type EmojiCategory } from "@/lib/client/emoji-catalog";

const RECENT_KEY = "convo:recent-emoji:v1";
const RECENT = { id: "recent", label: "Recently used", icon: "🕘" };

function readRecent(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? "[]");
    return Array.isArray(stored) ? stored.filter((e): e is string => typeof e === "string") : [];
  } catch {
    return [];
  }
}

type Props = { id: string; onPick: (emoji: string) => void; onClose: () => void };

export function EmojiPanel({ id, onPick, onClose }: Props) {
  const [catalog, setCatalog] = useState<EmojiCategory[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState("");
  const [recent, setRecent] = useState<string[]>(readRecent);
  const [tab, setTab] = useState(() => (recent.length > 0 ? RECENT.id : "smileys"));
  const idPrefix = useId();
  const grid = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    loadEmojiCatalog().then(
      (c) => live && setCatalog(c),
      () => live && setFailed(true),
    );
    search.current?.focus();
    return () => {
      live = false;
    };
  }, []);

  const byChar = useMemo(() => new Map(catalog?.flatMap((c) => c.emoji.map((e) => [e.emoji, e] as const))), [catalog]);
  const searching = query.trim() !== "";
  const shown: Emoji[] = searching
    ? searchEmoji(catalog ?? [], query)
    : tab === RECENT.id
      ? recent.map((e) => byChar.get(e) ?? toEmoji(e, e))
      : (catalog?.find((c) => c.id === tab)?.emoji ?? []);
  const tabs = [...(recent.length > 0 ? [RECENT] : []), ...(catalog ?? [])];

  const pick = (emoji: string) => {
    onPick(emoji);
    const next = withRecent(recent, emoji);
    setRecent(next);
    try {
      localStorage.setItem(RECENT_KEY, JSON.stringify(next));
    } catch {
      // Private mode or full storage: the list lives until the page closes.
    }
  };

  const buttons = () => [...(grid.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
  const onGridKey = (e: React.KeyboardEvent) => {
    const all = buttons();
    const i = all.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const next = gridMove(e.key, all, i);
    if (next === null) return;
    if (e.key === "ArrowUp" && next < 0) {
      e.preventDefault();
      search.current?.focus();
      return;
    }
    if (next < 0 || next >= all.length) return;
    e.preventDefault();
    all[next]!.focus();
  };

  return (
    <div
      id={id}
      role="region"
      aria-label="Emoji"
      className="mb-2 flex h-[300px] flex-col overflow-hidden rounded-lg bg-panel"
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
      data-testid="emoji-panel"
    >
      {tabs.length > 0 && (
        <TabList
          tabs={tabs.map((t) => ({
            id: t.id,
            label: (
              <>
                <span aria-hidden="true">{t.icon}</span>
                <span className="sr-only">{t.label}</span>
              </>
            ),
          }))}
          selected={tab}
          onSelect={(t) => {
            setTab(t);
            setQuery("");
          }}
          idPrefix={idPrefix}
          label="Emoji categories"
          className="flex shrink-0 justify-between gap-1 border-b border-border px-2"
          testIdPrefix="emoji-tab-"
          tabClassName={(selected) =>
            `flex-1 border-b-[3px] py-2 text-[20px] leading-none transition-colors ${selected ? "border-accent" : "border-transparent opacity-60 hover:opacity-100"}`
          }
        />
      )}
      <div className="shrink-0 px-3 py-2">
        <SearchField
          inputRef={search}
          value={query}
          onChange={setQuery}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              buttons()[0]?.focus();
            } else if (e.key === "Enter") {
              e.preventDefault();
              if (shown[0]) pick(shown[0].emoji);
            }
          }}
          label="Search emoji"
          placeholder="Search emoji"
          size="sm"
          testId="emoji-search"
        />
      </div>
      <div
        id={tabPanelId(idPrefix)}
        role={searching ? undefined : "tabpanel"}
        aria-labelledby={searching ? undefined : tabId(idPrefix, tab)}
        className="min-h-0 flex-1 overflow-y-auto px-2 pb-2"
      >
        {failed ? (
          <p className="p-4 text-center text-sm text-muted">Couldn&apos;t load the emoji. Check your connection and open the panel again.</p>
        ) : !catalog ? (
          <p className="p-4 text-center text-sm text-muted">Loading emoji…</p>
        ) : shown.length === 0 ? (
          <p className="p-4 text-center text-sm text-muted" data-testid="emoji-none">
            No emoji found
          </p>
        ) : (
          <div ref={grid} role="group" aria-label={searching ? "Emoji found" : "Emoji"} className="grid grid-cols-[repeat(auto-fill,minmax(44px,1fr))] gap-0.5" onKeyDown={onGridKey}>
            {shown.map((e, i) => (
              <button
                key={e.emoji}
                type="button"
                aria-label={e.label}
                title={e.label}
                tabIndex={i === 0 ? 0 : -1}
                onClick={() => pick(e.emoji)}
                className="flex h-11 items-center justify-center rounded-md text-[26px] leading-none hover:bg-hover focus-visible:bg-active"
                data-testid="emoji-option"
              >
                {e.emoji}
              </button>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
