"use client";
// One person to pick in a list (New chat, Send contact): picture, name and a line under it.
import { Avatar } from "@/components/ui/avatar";
import { Spinner } from "@/components/ui/spinner";
import type { UserSummary } from "@/lib/realtime/contract";

type Person = Pick<UserSummary, "id" | "name" | "initials" | "avatarColor" | "avatarUrl">;

/** `opening`: the person being opened or sent, if any (all buttons wait meanwhile). */
export function PersonButton(props: { user: Person; name: string; detail: string; opening: string | null; onOpen: (userId: string) => void; testId: string }) {
  const { user: u, opening } = props;
  return (
    <button
      type="button"
      data-testid={props.testId}
      data-user-id={u.id}
      disabled={opening !== null}
      onClick={() => props.onOpen(u.id)}
      className="flex h-[72px] w-full items-center gap-3 px-3 text-left outline-none hover:bg-hover focus-visible:bg-hover focus-visible:-outline-offset-2 focus-visible:outline-2 focus-visible:outline-solid focus-visible:outline-accent disabled:opacity-60"
    >
      <Avatar label={u.name} initials={u.initials} color={u.avatarColor} imageUrl={u.avatarUrl} size={49} />
      <span className="flex h-full min-w-0 flex-1 flex-col justify-center border-b border-border">
        <span className="truncate text-[17px] text-fg">{props.name}</span>
        <span className="truncate text-sm text-muted">{props.detail}</span>
      </span>
      {opening === u.id && <Spinner size={18} className="mr-3" />}
    </button>
  );
}
