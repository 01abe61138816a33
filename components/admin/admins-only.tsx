import { DeadEndPage } from "@/components/ui/dead-end-page";
import { ShieldIcon } from "./icons";

/** What a signed-in non-admin sees anywhere under /admin. */
export function AdminsOnly() {
  return (
    <DeadEndPage icon={<ShieldIcon size={28} />} tone="danger" title="Admins only" testId="admins-only">
      The admin console is for Convo administrators. If you need access, ask an admin to promote your account.
    </DeadEndPage>
  );
}
