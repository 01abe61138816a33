"use client";
// One profile field, WhatsApp style: the value with a pencil; editing shows an input with a
// character counter, Enter (or the tick) saves, Escape cancels. Errors are announced.
import { useEffect, useId, useRef, useState } from "react";
import { CheckIcon, PencilIcon } from "@/components/ui/icons";
import { IconButton } from "@/components/ui/icon-button";
import { Spinner } from "@/components/ui/spinner";

export type FieldStatus = { tone: "pending" | "ok" | "error"; text: string } | null;

type Props = {
  /** Used for test ids: profile-<name>-… */
  name: string;
  label: string;
  value: string;
  /** Shown when the value is empty. */
  emptyText: string;
  maxLength: number;
  type?: "text" | "tel";
  prefix?: string;
  hint?: string;
  autoComplete?: string;
  /** Rewrites what is typed (e.g. lowercase usernames). */
  transform?: (value: string) => string;
  /** A local problem with the draft, or null. */
  validate?: (value: string) => string | null;
  /** Extra status under the input (the username availability check). */
  status?: FieldStatus;
  /** False keeps Save disabled (e.g. username taken). */
  canSave?: boolean;
  onDraftChange?: (draft: string | null) => void;
  /** Resolves to an error message, or null when saved. */
  onSave: (value: string) => Promise<string | null>;
};

export function EditableField({
  name,
  label,
  value,
  emptyText,
  maxLength,
  type = "text",
  prefix,
  hint,
  autoComplete,
  transform,
  validate,
  status,
  canSave = true,
  onDraftChange,
  onSave,
}: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const editing = draft !== null;

  useEffect(() => {
    if (editing) inputRef.current?.focus();
  }, [editing]);

  const change = (next: string | null) => {
    setDraft(next);
    setError(null);
    onDraftChange?.(next);
  };

  const stop = () => {
    change(null);
    requestAnimationFrame(() => editRef.current?.focus());
  };

  const localError = editing && validate ? validate(draft) : null;
  const unchanged = editing && draft.trim() === value;
  const disabled = saving || !!localError || (!unchanged && !canSave);

  const save = async () => {
    if (draft === null || disabled) return;
    if (unchanged) return stop();
    setSaving(true);
    const problem = await onSave(draft.trim());
    setSaving(false);
    if (problem) setError(problem);
    else stop();
  };

  const remaining = editing ? maxLength - draft.length : maxLength;
  const message = error ?? localError ?? (unchanged ? null : status?.text) ?? null;
  const tone = error || localError ? "error" : (status?.tone ?? "pending");

  return (
    <div className="bg-panel px-6 py-4" data-testid={`profile-${name}`}>
      {editing ? (
        <label htmlFor={id} className="mb-2 block text-sm text-accent-strong">
          {label}
        </label>
      ) : (
        <h3 className="mb-2 text-sm font-normal text-accent-strong">{label}</h3>
      )}
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              e.stopPropagation();
              stop();
            }
          }}
        >
          <div className="flex items-center gap-2 border-b-2 border-accent pb-1">
            {prefix && <span className="text-[15px] text-muted">{prefix}</span>}
            <input
              ref={inputRef}
              id={id}
              type={type}
              value={draft}
              maxLength={maxLength}
              autoComplete={autoComplete}
              spellCheck={false}
              aria-invalid={tone === "error" && !!message}
              aria-describedby={hint ? `${id}-status ${id}-hint` : `${id}-status`}
              onChange={(e) => change(transform ? transform(e.target.value) : e.target.value)}
              className="h-8 min-w-0 flex-1 bg-transparent text-[15px] text-fg outline-none"
              data-testid={`profile-${name}-input`}
            />
            <span className="shrink-0 text-xs text-muted tabular-nums" aria-hidden="true">
              {remaining}
            </span>
            <IconButton type="submit" label={`Save ${label.toLowerCase()}`} disabled={disabled} className="h-8 w-8" data-testid={`profile-${name}-save`}>
              {saving ? <Spinner size={18} /> : <CheckIcon size={20} />}
            </IconButton>
          </div>
          <p
            id={`${id}-status`}
            role={tone === "error" ? "alert" : "status"}
            className={`mt-1.5 min-h-5 text-[13px] ${tone === "error" ? "text-danger" : tone === "ok" ? "text-accent-strong" : "text-muted"}`}
            data-testid={`profile-${name}-status`}
          >
            {message}
          </p>
        </form>
      ) : (
        <div className="flex items-center gap-2">
          <p
            className={`min-w-0 flex-1 text-[15px] break-words ${value ? "text-fg" : "text-muted italic"}`}
            data-testid={`profile-${name}-value`}
          >
            {value ? `${prefix ?? ""}${value}` : emptyText}
          </p>
          <IconButton ref={editRef} label={`Edit ${label.toLowerCase()}`} onClick={() => change(value)} className="h-8 w-8" data-testid={`profile-${name}-edit`}>
            <PencilIcon size={18} />
          </IconButton>
        </div>
      )}
      {hint && (
        <p id={`${id}-hint`} className="mt-2 text-[13px] leading-[18px] text-muted">
          {hint}
        </p>
      )}
    </div>
  );
}
