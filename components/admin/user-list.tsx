"use client";
// People with their role and Promote / Demote. Demoting yourself asks first (you'd lose the
// console); the server refuses to demote the last admin and says why.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { AdminDialog, DialogActions } from "./admin-dialog";
import { adminFetch, errorMessage } from "./api";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "./badge";
import { btn, card } from "./buttons";
import { FormError } from "./form-error";
import { ArrowDownIcon, ArrowUpIcon, ShieldIcon } from "./icons";
import { useNotice } from "./notices";
import { Time } from "./time";

export type AdminUserRow = {
  id: string;
  name: string;
  username: string;
  email: string;
  role: "USER" | "ADMIN";
  initials: string;
  avatarColor: string;
  avatarUrl: string | null;
  online: boolean;
  lastActiveAt: string | null;
  createdAt: string;
};

export function UserList({ users, meId, query }: { users: AdminUserRow[]; meId: string; query?: string }) {
  const router = useRouter();
  const notice = useNotice();
  const [pending, setPending] = useState<string | null>(null);
  const [confirmSelf, setConfirmSelf] = useState(false);
  const [selfError, setSelfError] = useState<string | null>(null);

  async function setRole(user: AdminUserRow, role: AdminUserRow["role"]): Promise<string | null> {
    setPending(user.id);
    try {
      await adminFetch("PATCH", `/api/v1/admin/users/${user.id}`, { role });
      notice.success(role === "ADMIN" ? `${user.name} is now an admin` : `${user.name} is no longer an admin`);
      router.refresh();
      return null;
    } catch (err) {
      return errorMessage(err);
    } finally {
      setPending(null);
    }
  }

  async function onRoleButton(user: AdminUserRow) {
    if (user.role === "ADMIN" && user.id === meId) {
      setSelfError(null);
      setConfirmSelf(true);
      return;
    }
    const error = await setRole(user, user.role === "ADMIN" ? "USER" : "ADMIN");
    if (error) notice.error(error);
  }

  const me = users.find((u) => u.id === meId);

  if (users.length === 0) {
    return (
      <div className={`${card} px-6 py-12 text-center`}>
        <p className="font-medium text-fg">{query ? `Nobody matches “${query}”` : "No users yet"}</p>
        {query && <p className="mt-1 text-sm text-muted">Try part of a name, a username or an email address.</p>}
      </div>
    );
  }

  return (
    <>
      <ul className={`${card} divide-y divide-border overflow-hidden`} aria-label="People">
        {users.map((u) => {
          const isMe = u.id === meId;
          const admin = u.role === "ADMIN";
          return (
            <li key={u.id} data-testid="user-row" data-user-id={u.id} data-role={u.role} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:flex-nowrap sm:px-5">
              <div className="flex w-full min-w-0 items-center gap-3 sm:w-auto sm:flex-1">
                <Avatar label={u.name} initials={u.initials} color={u.avatarColor} imageUrl={u.avatarUrl} size={40} />
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
                    <span className="truncate font-medium text-fg" data-testid="user-name">
                      {u.name}
                    </span>
                    {admin ? (
                      <Badge tone="accent" testId="role-badge">
                        <ShieldIcon size={12} />
                        Admin
                      </Badge>
                    ) : (
                      <Badge testId="role-badge">User</Badge>
                    )}
                    {isMe && <Badge tone="info">You</Badge>}
                  </p>
                  <p className="text-[13px] break-words text-muted sm:truncate">
                    @{u.username} · {u.email}
                  </p>
                  <p className="text-xs text-muted">
                    Joined <Time iso={u.createdAt} />
                    {u.online ? (
                      <>
                        {" "}
                        · <span className="font-medium text-accent-strong" data-testid="user-online">Online</span>
                      </>
                    ) : (
                      u.lastActiveAt && (
                        <>
                          {" "}
                          · Last seen <Time iso={u.lastActiveAt} />
                        </>
                      )
                    )}
                  </p>
                </div>
              </div>
              <div className="pl-[52px] sm:pl-0">
                <button
                  type="button"
                  disabled={pending === u.id}
                  onClick={() => onRoleButton(u)}
                  aria-label={`${admin ? "Demote" : "Promote"} ${u.name}${admin ? " to user" : " to admin"}`}
                  className={admin ? btn.smallDanger : btn.small}
                  data-testid={admin ? "demote-user" : "promote-user"}
                >
                  {admin ? <ArrowDownIcon size={16} /> : <ArrowUpIcon size={16} />}
                  {admin ? "Demote" : "Promote"}
                </button>
              </div>
            </li>
          );
        })}
      </ul>

      <AdminDialog
        open={confirmSelf}
        onClose={() => setConfirmSelf(false)}
        title="Remove your own admin role?"
        description="You'll lose access to the admin console straight away. Another admin can promote you again."
        testId="demote-self-dialog"
        size="sm"
      >
        <FormError message={selfError} testId="demote-self-error" />
        <DialogActions>
          <button type="button" onClick={() => setConfirmSelf(false)} className={btn.secondary} data-autofocus="">
            Cancel
          </button>
          <button
            type="button"
            disabled={pending !== null || !me}
            onClick={async () => {
              if (!me) return;
              const error = await setRole(me, "USER");
              if (error) setSelfError(error);
              else setConfirmSelf(false);
            }}
            className={btn.danger}
            data-testid="confirm-demote"
          >
            {pending ? "Demoting…" : "Demote me"}
          </button>
        </DialogActions>
      </AdminDialog>
    </>
  );
}
