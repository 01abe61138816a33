"use client";
// The top of Group info: icon, name and "Group · N members", and the About card. Owners and
// admins edit them in place (pencil → field → ✓ / Enter; Escape cancels), and the icon in a dialog.
import { useEffect, useId, useRef, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { api, ApiError } from "@/lib/client/api";
import { useChat, useChatStoreApi } from "@/lib/client/context";
import { GROUP_ABOUT_MAX, GROUP_NAME_MAX, groupNameError, isSingleEmoji } from "@/lib/client/groups";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { AppearancePicker } from "./appearance-picker";
import { CheckIcon, PencilIcon } from "@/components/ui/icons";
import { useGroupRights } from "./use-group-rights";

type Changes = { name?: string; icon?: string; iconBg?: string; about?: string };

function useSaveGroup(conversationId: string) {
  const store = useChatStoreApi();
  const toast = useToast();
  return async (changes: Changes): Promise<boolean> => {
    try {
      const { group } = await api.updateGroup(conversationId, changes);
      store.getState().patchConversation(group);
      return true;
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't save the change", "error");
      return false;
    }
  };
}

export function GroupProfile({ conversation: c }: { conversation: ConversationSummary }) {
  const { edit } = useGroupRights(c);
  const memberCount = useChat((s) => s.members[c.id]?.length ?? c.memberCount);
  const save = useSaveGroup(c.id);
  const [iconOpen, setIconOpen] = useState(false);

  return (
    <div className="flex flex-col items-center gap-1 bg-panel px-6 pt-7 pb-6 text-center" data-testid="group-profile">
      {edit ? (
        <button
          type="button"
          onClick={() => setIconOpen(true)}
          className="group relative mb-3 rounded-full outline-none focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-accent"
          aria-label="Change group icon"
          data-testid="edit-group-icon"
        >
          <Avatar label={c.title} icon={c.icon} color={c.iconBg} size={160} />
          <span
            className="absolute inset-0 flex flex-col items-center justify-center gap-1 rounded-full bg-black/45 text-sm text-white opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100"
            aria-hidden="true"
          >
            <PencilIcon size={22} />
            Change icon
          </span>
        </button>
      ) : (
        <Avatar label={c.title} icon={c.icon} color={c.iconBg} size={160} className="mb-3" />
      )}
      <EditableText
        value={c.title}
        label="group name"
        canEdit={edit}
        maxLength={GROUP_NAME_MAX}
        validate={groupNameError}
        onSave={(name) => save({ name })}
        testId="group-name"
        display={(v) => <p className="text-2xl break-words text-fg">{v}</p>}
      />
      <p className="text-muted">
        Group · {memberCount} {memberCount === 1 ? "member" : "members"}
      </p>
      {iconOpen && (
        <IconDialog
          icon={c.icon ?? "👥"}
          iconBg={c.iconBg}
          onClose={() => setIconOpen(false)}
          onSave={async (icon, iconBg) => {
            if (await save({ icon, iconBg })) setIconOpen(false);
          }}
        />
      )}
    </div>
  );
}

export function GroupAbout({ conversation: c }: { conversation: ConversationSummary }) {
  const { edit } = useGroupRights(c);
  const save = useSaveGroup(c.id);
  if (!c.about && !edit) return null;
  return (
    <div className="mt-2.5 bg-panel px-6 py-4" data-testid="group-about">
      <h3 className="mb-1 text-sm text-muted">About</h3>
      <EditableText
        value={c.about}
        label="group description"
        canEdit={edit}
        multiline
        maxLength={GROUP_ABOUT_MAX}
        validate={() => null}
        onSave={(about) => save({ about })}
        testId="group-about-text"
        placeholder="Add group description"
        align="start"
        display={(v) => <p className="break-words whitespace-pre-wrap text-fg">{v}</p>}
      />
    </div>
  );
}

type EditableProps = {
  value: string;
  /** Lower-case noun: "group name" → "Edit group name". */
  label: string;
  canEdit: boolean;
  maxLength: number;
  multiline?: boolean;
  placeholder?: string;
  validate: (v: string) => string | null;
  onSave: (v: string) => Promise<boolean>;
  display: (v: string) => React.ReactNode;
  testId: string;
  /** The name is centred under the icon; the about text starts at the left. */
  align?: "center" | "start";
};

function EditableText({ value, label, canEdit, maxLength, multiline, placeholder, validate, onSave, display, testId, align = "center" }: EditableProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!editing) return;
    const field = inputRef.current ?? textareaRef.current;
    field?.focus();
    field?.select();
  }, [editing]);

  const stop = () => {
    setEditing(false);
    setError(null);
    requestAnimationFrame(() => editRef.current?.focus());
  };

  const submit = async () => {
    const next = draft.trim();
    const problem = validate(next);
    if (problem) {
      setError(problem);
      return;
    }
    if (next === value) {
      stop();
      return;
    }
    setSaving(true);
    const ok = await onSave(next);
    setSaving(false);
    if (ok) stop();
  };

  if (!editing) {
    if (!canEdit) return <div data-testid={testId}>{display(value)}</div>;
    return (
      <div className={`flex w-full items-start gap-2 ${align === "center" ? "justify-center" : "justify-between"}`}>
        <div className="min-w-0" data-testid={testId}>
          {value ? display(value) : <p className="text-muted">{placeholder}</p>}
        </div>
        <button
          ref={editRef}
          type="button"
          onClick={() => {
            setDraft(value);
            setEditing(true);
          }}
          aria-label={`Edit ${label}`}
          title={`Edit ${label}`}
          className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-full text-muted hover:bg-active hover:text-fg ${align === "center" ? "mt-0.5" : "-mt-1"}`}
          data-testid={`edit-${testId}`}
        >
          <PencilIcon size={18} />
        </button>
      </div>
    );
  }

  const onChange = (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    setDraft(e.target.value);
    setError(null);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      stop();
    } else if (e.key === "Enter" && !(multiline && e.shiftKey)) {
      e.preventDefault();
      void submit();
    }
  };
  const fieldLabel = label.charAt(0).toUpperCase() + label.slice(1);
  const fieldClass = "min-w-0 flex-1 bg-transparent py-1 text-fg outline-none";

  return (
    <div className="w-full text-left">
      <div className="flex items-end gap-2 border-b-2 border-accent">
        {multiline ? (
          <textarea
            ref={textareaRef}
            id={id}
            rows={3}
            value={draft}
            maxLength={maxLength}
            onChange={onChange}
            onKeyDown={onKeyDown}
            aria-label={fieldLabel}
            aria-invalid={!!error || undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            disabled={saving}
            className={`${fieldClass} resize-none`}
            data-testid={`${testId}-input`}
          />
        ) : (
          <input
            ref={inputRef}
            id={id}
            value={draft}
            maxLength={maxLength}
            onChange={onChange}
            onKeyDown={onKeyDown}
            aria-label={fieldLabel}
            aria-invalid={!!error || undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            disabled={saving}
            autoComplete="off"
            className={`${fieldClass} text-lg`}
            data-testid={`${testId}-input`}
          />
        )}
        <span className="pb-1.5 text-xs text-muted" aria-hidden="true">
          {maxLength - draft.length}
        </span>
        <button
          type="button"
          onClick={() => void submit()}
          disabled={saving}
          aria-label={`Save ${label}`}
          title="Save"
          className="mb-0.5 flex h-8 w-8 shrink-0 items-center justify-center rounded-full text-accent-strong hover:bg-active"
          data-testid={`save-${testId}`}
        >
          {saving ? <Spinner size={18} /> : <CheckIcon size={20} />}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

function IconDialog({ icon, iconBg, onClose, onSave }: { icon: string; iconBg: string; onClose: () => void; onSave: (icon: string, iconBg: string) => Promise<void> }) {
  const [nextIcon, setIcon] = useState(icon);
  const [nextBg, setBg] = useState(iconBg);
  const [saving, setSaving] = useState(false);
  return (
    <Dialog open onClose={onClose} title="Group icon" testId="group-icon-dialog">
      <div className="flex flex-col gap-4 p-5">
        <div className="flex justify-center">
          <Avatar label="Preview" icon={nextIcon} color={nextBg} size={96} />
        </div>
        <AppearancePicker icon={nextIcon} iconBg={nextBg} onIcon={setIcon} onColor={setBg} />
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded-full px-4 py-2 text-sm font-medium text-accent-strong hover:bg-hover">
            Cancel
          </button>
          <button
            type="button"
            disabled={saving || !isSingleEmoji(nextIcon)}
            onClick={async () => {
              setSaving(true);
              await onSave(nextIcon, nextBg);
              setSaving(false);
            }}
            className="rounded-full bg-accent px-5 py-2 text-sm font-medium text-accent-fg hover:bg-accent-strong disabled:opacity-60"
            data-testid="save-group-icon"
          >
            Save
          </button>
        </div>
      </div>
    </Dialog>
  );
}
