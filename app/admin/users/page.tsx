import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { AdminsOnly } from "@/components/admin/admins-only";
import { btn, field } from "@/components/admin/buttons";
import { plural } from "@/components/admin/format";
import { SearchIcon } from "@/components/admin/icons";
import { PageHeader } from "@/components/admin/page-header";
import { UserList } from "@/components/admin/user-list";
import { listUsers } from "@/lib/admin/manage-users";
import { contextFor } from "@/lib/context";
import { adminUser } from "../_lib/guard";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const admin = await adminUser();
  if (!admin) return <AdminsOnly />;
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) || undefined;
  // Admins first, then everyone else in sign-up order.
  const users = (await listUsers(contextFor(admin), { q: q?.replace(/^@/, "") || undefined })).sort((a, b) => Number(b.role === "ADMIN") - Number(a.role === "ADMIN"));
  const admins = users.filter((u) => u.role === "ADMIN").length;

  return (
    <>
      <PageHeader
        title="Users"
        description={q ? `${plural(users.length, "person", "people")} matching “${q}”` : `${plural(users.length, "person", "people")} · ${plural(admins, "admin")}`}
      />
      <Form action="/admin/users" role="search" aria-label="Users" className="mb-4 flex gap-2">
        <div className="relative min-w-0 flex-1 sm:max-w-md">
          <label htmlFor="user-search" className="sr-only">
            Search by name, username or email
          </label>
          <SearchIcon size={18} className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-muted" />
          <input
            id="user-search"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={100}
            placeholder="Name, username or email"
            className={`${field} h-10 pl-10`}
            data-testid="user-search-input"
          />
        </div>
        <button type="submit" className={btn.primary}>
          Search
        </button>
        {q && (
          <Link href="/admin/users" className={btn.secondary}>
            Clear
          </Link>
        )}
      </Form>
      <UserList key={q ?? ""} users={users} meId={admin.id} query={q} />
      {users.length >= 500 && <p className="mt-3 text-center text-sm text-muted">Showing the first 500 people: search to find someone else.</p>}
    </>
  );
}
