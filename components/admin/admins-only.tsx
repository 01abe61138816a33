import Link from "next/link";
import { ArrowLeftIcon, ShieldIcon } from "./icons";

/** What a signed-in non-admin sees anywhere under /admin. */
export function AdminsOnly() {
  return (
    <main className="flex min-h-full items-center justify-center bg-panel-2 p-4" data-testid="admins-only">
      <div className="w-full max-w-md rounded-2xl bg-panel p-8 text-center shadow-sm">
        <span className="mx-auto mb-4 flex h-14 w-14 items-center justify-center rounded-full bg-danger/10 text-danger">
          <ShieldIcon size={28} />
        </span>
        <h1 className="text-2xl font-semibold">Admins only</h1>
        <p className="mt-2 text-muted">
          The admin console is for Convo administrators. If you need access, ask an admin to promote your account.
        </p>
        <Link
          href="/"
          className="mt-6 inline-flex h-10 items-center gap-2 rounded-full bg-accent px-5 text-sm font-medium text-accent-fg hover:bg-accent-strong"
        >
          <ArrowLeftIcon size={18} />
          Back to chats
        </Link>
      </div>
    </main>
  );
}
