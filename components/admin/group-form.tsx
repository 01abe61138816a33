"use client";
// Create or edit a public group: emoji icon, colour, name, about, "Default for new users".
// Validated as the server does (lib/groups/group-fields) with inline messages; the server's
// refusal, if any, is shown in an alert above the buttons. In a dialog the buttons (and that
// alert) stay in view below the fields, which scroll.
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { GROUP_COLORS } from "@/lib/client/groups";
import { groupAbout, groupIcon, groupName } from "@/lib/groups/group-fields";
import { adminFetch, errorMessage } from "./api";
import { GroupIcon } from "./group-icon";
import { btn, field } from "./buttons";
import { FormError } from "./form-error";
import { AlertIcon, CheckIcon } from "./icons";
import { useNotice } from "./notices";

export type GroupFormValues = { name: string; icon: string; iconBg: string; about: string; autoJoin: boolean; onlyAdminsSend: boolean };

type Props = {
  /** Edit this group; without it the form creates one. */
  groupId?: string;
  initial?: GroupFormValues;
  onDone?: () => void;
  onCancel?: () => void;
  /** In an AdminDialog with ownScroll: the fields scroll, the error and buttons stay in view below them. */
  inDialog?: boolean;
};

const QUICK_ICONS = ["💬", "💻", "🎬", "📺", "🎮", "🎵", "📚", "⚽", "🍕", "✈️", "🎨", "🐾"];

const EMPTY: GroupFormValues = { name: "", icon: "💬", iconBg: "#25a366", about: "", autoJoin: false, onlyAdminsSend: false };

type Errors = Partial<Record<"name" | "icon" | "about", string>>;

function validate(v: GroupFormValues): Errors {
  const errors: Errors = {};
  const name = groupName.safeParse(v.name);
  if (!name.success) errors.name = name.error.issues[0]?.message ?? "Check the name";
  if (v.icon.trim() === "") errors.icon = "Choose an emoji for the icon";
  else {
    const icon = groupIcon.safeParse(v.icon);
    if (!icon.success) errors.icon = "Use exactly one emoji, like 🎲";
  }
  const about = groupAbout.safeParse(v.about);
  if (!about.success) errors.about = about.error.issues[0]?.message ?? "Check the description";
  return errors;
}

