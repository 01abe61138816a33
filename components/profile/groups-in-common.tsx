"use client";
// "N groups in common" in a contact's info, as in WhatsApp: each opens that group's chat.
import { useChatNavigation } from "@/components/chat/navigation";
import { Avatar } from "@/components/ui/avatar";
import type { GroupInCommon } from "@/lib/users/groups-in-common";

export function GroupsInCommon({ groups }: { groups: GroupInCommon[] }) {
  const { openChat } = useChatNavigation();
  if (groups.length === 0) return null;
  const heading = `${groups.length} ${groups.length === 1 ? "group" : "groups"} in common`;
  return (
    <section className="mt-2.5 bg-panel py-3" aria-label={heading} data-testid="groups-in-common">
      <h3 className="mb-1 px-6 text-sm text-muted">{heading}</h3>
      <ul>
        {groups.map((g) => (
          <li key={g.id}>
            <button
              type="button"
              onClick={() => openChat(g.id)}
              className="flex w-full items-center gap-4 px-6 py-2.5 text-left hover:bg-hover focus-visible:bg-hover"
              data-testid="group-in-common"
            >
              <Avatar label={g.name} icon={g.icon} color={g.iconBg} size={40} />
              <span className="min-w-0">
                <span className="block truncate text-fg">{g.name}</span>
                <span className="block text-sm text-muted">
                  {g.memberCount} {g.memberCount === 1 ? "member" : "members"}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
