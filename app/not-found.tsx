import type { Metadata } from "next";
import Link from "next/link";
import { BackIcon, CompassIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Page not found" };

/** Any address that matches no page: Convo's look and a way back, not the framework's bare 404. */
export default function NotFound() {
  return (
    <main className="flex min-h-full items-center justify-center bg-panel-2 p-4" data-testid="not-found">
      <div className="w-full max-w-md rounded-2xl bg-panel p-8 text-center shadow-sm">
        <span className="mx-auto mb-4 flex h-14 w-14 items-center justify-center rounded-full bg-accent/10 text-accent-strong dark:text-accent">
          <CompassIcon size={28} />
        </span>
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="mt-2 text-muted">This address doesn&apos;t lead anywhere in Convo. The link may be mistyped, or the page has moved.</p>
        <Link
          href="/"
          className="mt-6 inline-flex h-10 items-center gap-2 rounded-full bg-accent px-5 text-sm font-medium text-accent-fg hover:bg-accent-strong"
        >
          <BackIcon size={18} />
          Back to chats
        </Link>
      </div>
    </main>
  );
}
