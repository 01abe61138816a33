"use client";
// Members (and banned people) of a public group with Remove / Ban / Unban.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { adminFetch, errorMessage } from "./api";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "./badge";
import { btn, field } from "./buttons";
import { plural } from "./format";
import { BanIcon, SearchIcon, UndoIcon, UserMinusIcon } from "./icons";
import { useNotice } from "./notices";
import { Time } from "./time";

export type AdminMember = {
  id: string;
  name: string;
  username: string;
  email: string;
  initials: string;
  avatarColor: string;
  avatarUrl: string | null;
  joinedAt: string;
  banned: boolean;
  isMember: boolean;
};

type Action = "remove" | "ban" | "unban";

export function MemberList({ groupId, groupName, members, meId }: { groupId: string; groupName: string; members: AdminMember[]; meId: string }) {
  const router = useRouter();
  const notice = useNotice();
  const filterId = useId();
  const [query, setQuery] = useState("");
  const [pending, setPending] = useState<string | null>(null);

  const q = query.trim().toLowerCase();
  const shown = q
    ? members.filter((m) => m.name.toLowerCase().includes(q) || m.username.includes(q.replace(/^@/, "")) || m.email.toLowerCase().includes(q))
    : members;
  const current = members.filter((m) => m.isMember).length;
  const banned = members.filter((m) => m.banned).length;

  async function act(member: AdminMember, action: Action) {
    setPending(member.id);
    try {
      const path =
        action === "unban" ? `/api/v1/groups/${groupId}/bans/${member.id}` : `/api/v1/groups/${groupId}/members/${member.id}${action === "ban" ? "?ban=true" : ""}`;
      await adminFetch("DELETE", path);
      notice.success(
        action === "remove"
          ? `Removed ${member.name} from “${groupName}”`
          : action === "ban"
            ? `Banned ${member.name}: they can't rejoin “${groupName}”`
            : `Unbanned ${member.name}: they can join “${groupName}” again`,
      );
      router.refresh();
    } catch (err) {
      notice.error(errorMessage(err));
    } finally {
      setPending(null);
    }
  }

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-5">
        <p className="text-sm text-muted" data-testid="member-summary">
          {plural(current, "member")}
          {banned > 0 && <> · {banned} banned</>}
        </p>
        {members.length > 0 && (
          <div className="relative w-full sm:w-64">
            <label htmlFor={filterId} className="sr-only">
              Filter members
            </label>
            <SearchIcon size={16} className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-muted" />
            <input
              id={filterId}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Filter by name or email"
              className={`${field} h-9 py-1.5 pl-9 text-sm`}
            />
          </div>
        )}
      </div>
      {members.length === 0 ? (
        <p className="border-t border-border px-5 py-8 text-center text-sm text-muted">Nobody has joined this group yet.</p>
      ) : shown.length === 0 ? (
        <p className="border-t border-border px-5 py-8 text-center text-sm text-muted">Nobody matches “{query.trim()}”.</p>
      ) : (
        <ul className="divide-y divide-border border-t border-border" aria-label={`Members of ${groupName}`}>
          {shown.map((m) => {
            const isMe = m.id === meId;
            const busy = pending === m.id;
            return (
              <li key={m.id} data-testid="member-row" data-user-id={m.id} data-banned={m.banned ? "true" : "false"} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:flex-nowrap sm:px-5">
                <div className="flex w-full min-w-0 items-center gap-3 sm:w-auto sm:flex-1">
                  <span className={m.banned ? "opacity-50 grayscale" : undefined}>
                    <Avatar label={m.name} initials={m.initials} color={m.avatarColor} imageUrl={m.avatarUrl} size={40} />
                  </span>
                  <div className="min-w-0 flex-1">
                    <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
                      <span className="truncate font-medium text-fg" data-testid="member-name">
                        {m.name}
                      </span>
                      {isMe && <Badge>You</Badge>}
                      {m.banned && (
                        <Badge tone="danger" testId="banned-badge">
                          <BanIcon size={12} />
                          Banned
                        </Badge>
                      )}
                    </p>
                    <p className="text-[13px] break-words text-muted sm:truncate">
                      @{m.username} · {m.email}
                    </p>
                    {m.isMember && (
                      <p className="text-xs text-muted">
                        Joined <Time iso={m.joinedAt} />
                      </p>
                    )}
                  </div>
                </div>
                <div className="flex gap-2 pl-[52px] sm:pl-0">
                  {isMe ? (
                    <span className="text-xs text-muted">Leave from the chat app</span>
                  ) : (
                    <>
                      {m.isMember && (
                        <button
                          type="button"
                          disabled={busy}
                          onClick={() => act(m, "remove")}
                          aria-label={`Remove ${m.name}`}
                          className={btn.small}
                          data-testid="remove-member"
                        >
                          <UserMinusIcon size={16} />
                          Remove
                        </button>
                      )}
                      {!m.banned && (
                        <button
                          type="button"
                          disabled={busy}
                          onClick={() => act(m, "ban")}
                          aria-label={`Ban ${m.name}`}
                          className={btn.smallDanger}
                          data-testid="ban-member"
                        >
                          <BanIcon size={16} />
                          Ban
                        </button>
                      )}
                      {m.banned && (
                        <button
                          type="button"
                          disabled={busy}
                          onClick={() => act(m, "unban")}
                          aria-label={`Unban ${m.name}`}
                          className={btn.small}
                          data-testid="unban-member"
                        >
                          <UndoIcon size={16} />
                          Unban
                        </button>
                      )}
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