export function GroupForm({ groupId, initial = EMPTY, onDone, onCancel, inDialog = false }: Props) {
  const router = useRouter();
  const notice = useNotice();
  const uid = useId();
  const [values, setValues] = useState<GroupFormValues>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const iconRef = useRef<HTMLInputElement>(null);
  const aboutRef = useRef<HTMLTextAreaElement>(null);

  const editing = groupId !== undefined;
  const errors = submitted ? validate(values) : {};
  const changes = Object.fromEntries(
    (Object.keys(values) as (keyof GroupFormValues)[])
      .filter((k) => (typeof values[k] === "string" ? (values[k] as string).trim() : values[k]) !== initial[k])
      .map((k) => [k, typeof values[k] === "string" ? (values[k] as string).trim() : values[k]]),
  );
  const dirty = Object.keys(changes).length > 0;

  const colours = GROUP_COLORS.some((c) => c.value.toLowerCase() === initial.iconBg.toLowerCase())
    ? GROUP_COLORS
    : [...GROUP_COLORS, { name: "Current colour", value: initial.iconBg }];

  const set = <K extends keyof GroupFormValues>(key: K, value: GroupFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setFormError(null);
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    const found = validate(values);
    const first = (["icon", "name", "about"] as const).find((k) => found[k]);
    if (first) {
      ({ icon: iconRef, name: nameRef, about: aboutRef })[first].current?.focus();
      return;
    }
    if (editing && !dirty) return;
    setPending(true);
    setFormError(null);
    try {
      const name = values.name.trim();
      if (editing) {
        await adminFetch("PATCH", `/api/v1/groups/${groupId}`, changes);
        notice.success(`Saved changes to “${name}”`);
      } else {
        await adminFetch("POST", "/api/v1/admin/groups", {
          name,
          icon: values.icon.trim(),
          iconBg: values.iconBg,
          about: values.about.trim(),
          autoJoin: values.autoJoin,
          onlyAdminsSend: values.onlyAdminsSend,
        });
        notice.success(`Created “${name}”: it's in everyone's Discover now`);
      }
      router.refresh();
      onDone?.();
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  const describedBy = (key: keyof Errors, hint?: string) => [hint, errors[key] ? `${uid}-${key}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <form onSubmit={onSubmit} noValidate className={inDialog ? "flex min-h-0 flex-1 flex-col" : "flex flex-col gap-5"} data-testid="group-form">
      {/* On a page the two parts are plain stacked content; in a dialog the fields scroll above a fixed footer. */}
      <div className={inDialog ? "flex min-h-0 flex-1 flex-col gap-5 overflow-y-auto px-5 pt-1 pb-5" : "contents"}>
        <div>
          <label htmlFor={`${uid}-icon`} className="mb-1.5 block text-sm font-medium text-fg">
            Icon
          </label>
          <div className="flex flex-wrap items-start gap-3">
            <GroupIcon icon={validate({ ...values, name: "x" }).icon ? null : values.icon.trim()} color={values.iconBg} size={52} />
            <input
              ref={iconRef}
              id={`${uid}-icon`}
              value={values.icon}
              onChange={(e) => set("icon", e.target.value)}
              maxLength={16}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={errors.icon ? true : undefined}
              aria-describedby={describedBy("icon", `${uid}-icon-hint`)}
              className={`${field} h-[52px] w-[4.5rem]! text-center text-2xl!`}
              data-testid="group-icon-input"
              data-autofocus={editing ? undefined : ""}
            />
            <div className="min-w-0 flex-1 basis-48">
              <p id={`${uid}-icon-hint`} className="mb-1 text-xs text-muted">
                Type or paste one emoji, or pick one:
              </p>
              <div className="flex flex-wrap gap-1" role="group" aria-label="Suggested icons">
                {QUICK_ICONS.map((emoji) => (
                  <button
                    key={emoji}
                    type="button"
                    onClick={() => set("icon", emoji)}
                    aria-pressed={values.icon.trim() === emoji}
                    aria-label={`Use ${emoji}`}
                    className="inline-flex h-8 w-8 items-center justify-center rounded-md text-lg hover:bg-hover aria-pressed:bg-accent/15 aria-pressed:ring-1 aria-pressed:ring-accent dark:hover:bg-active"
                  >
                    {emoji}
                  </button>
                ))}
              </div>
            </div>
          </div>
          <FieldError id={`${uid}-icon-error`} message={errors.icon} />
        </div>

        <fieldset>
          <legend className="mb-2 text-sm font-medium text-fg">Colour</legend>
          <div className="flex flex-wrap gap-2">
            {colours.map((c) => {
              const checked = values.iconBg.toLowerCase() === c.value.toLowerCase();
              return (
                <label key={c.value} className="relative cursor-pointer" title={c.name}>
                  <input
                    type="radio"
                    name={`${uid}-colour`}
                    value={c.value}
                    checked={checked}
                    onChange={() => set("iconBg", c.value)}
                    className="peer absolute inset-0 z-10 m-0 h-full w-full cursor-pointer appearance-none rounded-full opacity-0"
                  />
                  <span className="sr-only">{c.name}</span>
                  <span
                    aria-hidden="true"
                    className="flex h-8 w-8 items-center justify-center rounded-full text-white ring-1 ring-black/15 ring-inset peer-checked:ring-0 peer-checked:outline-2 peer-checked:outline-offset-2 peer-checked:outline-fg peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent dark:ring-white/20"
                    style={{ background: c.value }}
                  >
                    {checked && <CheckIcon size={16} strokeWidth={3} />}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>

        <div>
          <div className="mb-1.5 flex items-baseline justify-between gap-2">
            <label htmlFor={`${uid}-name`} className="text-sm font-medium text-fg">
              Name
            </label>
            <span className="text-xs text-muted" aria-hidden="true">
              {values.name.trim().length}/60
            </span>
          </div>
          <input
            ref={nameRef}
            id={`${uid}-name`}
            value={values.name}
            onChange={(e) => set("name", e.target.value)}
            maxLength={80}
            autoComplete="off"
            required
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy("name")}
            placeholder="e.g. Book Club"
            className={field}
            data-testid="group-name-input"
          />
          <FieldError id={`${uid}-name-error`} message={errors.name} />
        </div>

        <div>
          <div className="mb-1.5 flex items-baseline justify-between gap-2">
            <label htmlFor={`${uid}-about`} className="text-sm font-medium text-fg">
              About <span className="font-normal text-muted">(optional)</span>
            </label>
            <span className="text-xs text-muted" aria-hidden="true">
              {values.about.trim().length}/500
            </span>
          </div>
          <textarea
            ref={aboutRef}
            id={`${uid}-about`}
            value={values.about}
            onChange={(e) => set("about", e.target.value)}
            rows={3}
            maxLength={600}
            aria-invalid={errors.about ? true : undefined}
            aria-describedby={describedBy("about")}
            placeholder="What is this group about?"
            className={`${field} resize-y`}
            data-testid="group-about-input"
          />
          <FieldError id={`${uid}-about-error`} message={errors.about} />
        </div>

        <SwitchField
          id={`${uid}-autojoin`}
          checked={values.autoJoin}
          onChange={(on) => set("autoJoin", on)}
          label="Default for new users"
          hint="People who sign up from now on join this group automatically."
          testId="group-autojoin-input"
        />
        <SwitchField
          id={`${uid}-onlyadmins`}
          checked={values.onlyAdminsSend}
          onChange={(on) => set("onlyAdminsSend", on)}
          label="Only admins send messages"
          hint="An announcement group: members read, react and vote; only site admins post."
          testId="group-onlyadmins-input"
        />
      </div>

      <div className={inDialog ? "flex shrink-0 flex-col gap-3 border-t border-border px-5 py-4" : "contents"} data-testid="group-form-footer">
        <FormError message={formError} testId="group-form-error" />

        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-end">
          {editing && !dirty && !pending && <p className="text-xs text-muted sm:mr-auto">No unsaved changes</p>}
          {onCancel && (
            <button type="button" onClick={onCancel} className={btn.secondary}>
              Cancel
            </button>
          )}
          <button type="submit" disabled={pending || (editing && !dirty)} className={btn.primary} data-testid="save-group">
            {pending ? (editing ? "Saving…" : "Creating…") : editing ? "Save changes" : "Create group"}
          </button>
        </div>
      </div>
    </form>
  );
}

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1.5 flex items-center gap-1.5 text-sm text-danger">
      <AlertIcon size={16} className="shrink-0" />
      {message}
    </p>
  );
}

/** A yes/no setting of the group: a checkbox, its label and a line that explains it. */
function SwitchField(props: { id: string; checked: boolean; onChange: (on: boolean) => void; label: string; hint: string; testId: string }) {
  return (
    <div className="flex items-start gap-3 rounded-lg bg-black/[.04] p-3 dark:bg-white/[.05]">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-describedby={`${props.id}-hint`}
        className="mt-0.5 h-5 w-5 shrink-0 accent-[var(--color-accent)]"
        data-testid={props.testId}
      />
      <div>
        <label htmlFor={props.id} className="text-sm font-medium text-fg">
          {props.label}
        </label>
        <p id={`${props.id}-hint`} className="text-xs text-muted">
          {props.hint}
        </p>
      </div>
    </div>
  );
}
