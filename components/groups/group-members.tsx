"use client";
// Group info › members: "N members", Add members (owners/admins), each member with their role
// badge and a menu (Message · Make group admin · Dismiss as admin · Remove · Remove and ban)
// offered according to my role, with a confirmation before removing.
import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useOpenDirectChat } from "@/components/chat/use-open-direct-chat";
import { Avatar } from "@/components/ui/avatar";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { DialogFooter } from "@/components/ui/dialog-footer";
import { MoreIcon, AddMemberIcon, BanIcon, ChatBubbleIcon, RemoveUserIcon, ShieldStarIcon } from "@/components/ui/icons";
import { Menu, MenuItem } from "@/components/ui/menu";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { api, ApiError } from "@/lib/client/api";
import { useChat, useChatStoreApi, useRealtimeClient } from "@/lib/client/context";
import { formatLastSeen } from "@/lib/client/format";
import { MEMBER_ACTION_LABEL, ROLE_BADGE, memberActions, sortMembers, type MemberAction } from "@/lib/client/groups";
import { useNow } from "@/lib/client/hooks";
import type { ConversationSummary, MemberDto, UserSummary } from "@/lib/realtime/contract";
import { MemberPicker } from "./member-picker";
import type { MyGroupRights } from "./use-group-rights";

type Props = { conversation: ConversationSummary; rights: MyGroupRights; onBanned: () => void };

const ACTION_ICON: Record<MemberAction, React.ReactNode> = {
  "make-admin": <ShieldStarIcon size={20} />,
  "dismiss-admin": <ShieldStarIcon size={20} />,
  remove: <RemoveUserIcon size={20} />,
  ban: <BanIcon size={20} />,
};

const firstName = (name: string) => name.split(/\s+/)[0] || name;

