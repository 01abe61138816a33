// A link to the admin console for the chat sidebar header, shown to admins only:
//   <AdminLink role={me.role} />
import Link from "next/link";
import { ShieldIcon } from "./icons";

export function AdminLink({ role, className = "" }: { role: string | null | undefined; className?: string }) {
  if (role !== "ADMIN") return null;
  return (
    <Link
      href="/admin"
      aria-label="Admin console"
      title="Admin console"
      data-testid="admin-link"
      className={`inline-flex h-10 w-10 shrink-0 items-center justify-center rounded-full text-muted transition-colors hover:bg-active hover:text-fg ${className}`}
    >
      <ShieldIcon size={22} />
    </Link>
  );
}
