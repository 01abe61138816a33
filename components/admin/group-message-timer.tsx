"use client";
// A public group's disappearing messages, set from the console without joining the group: the
// same call as a member's info panel (PUT /api/v1/conversations/<id>/message-timer). Members
// see a notice in the chat; the change is audited. An archived group is read-only.
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { MESSAGE_TIMERS, messageTimerLabel } from "@/lib/conversations/message-timers";
import { adminFetch } from "./api";
import { btn } from "./buttons";
import { FormError } from "./form-error";
import { useNotice } from "./notices";
import { useAdminRequest } from "./use-admin-request";

const CHOICES: { seconds: number | null; label: string }[] = [...MESSAGE_TIMERS, { seconds: null, label: "Off" }];

type Props = { groupId: string; groupName: string; initial: number | null; archived: boolean };

export function GroupMessageTimer({ groupId, groupName, initial, archived }: Props) {
  const router = useRouter();
  const notice = useNotice();
  const uid = useId();
  const [value, setValue] = useState(initial);
  const { pending, error, setError, run } = useAdminRequest();
  const dirty = value !== initial;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!dirty) return;
    await run(async () => {
      await adminFetch("PUT", `/api/v1/conversations/${groupId}/message-timer`, { seconds: value });
      notice.success(
        value === null ? `Turned off disappearing messages in “${groupName}”` : `New messages in “${groupName}” now disappear after ${messageTimerLabel(value)}`,
      );
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" data-testid="group-message-timer">
      <fieldset disabled={archived || pending} aria-describedby={archived ? `${uid}-archived` : undefined}>
        <legend className="text-sm text-muted">
          New messages disappear for everyone this long after they&apos;re sent. Messages sent before stay.
        </legend>
        <div className="mt-2 flex flex-col">
          {CHOICES.map((c) => (
            <label key={c.label} className="flex cursor-pointer items-center gap-3 rounded-lg px-2 py-2 text-[15px] text-fg hover:bg-hover">
              <input
                type="radio"
                name={`${uid}-timer`}
                checked={value === c.seconds}
                onChange={() => {
                  setValue(c.seconds);
                  setError(null);
                }}
                className="size-4 accent-[var(--color-accent)]"
                data-testid={`admin-message-timer-${c.seconds ?? "off"}`}
              />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      {archived && (
        <p id={`${uid}-archived`} className="text-xs text-muted">
          Unarchive the group to change it.
        </p>
      )}
      <FormError message={error} />
      <div className="flex justify-end">
        <button type="submit" disabled={archived || pending || !dirty} className={btn.primary} data-testid="save-message-timer">
          {pending ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
