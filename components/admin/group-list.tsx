// The console's list of public groups with their numbers and actions (server component; the
// action buttons are client components).
import Link from "next/link";
import type { AdminGroup } from "@/lib/admin/manage-groups";
import { GroupIcon } from "./group-icon";
import { Badge } from "./badge";
import { btn, card } from "./buttons";
import { ArchiveGroupButton, DeleteGroupButton, EditGroupButton } from "./group-actions";
import { ArchiveIcon, MessageIcon, ModerateIcon, SparkIcon, UsersIcon } from "./icons";
import { plural } from "./format";
import { Time } from "./time";

export function GroupBadges({ group }: { group: Pick<AdminGroup, "archived" | "autoJoin" | "isDefault" | "onlyAdminsSend"> }) {
  return (
    <>
      {group.archived && (
        <Badge tone="neutral" testId="archived-badge">
          <ArchiveIcon size={12} />
          Archived
        </Badge>
      )}
      {group.autoJoin && (
        <Badge tone="accent" testId="default-badge">
          <SparkIcon size={12} />
          Default for new users
        </Badge>
      )}
      {group.onlyAdminsSend && (
        <Badge tone="info" testId="only-admins-badge">
          Only admins send
        </Badge>
      )}
      {group.isDefault && (
        <Badge tone="info" testId="builtin-badge">
          Built-in
        </Badge>
      )}
    </>
  );
}

export function GroupList({ groups }: { groups: AdminGroup[] }) {
  if (groups.length === 0) {
    return (
      <div className={`${card} px-6 py-12 text-center`}>
        <p className="font-medium text-fg">No public groups yet</p>
        <p className="mt-1 text-sm text-muted">Create one: it shows up in everyone&apos;s Discover.</p>
      </div>
    );
  }
  return (
    <ul className={`${card} divide-y divide-border overflow-hidden`} aria-label="Public groups">
      {groups.map((g) => (
        <li key={g.id} data-testid="admin-group-row" data-group-id={g.id} data-archived={g.archived ? "true" : "false"}>
          <div className={`flex flex-col gap-3 p-4 sm:px-5 lg:flex-row lg:items-center lg:gap-6 ${g.archived ? "bg-panel-2/60 dark:bg-black/10" : ""}`}>
            <div className="flex min-w-0 flex-1 gap-3.5">
              <span className={g.archived ? "opacity-60 grayscale" : undefined}>
                <GroupIcon icon={g.icon} color={g.iconBg} size={48} />
              </span>
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <h2 className="min-w-0 text-[15px] font-semibold break-words text-fg">
                    <Link href={`/admin/groups/${g.id}`} className="rounded-sm hover:underline" data-testid="group-name">
                      {g.name}
                    </Link>
                  </h2>
                  <GroupBadges group={g} />
                </div>
                {g.about && <p className="mt-0.5 line-clamp-1 text-sm break-words text-muted">{g.about}</p>}
                <dl className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-[13px] text-muted">
                  <div className="flex items-center gap-1.5">
                    <dt className="sr-only">Members</dt>
                    <UsersIcon size={15} />
                    <dd data-testid="member-count">{plural(g.memberCount, "member")}</dd>
                  </div>
                  <div className="flex items-center gap-1.5">
                    <dt className="sr-only">Messages</dt>
                    <MessageIcon size={15} />
                    <dd data-testid="message-count">{plural(g.messageCount, "message")}</dd>
                  </div>
                  <div className="flex items-center gap-1.5">
                    <dt className="sr-only">Last activity</dt>
                    <dd>{g.lastActivityAt ? <>Active <Time iso={g.lastActivityAt} /></> : "No messages yet"}</dd>
                  </div>
                </dl>
              </div>
            </div>
            <div className="flex flex-wrap gap-2 sm:pl-[62px] lg:shrink-0 lg:justify-end lg:pl-0">
              <Link href={`/admin/groups/${g.id}#members`} className={btn.small} aria-label={`Members of ${g.name}`} data-testid="group-members-link">
                <UsersIcon size={16} />
                Members
              </Link>
              <Link href={`/admin/groups/${g.id}#messages`} className={btn.small} aria-label={`Moderate ${g.name}`} data-testid="group-moderate-link">
                <ModerateIcon size={16} />
                Moderate
              </Link>
              <EditGroupButton
                compact
                groupId={g.id}
                values={{ name: g.name, icon: g.icon ?? "", iconBg: g.iconBg, about: g.about, autoJoin: g.autoJoin, onlyAdminsSend: g.onlyAdminsSend }}
              />
              <ArchiveGroupButton compact groupId={g.id} name={g.name} archived={g.archived} />
              <DeleteGroupButton compact groupId={g.id} name={g.name} memberCount={g.memberCount} messageCount={g.messageCount} />
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
