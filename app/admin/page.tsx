import type { Metadata } from "next";
import { AdminsOnly } from "@/components/admin/admins-only";
import { plural } from "@/components/admin/format";
import { CreateGroupButton } from "@/components/admin/group-actions";
import { GroupList } from "@/components/admin/group-list";
import { PageHeader } from "@/components/admin/page-header";
import { listAdminGroups } from "@/lib/admin/manage-groups";
import { contextFor } from "@/lib/context";
import { adminUser } from "./_lib/guard";

// The layout's title template only applies to segments below it.
export const metadata: Metadata = { title: { absolute: "Groups · Admin · Convo" } };

export default async function AdminGroupsPage() {
  const admin = await adminUser();
  if (!admin) return <AdminsOnly />;
  const groups = await listAdminGroups(contextFor(admin));
  const archived = groups.filter((g) => g.archived).length;

  return (
    <>
      <PageHeader
        title="Groups"
        description={
          <>
            {plural(groups.length, "public group")}
            {archived > 0 && <> · {archived} archived</>} · Everyone can discover and join these.
          </>
        }
        actions={<CreateGroupButton />}
      />
      <GroupList groups={groups} />
    </>
  );
}