export function GroupMembers({ conversation: c, rights, onBanned }: Props) {
  const client = useRealtimeClient();
  const store = useChatStoreApi();
  const toast = useToast();
  const now = useNow(30_000);
  const { members, presence } = useChat(useShallow((s) => ({ members: s.members[c.id], presence: s.presence })));
  const [menuFor, setMenuFor] = useState<{ member: MemberDto; anchor: HTMLButtonElement } | null>(null);
  const [confirm, setConfirm] = useState<{ member: MemberDto; ban: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const me = { id: rights.meId, role: rights.myRole, siteRole: rights.siteRole };
  const sorted = members ? sortMembers(members, rights.meId, presence) : null;

  const run = async (member: MemberDto, action: MemberAction) => {
    setBusy(member.id);
    try {
      if (action === "make-admin" || action === "dismiss-admin") {
        const role = action === "make-admin" ? "ADMIN" : "MEMBER";
        await api.setMemberRole(c.id, member.id, role);
        store.getState().memberJoined(c.id, { ...member, role });
        toast(role === "ADMIN" ? `${member.name} is now an admin` : `${member.name} is no longer an admin`);
      } else {
        const ban = action === "ban";
        await api.removeMember(c.id, member.id, ban);
        store.getState().memberLeft(c.id, member.id);
        toast(ban ? `Removed and banned ${member.name}` : `Removed ${member.name}`);
        if (ban) onBanned();
      }
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't do that", "error");
    } finally {
      setBusy(null);
      void client.loadConversation(c.id);
    }
  };

  const choose = (member: MemberDto, action: MemberAction) => {
    if (action === "remove" || action === "ban") setConfirm({ member, ban: action === "ban" });
    else void run(member, action);
  };

  const { open: message } = useOpenDirectChat();

  const menuActions = menuFor && !rights.readOnly ? memberActions(c, me, menuFor.member) : [];

  return (
    <div className="mt-2.5 bg-panel py-3" data-testid="group-members">
      <h3 className="px-6 pb-2 text-sm text-muted">
        {members ? `${members.length} ${members.length === 1 ? "member" : "members"}` : "Members"}
      </h3>
      {rights.manageMembers && c.visibility === "PRIVATE" && (
        <button
          type="button"
          onClick={() => setAdding(true)}
          className="flex w-full items-center gap-4 px-6 py-2.5 text-left text-fg hover:bg-hover"
          data-testid="add-members"
        >
          <span className="flex h-10 w-10 items-center justify-center rounded-full bg-accent text-accent-fg" aria-hidden="true">
            <AddMemberIcon size={20} />
          </span>
          Add members
        </button>
      )}
      {!sorted && (
        <div className="flex justify-center py-4">
          <Spinner />
        </div>
      )}
      {sorted && (
        <ul aria-label="Members" data-testid="member-list">
          {sorted.map((m) => {
            const p = presence[m.id];
            const isMe = m.id === rights.meId;
            const online = isMe || !!p?.online;
            const badge = ROLE_BADGE[m.role];
            const hasMenu = !isMe && !rights.removed;
            return (
              <li key={m.id} className="group flex items-center gap-3 py-2.5 pr-3 pl-6 hover:bg-hover" data-testid="member-row" data-user-id={m.id} data-role={m.role}>
                <Avatar label={m.name} initials={m.initials} color={m.avatarColor} imageUrl={m.avatarUrl} size={40} online={online} />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-fg">
                    {isMe ? "You" : m.name}
                    {online && <span className="sr-only"> (online)</span>}
                  </p>
                  <p className="truncate text-sm text-muted">
                    {isMe ? `@${m.username}` : p?.online ? "online" : (formatLastSeen(p?.lastActiveAt ?? null, now) ?? `@${m.username}`)}
                  </p>
                </div>
                {badge && (
                  <span
                    className="shrink-0 rounded bg-[#d9fdd3] px-1.5 py-0.5 text-xs text-[#0a5c4a] dark:bg-[#103529] dark:text-[#25d366]"
                    data-testid="role-badge"
                  >
                    {badge}
                  </span>
                )}
                {busy === m.id ? (
                  <Spinner size={18} className="mx-2.5" />
                ) : hasMenu ? (
                  <button
                    type="button"
                    aria-label={`Options for ${m.name}`}
                    title="Options"
                    aria-haspopup="menu"
                    aria-expanded={menuFor?.member.id === m.id}
                    onClick={(e) => setMenuFor({ member: m, anchor: e.currentTarget })}
                    className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full text-muted hover:bg-active hover:text-fg"
                    data-testid="member-menu-button"
                  >
                    <MoreIcon size={20} />
                  </button>
                ) : (
                  <span className="w-9 shrink-0" aria-hidden="true" />
                )}
              </li>
            );
          })}
        </ul>
      )}

      <Menu
        open={!!menuFor}
        onClose={() => setMenuFor(null)}
        anchor={menuFor?.anchor ?? null}
        label={menuFor ? `Options for ${menuFor.member.name}` : "Member options"}
        testId="member-menu"
      >
        {menuFor && (
          <>
            <MenuItem icon={<ChatBubbleIcon size={20} />} onClick={() => void message(menuFor.member.id)} data-testid="member-message">
              Message {firstName(menuFor.member.name)}
            </MenuItem>
            {menuActions.map((a) => (
              <MenuItem
                key={a}
                icon={ACTION_ICON[a]}
                danger={a === "remove" || a === "ban"}
                onClick={() => choose(menuFor.member, a)}
                data-testid={`member-action-${a}`}
              >
                {MEMBER_ACTION_LABEL[a]}
              </MenuItem>
            ))}
          </>
        )}
      </Menu>

      {confirm && (
        <ConfirmDialog
          onClose={() => setConfirm(null)}
          title={confirm.ban ? "Remove and ban?" : "Remove member?"}
          confirmLabel={confirm.ban ? "Remove and ban" : "Remove"}
          onConfirm={() => {
            const { member, ban } = confirm;
            setConfirm(null);
            void run(member, ban ? "ban" : "remove");
          }}
          testId="confirm-remove-dialog"
          confirmTestId="confirm-remove"
        >
          <p className="text-[15px] text-fg">
            {confirm.ban
              ? `Remove ${confirm.member.name} from “${c.title}” and ban them? They can't come back, even with an invite link, until you unban them.`
              : `Remove ${confirm.member.name} from “${c.title}”?`}
          </p>
        </ConfirmDialog>
      )}

      {adding && members && (
        <AddMembersDialog
          conversation={c}
          existing={new Set(members.map((m) => m.id))}
          onClose={() => setAdding(false)}
          onAdded={() => void client.loadConversation(c.id)}
        />
      )}
    </div>
  );
}

function AddMembersDialog({
  conversation: c,
  existing,
  onClose,
  onAdded,
}: {
  conversation: ConversationSummary;
  existing: ReadonlySet<string>;
  onClose: () => void;
  onAdded: () => void;
}) {
  const toast = useToast();
  const [picked, setPicked] = useState<UserSummary[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    if (picked.length === 0) return;
    setSaving(true);
    setError(null);
    try {
      const { added } = await api.addMembers(
        c.id,
        picked.map((u) => u.id),
      );
      toast(added.length === 1 ? `Added ${picked.find((u) => u.id === added[0])?.name ?? "1 person"}` : `Added ${added.length} people`);
      onAdded();
      onClose();
    } catch (err) {
      setSaving(false);
      setError(err instanceof ApiError ? err.message : "Couldn't add them");
    }
  };

  return (
    <Dialog open onClose={onClose} title="Add members" testId="add-members-dialog" wide>
      <div className="flex h-[min(520px,70vh)] flex-col">
        <MemberPicker selected={picked} onChange={setPicked} exclude={existing} onSubmit={() => void add()} />
        {error && (
          <p role="alert" className="px-5 pb-2 text-sm text-danger">
            {error}
          </p>
        )}
        <DialogFooter onCancel={onClose} className="shrink-0 items-center border-t border-border px-5 py-3">
          <button
            type="button"
            onClick={() => void add()}
            disabled={saving || picked.length === 0}
            className="inline-flex items-center gap-2 rounded-full bg-accent px-5 py-2 text-sm font-medium text-accent-fg hover:bg-accent-strong disabled:opacity-60"
            data-testid="confirm-add-members"
          >
            {saving && <Spinner size={14} className="text-accent-fg" />}
            {picked.length > 1 ? `Add ${picked.length} people` : "Add"}
          </button>
        </DialogFooter>
      </div>
    </Dialog>
  );
}
