"use client";
// Group actions shared by the list and the group page: create, edit, archive/unarchive and
// delete (typed confirmation).
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { AdminDialog, DialogActions } from "./admin-dialog";
import { adminFetch, errorMessage } from "./api";
import { btn, field } from "./buttons";
import { GroupForm, type GroupFormValues } from "./group-form";
import { FormError } from "./form-error";
import { ArchiveIcon, PencilIcon, PlusIcon, TrashIcon, UnarchiveIcon } from "./icons";
import { useNotice } from "./notices";
import { useAdminRequest } from "./use-admin-request";

export function CreateGroupButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={btn.primary} data-testid="create-group-button">
        <PlusIcon size={18} />
        Create group
      </button>
      <AdminDialog
        open={open}
        onClose={() => setOpen(false)}
        title="Create a public group"
        description="Everyone can find and join it from Discover."
        testId="create-group-dialog"
        size="lg"
        ownScroll
      >
        <GroupForm inDialog onDone={() => setOpen(false)} onCancel={() => setOpen(false)} />
      </AdminDialog>
    </>
  );
}

export function EditGroupButton({ groupId, values, compact }: { groupId: string; values: GroupFormValues; compact?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className={compact ? btn.small : btn.secondary}
        aria-label={`Edit ${values.name}`}
        data-testid="edit-group"
      >
        <PencilIcon size={16} />
        Edit
      </button>
      <AdminDialog open={open} onClose={() => setOpen(false)} title={`Edit “${values.name}”`} testId="edit-group-dialog" size="lg" ownScroll>
        <GroupForm inDialog groupId={groupId} initial={values} onDone={() => setOpen(false)} onCancel={() => setOpen(false)} />
      </AdminDialog>
    </>
  );
}

export function ArchiveGroupButton({ groupId, name, archived, compact }: { groupId: string; name: string; archived: boolean; compact?: boolean }) {
  const router = useRouter();
  const notice = useNotice();
  const [pending, setPending] = useState(false);

  async function toggle() {
    setPending(true);
    try {
      await adminFetch("PATCH", `/api/v1/admin/groups/${groupId}`, { archived: !archived });
      notice.success(archived ? `Unarchived “${name}”: it's back in Discover` : `Archived “${name}”: it's hidden from Discover and read-only`);
      router.refresh();
    } catch (err) {
      notice.error(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  const Icon = archived ? UnarchiveIcon : ArchiveIcon;
  return (
    <button
      type="button"
      onClick={toggle}
      disabled={pending}
      aria-label={`${archived ? "Unarchive" : "Archive"} ${name}`}
      className={compact ? btn.small : btn.secondary}
      data-testid="archive-group"
      data-archived={archived ? "true" : "false"}
    >
      <Icon size={16} />
      {archived ? "Unarchive" : "Archive"}
    </button>
  );
}

export function DeleteGroupButton({
  groupId,
  name,
  memberCount,
  messageCount,
  compact,
  afterDelete = "refresh",
}: {
  groupId: string;
  name: string;
  memberCount: number;
  messageCount: number;
  compact?: boolean;
  afterDelete?: "refresh" | "list";
}) {
  const router = useRouter();
  const notice = useNotice();
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const { pending, error, setError, run } = useAdminRequest();
  const matches = typed.trim() === name;

  const close = () => {
    if (pending) return;
    setOpen(false);
    setTyped("");
    setError(null);
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!matches) return;
    await run(async () => {
      await adminFetch("DELETE", `/api/v1/admin/groups/${groupId}`, { confirmName: typed.trim() });
      notice.success(`Deleted “${name}” and all its messages`);
      setOpen(false);
      if (afterDelete === "list") router.push("/admin");
      router.refresh();
    });
  }

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={`Delete ${name}`}
        className={compact ? btn.smallDanger : `${btn.secondary} text-danger!`}
        data-testid="delete-group"
      >
        <TrashIcon size={16} />
        Delete
      </button>
      <AdminDialog
        open={open}
        onClose={close}
        title={`Delete “${name}”?`}
        description={
          <>
            This permanently deletes the group, its {messageCount === 1 ? "1 message" : `${messageCount.toLocaleString("en-GB")} messages`} and
            its files for all {memberCount === 1 ? "1 member" : `${memberCount.toLocaleString("en-GB")} members`}. It can&apos;t be undone.
          </>
        }
        testId="delete-group-dialog"
      >
        <form onSubmit={onSubmit} noValidate>
          <label htmlFor={`${uid}-confirm`} className="mb-1.5 block text-sm text-fg">
            To confirm, type the group name <strong className="font-semibold break-all select-all">{name}</strong>
          </label>
          <input
            id={`${uid}-confirm`}
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setError(null);
            }}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${uid}-confirm-hint`}
            className={field}
            data-testid="confirm-name-input"
            data-autofocus=""
          />
          <p id={`${uid}-confirm-hint`} className={`mt-1.5 text-xs ${typed && !matches ? "text-danger" : "text-muted"}`}>
            {typed && !matches ? "That doesn't match the group name yet." : "Delete is enabled once the name matches exactly."}
          </p>
          <FormError message={error} className="mt-3" />
          <DialogActions>
            <button type="button" onClick={close} className={btn.secondary}>
              Cancel
            </button>
            <button type="submit" disabled={!matches || pending} className={btn.danger} data-testid="confirm-delete">
              <TrashIcon size={16} />
              {pending ? "Deleting…" : "Delete group"}
            </button>
          </DialogActions>
        </form>
      </AdminDialog>
    </>
  );
}
