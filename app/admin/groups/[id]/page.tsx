import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AdminsOnly } from "@/components/admin/admins-only";
import { GroupIcon } from "@/components/admin/group-icon";
import { card } from "@/components/admin/buttons";
import { plural } from "@/components/admin/format";
import { ArchiveGroupButton, DeleteGroupButton } from "@/components/admin/group-actions";
import { GroupForm } from "@/components/admin/group-form";
import { GroupMessageTimer } from "@/components/admin/group-message-timer";
import { GroupBadges } from "@/components/admin/group-list";
import { ArchiveIcon, ArrowLeftIcon } from "@/components/admin/icons";
import { MemberList } from "@/components/admin/member-list";
import { MessageModeration } from "@/components/admin/message-moderation";
import { SectionHeading } from "@/components/admin/page-header";
import { Time } from "@/components/admin/time";
import { listAdminGroups, listGroupMembers } from "@/lib/admin/manage-groups";
import { contextFor } from "@/lib/context";
import { listMessages } from "@/lib/messages/list-messages";
import { getUserProfile } from "@/lib/users/profile";
import { adminUser } from "../../_lib/guard";

type Params = { params: Promise<{ id: string }> };

/** The admin and the group (404 when it isn't a public group), once per request. */
const findGroup = cache(async (id: string) => {
  const admin = await adminUser();
  if (!admin) return null;
  const group = (await listAdminGroups(contextFor(admin))).find((g) => g.id === id);
  if (!group) notFound();
  return { admin, group };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await findGroup((await params).id);
  return { title: found ? found.group.name : "Admins only" };
}

export default async function AdminGroupPage({ params }: Params) {
  const found = await findGroup((await params).id);
  if (!found) return <AdminsOnly />;
  const { admin, group } = found;
  const ctx = contextFor(admin);
  const [members, page] = await Promise.all([
    listGroupMembers(ctx, { conversationId: group.id }),
    listMessages(ctx, { conversationId: group.id, limit: 30 }),
  ]);

  // Sender names: members first, then anyone who has left since.
  const names: Record<string, string> = Object.fromEntries(members.map((m) => [m.id, m.name]));
  const missing = [...new Set(page.messages.map((m) => m.senderId))].filter((id) => !(id in names));
  const profiles = await Promise.all(missing.map((userId) => getUserProfile(ctx, { userId }).catch(() => null)));
  for (const p of profiles) if (p) names[p.id] = p.name;

  return (
    <>
      <Link href="/admin" className="mb-4 inline-flex items-center gap-1.5 rounded-sm text-sm font-medium text-muted hover:text-fg">
        <ArrowLeftIcon size={16} />
        All groups
      </Link>

      <div className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-center">
        <div className="flex min-w-0 flex-1 items-center gap-4">
          <GroupIcon icon={group.icon} color={group.iconBg} size={64} />
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight break-words text-fg" data-testid="group-title">
              {group.name}
            </h1>
            <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
              <span>{plural(group.memberCount, "member")}</span>
              <span>{plural(group.messageCount, "message")}</span>
              <span>{group.lastActivityAt ? <>Active <Time iso={group.lastActivityAt} /></> : "No messages yet"}</span>
              <GroupBadges group={group} />
            </div>
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <ArchiveGroupButton groupId={group.id} name={group.name} archived={group.archived} />
          <DeleteGroupButton groupId={group.id} name={group.name} memberCount={group.memberCount} messageCount={group.messageCount} afterDelete="list" />
        </div>
      </div>

      {group.archived && (
        <p className="mb-6 flex items-start gap-3 rounded-xl border border-border bg-panel px-4 py-3 text-sm text-fg" data-testid="archived-notice">
          <ArchiveIcon size={18} className="mt-px shrink-0 text-muted" />
          <span>
            This group is archived: it&apos;s hidden from Discover, and its members can read the history but can&apos;t send messages. Unarchive it to open it
            again.
          </span>
        </p>
      )}

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <div className="flex min-w-0 flex-col gap-6">
          <section aria-labelledby="details-heading" id="details" className={`${card} scroll-mt-24`}>
            <SectionHeading id="details-heading" title="Details" />
            <div className="p-4 sm:p-5">
              <GroupForm
                key={`${group.name}|${group.icon}|${group.iconBg}|${group.about}|${group.autoJoin}|${group.onlyAdminsSend}`}
                groupId={group.id}
                initial={{ name: group.name, icon: group.icon ?? "", iconBg: group.iconBg, about: group.about, autoJoin: group.autoJoin, onlyAdminsSend: group.onlyAdminsSend }}
              />
            </div>
          </section>

          <section aria-labelledby="timer-heading" id="disappearing-messages" className={`${card} scroll-mt-24`}>
            <SectionHeading id="timer-heading" title="Disappearing messages" />
            <div className="p-4 sm:p-5">
              <GroupMessageTimer
                key={`${group.messageTimerSec}|${group.archived}`}
                groupId={group.id}
                groupName={group.name}
                initial={group.messageTimerSec}
                archived={group.archived}
              />
            </div>
          </section>
        </div>

        <div className="flex min-w-0 flex-col gap-6">
          <section aria-labelledby="members-heading" id="members" className={`${card} scroll-mt-24 overflow-hidden`}>
            <SectionHeading id="members-heading" title="Members" />
            <MemberList groupId={group.id} groupName={group.name} members={members} meId={admin.id} />
          </section>

          <section aria-labelledby="messages-heading" id="messages" className={`${card} scroll-mt-24 overflow-hidden`}>
            <SectionHeading id="messages-heading" title="Recent messages" />
            <MessageModeration groupId={group.id} initial={page} names={names} />
          </section>
        </div>
      </div>
    </>
  );
}
