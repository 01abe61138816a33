// The search box of lists and panels: a magnifier, the field (named by a visually hidden label),
// and optionally a control at its end (clear, a spinner), kept out of the label so that it is not
// read as part of the field's name.
import type { KeyboardEvent, ReactNode, Ref } from "react";
import { SearchIcon } from "./icons";

type Props = {
  value: string;
  onChange: (value: string) => void;
  /** The field's accessible name. */
  label: string;
  placeholder: string;
  testId: string;
  inputRef?: Ref<HTMLInputElement>;
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
  id?: string;
  type?: "text" | "search";
  size?: "md" | "sm";
  end?: ReactNode;
  /** The server's limit for this query, so that typing stops there instead of failing. */
  maxLength?: number;
  /** The field a dialog focuses when it opens (see Dialog). */
  autoFocus?: boolean;
};

export function SearchField({ value, onChange, label, placeholder, testId, inputRef, onKeyDown, id, type = "text", size = "md", end, maxLength, autoFocus }: Props) {
  const small = size === "sm";
  return (
    <div className={`flex items-center gap-2 rounded-lg bg-panel-2 px-3 focus-within:outline-2 focus-within:outline-accent ${small ? "h-9" : "h-10"}`}>
      <label className={`flex h-full min-w-0 flex-1 items-center ${small ? "gap-2" : "gap-3"}`}>
        <SearchIcon size={small ? 16 : 18} className="shrink-0 text-muted" />
        <span className="sr-only">{label}</span>
        <input
          ref={inputRef}
          id={id}
          type={type}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={placeholder}
          maxLength={maxLength}
          autoComplete="off"
          data-autofocus={autoFocus ? "" : undefined}
          className={`h-full min-w-0 flex-1 bg-transparent text-fg outline-none placeholder:text-muted [&::-webkit-search-cancel-button]:hidden ${
            small ? "text-sm" : "text-[15px]"
          }`}
          data-testid={testId}
        />
      </label>
      {end}
    </div>
  );
}
