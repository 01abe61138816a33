"use client";
// The WAI-ARIA tabs pattern: one tab stop, arrows / Home / End move the selection and the focus.
// The caller renders the panel with `id={tabPanelId(idPrefix)}` and
// `aria-labelledby={tabId(idPrefix, selected)}`.
import type { KeyboardEvent, ReactNode } from "react";

export const tabId = (idPrefix: string, id: string) => `${idPrefix}-tab-${id}`;
export const tabPanelId = (idPrefix: string) => `${idPrefix}-panel`;

type Props<T extends string> = {
  tabs: readonly { id: T; label: ReactNode }[];
  selected: T;
  onSelect: (id: T) => void;
  idPrefix: string;
  label: string;
  className: string;
  tabClassName: (selected: boolean) => string;
  testIdPrefix: string;
};

export function TabList<T extends string>({ tabs, selected, onSelect, idPrefix, label, className, tabClassName, testIdPrefix }: Props<T>) {
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === selected);
    let next = -1;
    if (e.key === "ArrowRight") next = (i + 1) % tabs.length;
    else if (e.key === "ArrowLeft") next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next]!.id);
    document.getElementById(tabId(idPrefix, tabs[next]!.id))?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className={className} onKeyDown={onKeyDown}>
      {tabs.map((t) => {
        const isSelected = t.id === selected;
        return (
          <button
            key={t.id}
            id={tabId(idPrefix, t.id)}
            type="button"
            role="tab"
            aria-selected={isSelected}
            aria-controls={tabPanelId(idPrefix)}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(t.id)}
            data-testid={`${testIdPrefix}${t.id}`}
            className={tabClassName(isSelected)}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
}
