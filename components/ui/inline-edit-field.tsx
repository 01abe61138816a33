"use client";
// A value edited in place, WhatsApp style: the value with a pencil; editing shows an input (or a
// textarea) with a character counter, Enter (or the tick) saves, Escape cancels. Errors are
// announced. Used by the profile fields and by the group name and description.
import { useCallback, useId, useRef, useState, type ChangeEvent } from "react";
import { CheckIcon, PencilIcon } from "@/components/ui/icons";
import { IconButton } from "@/components/ui/icon-button";
import { Spinner } from "@/components/ui/spinner";

export type FieldStatus = { tone: "pending" | "ok" | "error"; text: string } | null;

export type FieldTestIds = { root?: string; value: string; edit: string; input: string; save: string; status?: string };

/** The usual test ids: <base>, <base>-value, -edit, -input, -save and -status. */
export const fieldTestIds = (base: string): FieldTestIds => ({
  root: base,
  value: `${base}-value`,
  edit: `${base}-edit`,
  input: `${base}-input`,
  save: `${base}-save`,
  status: `${base}-status`,
});

type Props = {
  /** Sentence case ("Your name"); the buttons say "Edit your name" / "Save your name". */
  label: string;
  /** True when the caller shows its own heading (or none): the label only names the input. */
  labelHidden?: boolean;
  value: string;
  /** Shown when the value is empty. */
  emptyText?: string;
  maxLength: number;
  /** False shows the value only (e.g. a group member who may not edit it). */
  canEdit?: boolean;
  /** A textarea: Shift+Enter adds a line, Enter still saves. */
  multiline?: boolean;
  /** "title": the group name, large and centred under the icon. */
  variant?: "field" | "title";
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
  testIds: FieldTestIds;
  className?: string;
};

export function InlineEditField({
  label,
  labelHidden = false,
  value,
  emptyText = "",
  maxLength,
  canEdit = true,
  multiline = false,
  variant = "field",
  type = "text",
  prefix,
  hint,
  autoComplete = "off",
  transform,
  validate,
  status,
  canSave = true,
  onDraftChange,
  onSave,
  testIds,
  className = "",
}: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  // Stable, so it runs once when the field appears: focus it with the text selected, ready to replace.
  const focusField = useCallback((el: HTMLInputElement | HTMLTextAreaElement | null) => {
    el?.focus();
    el?.select();
  }, []);
  const id = useId();
  const editing = draft !== null;
  const title = variant === "title";
  const noun = label.toLowerCase();
  // The pencil: next to a centred title, at the first line of a multi-line value, else centred.
  const layout = title
    ? { row: "items-start justify-center", edit: "mt-0.5" }
    : multiline
      ? { row: "items-start", edit: "-mt-1" }
      : { row: "items-center", edit: "" };

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

  const heading = labelHidden ? null : editing ? (
    <label htmlFor={id} className="mb-2 block text-sm text-accent-strong">
      {label}
    </label>
  ) : (
    <h3 className="mb-2 text-sm font-normal text-accent-strong">{label}</h3>
  );

  const fieldProps = {
    ref: focusField,
    id,
    value: draft ?? "",
    maxLength,
    autoComplete,
    // Prose (a description) is spell-checked; names and handles are not.
    spellCheck: multiline,
    // Read-only rather than disabled while saving, so focus stays in the field if it fails.
    readOnly: saving,
    "aria-label": labelHidden ? label : undefined,
    "aria-invalid": tone === "error" && !!message,
    "aria-describedby": hint ? `${id}-status ${id}-hint` : `${id}-status`,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      change(transform ? transform(e.target.value) : e.target.value),
    className: `min-w-0 flex-1 bg-transparent text-fg outline-none ${title ? "text-lg" : "text-[15px]"}`,
    "data-testid": testIds.input,
  };

  return (
    <div className={`text-left ${className}`} data-testid={testIds.root}>
      {heading}
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
            } else if (multiline && e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              // A textarea doesn't submit on Enter by itself.
              e.preventDefault();
              void save();
            }
          }}
        >
          <div className={`flex gap-2 border-b-2 border-accent pb-1 ${multiline ? "items-end" : "items-center"}`}>
            {prefix && <span className="text-[15px] text-muted">{prefix}</span>}
            {multiline ? (
              <textarea {...fieldProps} rows={3} className={`${fieldProps.className} resize-none py-1`} />
            ) : (
              <input {...fieldProps} type={type} className={`${fieldProps.className} h-8`} />
            )}
            <span className="shrink-0 text-xs text-muted tabular-nums" aria-hidden="true">
              {remaining}
            </span>
            <IconButton type="submit" label={`Save ${noun}`} disabled={disabled} className="h-8 w-8" data-testid={testIds.save}>
              {saving ? <Spinner size={18} /> : <CheckIcon size={20} />}
            </IconButton>
          </div>
          <p
            id={`${id}-status`}
            role={tone === "error" ? "alert" : "status"}
            className={`mt-1.5 min-h-5 text-[13px] ${tone === "error" ? "text-danger" : tone === "ok" ? "text-accent-strong" : "text-muted"}`}
            data-testid={testIds.status}
          >
            {message}
          </p>
        </form>
      ) : (
        <div className={`flex gap-2 ${layout.row}`}>
          <p
            className={`min-w-0 break-words ${title ? "text-center text-2xl" : "flex-1 text-[15px]"} ${multiline ? "whitespace-pre-wrap" : ""} ${value ? "text-fg" : "text-muted italic"}`}
            data-testid={testIds.value}
          >
            {value ? `${prefix ?? ""}${value}` : emptyText}
          </p>
          {canEdit && (
            <IconButton
              ref={editRef}
              label={`Edit ${noun}`}
              onClick={() => change(value)}
              className={`h-8 w-8 ${layout.edit}`}
              data-testid={testIds.edit}
            >
              <PencilIcon size={18} />
            </IconButton>
          )}
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
