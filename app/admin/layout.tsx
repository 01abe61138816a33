import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminsOnly } from "@/components/admin/admins-only";
import { ArrowLeftIcon } from "@/components/admin/icons";
import { NoticeProvider } from "@/components/admin/notices";
import { adminUser } from "./_lib/guard";

export const metadata: Metadata = {
  title: { default: "Admin", template: "%s · Admin · Convo" },
  robots: { index: false, follow: false },
};

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await adminUser();
  if (!admin) return <AdminsOnly />;

  return (
    <div className="flex min-h-full flex-col bg-panel-2 dark:scheme-dark">
      <a
        href="#admin-main"
        className="sr-only z-50 rounded-md bg-panel px-3 py-2 text-sm font-medium text-fg shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-20 border-b border-border bg-panel">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 px-4 sm:flex-nowrap sm:px-6">
          <Link href="/admin" className="flex h-14 shrink-0 items-center gap-2.5 rounded-md text-fg">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src="/icon.svg" alt="" width={30} height={30} />
            <span className="text-lg font-bold tracking-tight">Convo</span>
            <span className="rounded-md bg-accent px-1.5 py-0.5 text-[11px] font-semibold tracking-wide text-accent-fg uppercase">Admin</span>
          </Link>
          <div className="order-last -mx-4 w-[calc(100%+2rem)] border-t border-border px-2 sm:order-none sm:mx-0 sm:w-auto sm:flex-1 sm:border-t-0 sm:px-0">
            <AdminNav />
          </div>
          <Link
            href="/"
            className="ml-auto inline-flex h-9 shrink-0 items-center gap-1.5 rounded-full px-3 text-sm font-medium text-accent-strong hover:bg-hover dark:text-accent dark:hover:bg-active"
            data-testid="back-to-chats"
          >
            <ArrowLeftIcon size={18} />
            Back to chats
          </Link>
        </div>
      </header>
      <NoticeProvider>
        <main id="admin-main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 pt-6 pb-24 outline-none sm:px-6 sm:pt-8">
          {children}
        </main>
      </NoticeProvider>
    </div>
  );
}
