"use client";
// "New group", WhatsApp style, sliding over the chat list: 1) add members (search + chips),
// 2) icon, colour, name and about → Create → the new group opens.
import { useEffect, useId, useRef, useState } from "react";
import { useChatNavigation } from "@/components/chat/navigation";
import { Avatar } from "@/components/ui/avatar";
import { BackIcon, ArrowRightIcon, CheckIcon, NewGroupIcon } from "@/components/ui/icons";
import { IconButton } from "@/components/ui/icon-button";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { api, ApiError } from "@/lib/client/api";
import { useChatStoreApi } from "@/lib/client/context";
import { GROUP_ABOUT_MAX, GROUP_COLORS, GROUP_NAME_MAX, groupNameError } from "@/lib/client/groups";
import type { UserSummary } from "@/lib/realtime/contract";
import { AppearancePicker } from "./appearance-picker";
import { MemberPicker } from "./member-picker";

/** The header button and the panel it opens (the panel covers the sidebar: its <nav> is positioned). */
export function NewGroupButton() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  return (
    <>
      <IconButton ref={ref} label="New group" onClick={() => setOpen(true)} data-testid="new-group-button">
        <NewGroupIcon size={22} />
      </IconButton>
      {open && (
        <NewGroupPanel
          onClose={() => {
            setOpen(false);
            requestAnimationFrame(() => ref.current?.focus());
          }}
        />
      )}
    </>
  );
}

export function NewGroupPanel({ onClose }: { onClose: () => void }) {
  const store = useChatStoreApi();
  const { openChat } = useChatNavigation();
  const toast = useToast();
  const [step, setStep] = useState<1 | 2>(1);
  const [members, setMembers] = useState<UserSummary[]>([]);
  const [name, setName] = useState("");
  const [about, setAbout] = useState("");
  const [icon, setIcon] = useState("👥");
  const [iconBg, setIconBg] = useState(GROUP_COLORS[0]!.value);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const fieldId = useId();

  useEffect(() => {
    if (step === 2) nameRef.current?.focus();
  }, [step]);

  const next = () => {
    if (members.length === 0) {
      toast("Add at least one person", "error");
      return;
    }
    setStep(2);
  };

  const create = async () => {
    const problem = groupNameError(name);
    if (problem) {
      setError(problem);
      nameRef.current?.focus();
      return;
    }
    setCreating(true);
    try {
      const { conversation } = await api.createGroup({
        name: name.trim(),
        icon,
        iconBg,
        about: about.trim(),
        memberIds: members.map((m) => m.id),
      });
      const s = store.getState();
      s.upsertConversation(conversation);
      s.restoreMembership(conversation.id);
      onClose();
      openChat(conversation.id);
    } catch (err) {
      setCreating(false);
      setError(err instanceof ApiError ? err.message : "Couldn't create the group");
    }
  };

  const back = () => (step === 2 ? setStep(1) : onClose());

  return (
    <section
      aria-labelledby={titleId}
      className="absolute inset-0 z-20 flex flex-col bg-panel"
      data-testid="new-group-panel"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !e.defaultPrevented) {
          e.preventDefault();
          e.stopPropagation();
          back();
        }
      }}
    >
      <div className="flex h-[64px] shrink-0 items-center gap-3 px-3">
        <IconButton label={step === 2 ? "Back to members" : "Back to chats"} onClick={back}>
          <BackIcon size={22} />
        </IconButton>
        <h2 id={titleId} className="text-lg font-semibold">
          {step === 1 ? "Add group members" : "New group"}
        </h2>
      </div>

      {step === 1 ? (
        <>
          <MemberPicker selected={members} onChange={setMembers} onSubmit={next} />
          <div className="flex shrink-0 items-center justify-center bg-panel-2 py-5">
            <button
              type="button"
              onClick={next}
              disabled={members.length === 0}
              aria-label={members.length ? `Next: ${members.length} selected` : "Next (add at least one person)"}
              title="Next"
              className="flex h-[52px] w-[52px] items-center justify-center rounded-full bg-accent text-accent-fg shadow-md transition hover:bg-accent-strong disabled:opacity-40"
              data-testid="new-group-next"
            >
              <ArrowRightIcon size={24} />
            </button>
          </div>
        </>
      ) : (
        <form
          className="flex min-h-0 flex-1 flex-col"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <div className="min-h-0 flex-1 overflow-y-auto">
            <div className="flex justify-center bg-panel pt-6 pb-4">
              <Avatar label={name || "New group"} icon={icon} color={iconBg} size={120} />
            </div>
            <div className="flex flex-col gap-5 px-6 pb-6">
              <div>
                <label htmlFor={`${fieldId}-name`} className="text-sm text-accent-strong">
                  Group name
                </label>
                <input
                  ref={nameRef}
                  id={`${fieldId}-name`}
                  value={name}
                  maxLength={GROUP_NAME_MAX}
                  onChange={(e) => {
                    setName(e.target.value);
                    setError(null);
                  }}
                  aria-invalid={!!error || undefined}
                  aria-describedby={error ? `${fieldId}-error` : undefined}
                  autoComplete="off"
                  className="mt-1 w-full border-b-2 border-border bg-transparent py-1.5 text-[17px] text-fg outline-none focus:border-accent"
                  data-testid="new-group-name"
                />
                <p className="mt-1 text-right text-xs text-muted" aria-hidden="true">
                  {GROUP_NAME_MAX - name.length}
                </p>
                {error && (
                  <p id={`${fieldId}-error`} role="alert" className="text-sm text-danger" data-testid="new-group-error">
                    {error}
                  </p>
                )}
              </div>
              <div>
                <label htmlFor={`${fieldId}-about`} className="text-sm text-accent-strong">
                  About <span className="text-muted">(optional)</span>
                </label>
                <textarea
                  id={`${fieldId}-about`}
                  value={about}
                  maxLength={GROUP_ABOUT_MAX}
                  rows={2}
                  onChange={(e) => setAbout(e.target.value)}
                  className="mt-1 w-full resize-none border-b-2 border-border bg-transparent py-1.5 text-[15px] text-fg outline-none focus:border-accent"
                  data-testid="new-group-about"
                />
              </div>
              <AppearancePicker icon={icon} iconBg={iconBg} onIcon={setIcon} onColor={setIconBg} />
              <p className="text-sm text-muted">
                {members.length} {members.length === 1 ? "member" : "members"} and you:{" "}
                {members.map((m) => m.name).join(", ")}
              </p>
            </div>
          </div>
          <div className="flex shrink-0 items-center justify-center bg-panel-2 py-5">
            <button
              type="submit"
              disabled={creating}
              aria-label="Create group"
              title="Create group"
              className="flex h-[52px] w-[52px] items-center justify-center rounded-full bg-accent text-accent-fg shadow-md transition hover:bg-accent-strong disabled:opacity-60"
              data-testid="create-group"
            >
              {creating ? <Spinner size={22} className="text-accent-fg" /> : <CheckIcon size={26} />}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
