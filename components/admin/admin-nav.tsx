"use client";
// The console's section tabs; the current one is marked with aria-current="page".
import Link from "next/link";
import { usePathname } from "next/navigation";
import { HistoryIcon, MessageIcon, UsersIcon } from "./icons";

const SECTIONS = [
  { href: "/admin", label: "Groups", Icon: MessageIcon, match: (p: string) => p === "/admin" || p.startsWith("/admin/groups") },
  { href: "/admin/users", label: "Users", Icon: UsersIcon, match: (p: string) => p.startsWith("/admin/users") },
  { href: "/admin/audit", label: "Audit log", Icon: HistoryIcon, match: (p: string) => p.startsWith("/admin/audit") },
];

export function AdminNav() {
  const pathname = usePathname() ?? "/admin";
  return (
    <nav aria-label="Admin sections" className="-mb-px flex min-w-0 gap-1 overflow-x-auto">
      {SECTIONS.map(({ href, label, Icon, match }) => {
        const current = match(pathname);
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? "page" : undefined}
            data-testid={`admin-nav-${label.toLowerCase().replace(/\s+/g, "-")}`}
            className={`inline-flex h-12 shrink-0 items-center gap-2 border-b-[3px] sm:h-14 px-3 text-sm font-medium transition-colors ${
              current ? "border-accent text-fg" : "border-transparent text-muted hover:border-black/15 hover:text-fg dark:hover:border-white/20"
            }`}
          >
            <Icon size={18} />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
