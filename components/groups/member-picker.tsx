"use client";
// Pick people for a group: a debounced user search, results you toggle, the picked ones as chips
// (WhatsApp's "Add group members"). Used by New group and by Add members.
import { useEffect, useId, useRef, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { CloseIcon, SearchIcon, CheckIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { usePeopleSearch } from "@/lib/client/people-search";
import type { UserSummary } from "@/lib/realtime/contract";

type Props = {
  selected: UserSummary[];
  onChange: (next: UserSummary[]) => void;
  /** Already in the group: listed, not selectable. */
  exclude?: ReadonlySet<string>;
  /** Enter in the empty search box (e.g. "Next"). */
  onSubmit?: () => void;
  autoFocus?: boolean;
};

export function MemberPicker({ selected, onChange, exclude, onSubmit, autoFocus = true }: Props) {
  const [q, setQ] = useState("");
  const search = usePeopleSearch(q);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const labelId = useId();
  const found = search.status === "done" ? search.users : null;

  useEffect(() => {
    if (!autoFocus) return;
    // After a surrounding dialog has moved focus in (its effect runs after ours).
    const h = requestAnimationFrame(() => inputRef.current?.focus());
    return () => cancelAnimationFrame(h);
  }, [autoFocus]);

  const selectedIds = new Set(selected.map((u) => u.id));
  const toggle = (u: UserSummary) => {
    onChange(selectedIds.has(u.id) ? selected.filter((s) => s.id !== u.id) : [...selected, u]);
  };

  const onListKey = (e: React.KeyboardEvent) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>("button:not([disabled])") ?? [])];
    if (buttons.length === 0) return;
    e.preventDefault();
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "ArrowDown") buttons[Math.min(buttons.length - 1, index + 1)]?.focus();
    else if (index <= 0) inputRef.current?.focus();
    else buttons[index - 1]?.focus();
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col" onKeyDown={onListKey}>
      <div className="shrink-0 px-5 pt-2 pb-3">
        {selected.length > 0 && (
          <ul aria-label="Selected people" className="mb-2 flex max-h-32 flex-wrap gap-1.5 overflow-y-auto" data-testid="picked-members">
            {selected.map((u) => (
              <li key={u.id} className="flex items-center gap-1.5 rounded-full bg-panel-2 py-0.5 pr-1 pl-0.5 text-sm" data-testid="member-chip">
                <Avatar label={u.name} initials={u.initials} color={u.avatarColor} imageUrl={u.avatarUrl} size={24} />
                <span className="max-w-[10rem] truncate">{u.name}</span>
                <button
                  type="button"
                  onClick={() => toggle(u)}
                  aria-label={`Remove ${u.name}`}
                  className="flex h-6 w-6 items-center justify-center rounded-full text-muted hover:bg-active hover:text-fg"
                >
                  <CloseIcon size={14} />
                </button>
              </li>
            ))}
          </ul>
        )}
        <label className="flex h-10 items-center gap-3 border-b border-border focus-within:border-accent">
          <SearchIcon size={18} className="shrink-0 text-muted" />
          <span id={labelId} className="sr-only">
            Search people by name, @username or email
          </span>
          <input
            ref={inputRef}
            type="text"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Backspace" && q === "" && selected.length > 0) onChange(selected.slice(0, -1));
              else if (e.key === "Enter") {
                e.preventDefault();
                const first = found?.find((u) => !exclude?.has(u.id));
                if (q.trim() && first) {
                  if (!selectedIds.has(first.id)) toggle(first);
                  setQ("");
                } else if (!q.trim()) onSubmit?.();
              }
            }}
            placeholder="Search name or @username"
            aria-labelledby={labelId}
            autoComplete="off"
            className="h-full min-w-0 flex-1 bg-transparent text-[15px] text-fg outline-none placeholder:text-muted"
            data-testid="member-search-input"
          />
          {search.status === "loading" && <Spinner size={18} />}
        </label>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto" aria-live="polite" aria-busy={search.status === "loading"}>
        {search.status === "idle" && (
          <p className="px-8 py-8 text-center text-sm text-muted">Search for people by name, @username or exact email address.</p>
        )}
        {search.status === "error" && <p className="px-8 py-8 text-center text-sm text-danger">{search.message}</p>}
        {search.status === "done" && search.users.length === 0 && (
          <p className="px-8 py-8 text-center text-sm text-muted">No one found for “{search.q}”.</p>
        )}
        {found && found.length > 0 && (
          <ul ref={listRef} aria-label="People">
            {found.map((u) => {
              const inGroup = exclude?.has(u.id) ?? false;
              const picked = selectedIds.has(u.id);
              return (
                <li key={u.id}>
                  <button
                    type="button"
                    aria-pressed={inGroup ? undefined : picked}
                    disabled={inGroup}
                    onClick={() => toggle(u)}
                    data-testid="member-result"
                    data-user-id={u.id}
                    className="flex h-[68px] w-full items-center gap-3 px-4 text-left outline-none hover:bg-hover focus-visible:bg-hover focus-visible:-outline-offset-2 focus-visible:outline-2 focus-visible:outline-solid focus-visible:outline-accent disabled:cursor-default disabled:hover:bg-transparent"
                  >
                    <span className="relative">
                      <Avatar label={u.name} initials={u.initials} color={u.avatarColor} imageUrl={u.avatarUrl} size={44} />
                      {picked && (
                        <span className="absolute -right-0.5 -bottom-0.5 flex h-5 w-5 items-center justify-center rounded-full border-2 border-panel bg-accent text-accent-fg">
                          <CheckIcon size={12} />
                        </span>
                      )}
                    </span>
                    <span className="flex h-full min-w-0 flex-1 flex-col justify-center border-b border-border">
                      <span className="truncate text-[16px] text-fg">{u.name}</span>
                      <span className="truncate text-sm text-muted">{inGroup ? "Already in the group" : `@${u.username}`}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
