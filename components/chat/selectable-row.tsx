"use client";
// A message's row in the log. While "Select messages" is on, a checkbox over the whole row picks
// or unpicks the message (a click anywhere on it, or Space), and the bubble's own controls rest
// (inert) until selecting ends, as in WhatsApp Web.
import type { ReactNode } from "react";
import { CheckIcon } from "@/components/ui/icons";
import type { ViewMessage } from "@/lib/client/rows";
import { isSelectable } from "@/lib/client/selection";

type Props = {
  message: ViewMessage;
  selection: { ids: ReadonlySet<string>; onToggle: (message: ViewMessage) => void } | null;
  /** Names the message for assistive technology: who and what. */
  label: string;
  className: string;
  highlighted: boolean;
  children: ReactNode;
};

export function SelectableRow({ message, selection, label, className, highlighted, children }: Props) {
  if (!selection) {
    return (
      <div className={className} data-highlighted={highlighted ? "true" : undefined}>
        {children}
      </div>
    );
  }
  const checked = !!message.id && selection.ids.has(message.id);
  return (
    <div
      className={`relative pl-10 ${className} ${checked ? "bg-accent/10 dark:bg-accent/15" : ""}`}
      data-highlighted={highlighted ? "true" : undefined}
      data-selected={checked ? "true" : undefined}
    >
      <div inert>{children}</div>
      {isSelectable(message) && (
        <button
          type="button"
          role="checkbox"
          aria-checked={checked}
          aria-label={label.length > 120 ? `${label.slice(0, 119)}…` : label}
          onClick={() => selection.onToggle(message)}
          data-testid="select-message"
          className="absolute inset-0 z-[3] flex cursor-pointer items-center pl-4 outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent focus-visible:outline-solid"
        >
          <span
            aria-hidden="true"
            className={`flex h-[18px] w-[18px] items-center justify-center rounded-[3px] border-2 ${
              checked ? "border-accent bg-accent text-accent-fg" : "border-muted bg-panel"
            }`}
          >
            {checked && <CheckIcon size={14} />}
          </span>
        </button>
      )}
    </div>
  );
}
