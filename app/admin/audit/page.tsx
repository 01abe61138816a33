import type { Metadata } from "next";
import Link from "next/link";
import { AdminsOnly } from "@/components/admin/admins-only";
import {
  actionTone,
  actionVerb,
  describeActor,
  describeChanges,
  describeTarget,
  entryKind,
  namesFromEntries,
  type AuditEntryView,
  type Change,
  type Names,
} from "@/components/admin/audit-format";
import { btn, card } from "@/components/admin/buttons";
import { MessageIcon, ShieldIcon, TrashIcon, UsersIcon } from "@/components/admin/icons";
import { PageHeader } from "@/components/admin/page-header";
import { Time } from "@/components/admin/time";
import { listAudit } from "@/lib/admin/audit";
import { listAdminGroups } from "@/lib/admin/manage-groups";
import { listUsers } from "@/lib/admin/manage-users";
import { contextFor } from "@/lib/context";
import { adminUser } from "../_lib/guard";

export const metadata: Metadata = { title: "Audit log" };

const LIMIT = 50;
const KIND_ICON = { group: MessageIcon, member: UsersIcon, user: ShieldIcon, message: TrashIcon };
const TONE_RING = {
  neutral: "bg-panel-2 text-muted dark:bg-active",
  accent: "bg-accent/10 text-accent-strong dark:bg-accent/15",
  danger: "bg-danger/10 text-danger dark:bg-danger/15",
};

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<{ before?: string | string[] }> }) {
  const admin = await adminUser();
  if (!admin) return <AdminsOnly />;
  const raw = (await searchParams).before;
  const before = typeof raw === "string" && !Number.isNaN(Date.parse(raw)) ? new Date(raw).toISOString() : undefined;
  const ctx = contextFor(admin);
  const [entries, groups, users] = await Promise.all([listAudit(ctx, { before, limit: LIMIT }), listAdminGroups(ctx), listUsers(ctx)]);
  const names: Names = {
    // Current names first; the log's own record for groups deleted since.
    groups: new Map([...namesFromEntries(entries as AuditEntryView[]), ...groups.map((g) => [g.id, g.name] as const)]),
    users: new Map(users.map((u) => [u.id, u.name])),
  };
  const last = entries.at(-1);

  return (
    <>
      <PageHeader title="Audit log" description="Every change made from the admin console: who did what, when, and what it was before." />
      {entries.length === 0 ? (
        <div className={`${card} px-6 py-12 text-center`}>
          <p className="font-medium text-fg">{before ? "No older entries" : "Nothing has been recorded yet"}</p>
          <p className="mt-1 text-sm text-muted">Group, member, message and role changes made by admins show up here.</p>
        </div>
      ) : (
        <ol className={`${card} divide-y divide-border overflow-hidden`} aria-label="Audit log entries">
          {entries.map((entry) => {
            const e = entry as AuditEntryView;
            const target = describeTarget(e, names);
            const changes = describeChanges(e, names);
            const tone = actionTone(e.action);
            const Icon = KIND_ICON[entryKind(e)];
            return (
              <li key={e.id} data-testid="audit-row" data-action={e.action} className="flex gap-3 px-4 py-3.5 sm:gap-4 sm:px-5">
                <span aria-hidden="true" className={`mt-0.5 flex h-8 w-8 shrink-0 items-center justify-center rounded-full ${TONE_RING[tone]}`}>
                  <Icon size={16} />
                </span>
                <div className="min-w-0 flex-1">
                  <div className="flex flex-col gap-0.5 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
                    <p className="text-[15px] break-words text-fg" data-testid="audit-summary">
                      <strong className="font-semibold">{describeActor(e)}</strong> {actionVerb(e.action)}
                      {target.object && (
                        <>
                          {" "}
                          <strong className="font-semibold">{target.object}</strong>
                        </>
                      )}
                      {target.suffix && <> {target.suffix}</>}
                    </p>
                    <p className="shrink-0 text-xs text-muted">
                      <Time iso={e.createdAt} mode="absolute" />
                    </p>
                  </div>
                  {changes.length > 0 && (
                    <ul className="mt-1.5 flex flex-col gap-0.5 text-[13px] text-muted" aria-label="Changes">
                      {changes.map((c) => (
                        <li key={c.key} className="break-words">
                          <span className="font-medium">{c.label}:</span> <ChangeText change={c} />
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <nav aria-label="Audit log pages" className="mt-4 flex flex-wrap justify-between gap-2">
        {before ? (
          <Link href="/admin/audit" className={btn.secondary}>
            Newest entries
          </Link>
        ) : (
          <span />
        )}
        {last && entries.length === LIMIT && (
          <Link href={`/admin/audit?before=${encodeURIComponent(last.createdAt)}`} className={btn.secondary} data-testid="audit-older">
            Older entries
          </Link>
        )}
      </nav>
    </>
  );
}

/** "before → after" (or one side, for creations and deletions) as plain text. */
function ChangeText({ change: c }: { change: Change }) {
  const value = (text: string, strong: boolean) => (
    <span className={strong ? "text-fg" : undefined}>
      {c.key === "iconBg" && /^#[0-9a-f]{6}$/i.test(text) && (
        <span aria-hidden="true" className="mr-1 inline-block h-3 w-3 rounded-full align-[-1px] ring-1 ring-black/15 dark:ring-white/20" style={{ background: text }} />
      )}
      {text}
    </span>
  );
  if (c.from !== undefined && c.to !== undefined) {
    return (
      <>
        {value(c.from, false)} <span aria-hidden="true">→</span>
        <span className="sr-only">changed to</span> {value(c.to, true)}
      </>
    );
  }
  if (c.to !== undefined) return value(c.to, true);
  return <>was {value(c.from ?? "", false)}</>;
}
