import Link from "next/link";
import { ArrowLeftIcon } from "@/components/admin/icons";

export default function AdminNotFound() {
  return (
    <div className="mx-auto max-w-md rounded-2xl border border-border bg-panel p-8 text-center">
      <h1 className="text-xl font-semibold text-fg">Not found</h1>
      <p className="mt-2 text-sm text-muted">That group doesn&apos;t exist any more, or it isn&apos;t a public group.</p>
      <Link href="/admin" className="mt-5 inline-flex items-center gap-1.5 text-sm font-medium text-accent-strong hover:underline dark:text-accent">
        <ArrowLeftIcon size={16} />
        All groups
      </Link>
    </div>
  );
}
