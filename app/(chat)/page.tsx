import { Avatar } from "@/components/ui/avatar";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { logout } from "./actions";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const me = await requireUser();
  const groups = await db().conversation.findMany({
    where: { type: "GROUP", visibility: "PUBLIC", archivedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, icon: true, iconBg: true, about: true },
  });

  return (
    <main className="mx-auto flex h-full max-w-[1600px] bg-panel">
      <h1 className="sr-only">Convo</h1>
      <aside className="flex w-full flex-col border-r border-border md:w-[400px]" aria-label="Chats">
        <header className="flex items-center gap-3 bg-panel-2 px-4 py-2.5">
          <Avatar label={me.name} initials={me.initials} color={me.avatarColor} imageUrl={me.avatarUrl} />
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium" data-testid="me-name">{me.name}</p>
            <p className="truncate text-xs text-muted">@{me.username}</p>
          </div>
          <form action={logout}>
            <button type="submit" className="rounded-full px-3 py-1.5 text-sm text-muted hover:bg-hover">
              Log out
            </button>
          </form>
        </header>
        <section aria-labelledby="discover-heading" className="overflow-y-auto">
          <h2 id="discover-heading" className="px-4 pt-4 pb-2 text-sm font-medium text-accent">
            Public groups
          </h2>
          <ul>
            {groups.map((group) => (
              <li key={group.id} className="flex items-center gap-3 px-4 py-3 hover:bg-hover">
                <Avatar label={group.name ?? ""} icon={group.icon} color={group.iconBg ?? "#888"} size={48} />
                <div className="min-w-0 flex-1 border-b border-border pb-3">
                  <p className="truncate">{group.name}</p>
                  <p className="truncate text-sm text-muted">{group.about}</p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      </aside>
      <section className="hidden flex-1 flex-col items-center justify-center gap-3 bg-panel-2 text-center md:flex">
        <p className="text-3xl font-light">Convo</p>
        <p className="max-w-md text-sm text-muted">Your chats will appear here.</p>
      </section>
    </main>
  );
}
