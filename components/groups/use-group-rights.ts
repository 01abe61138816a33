"use client";
import { useShallow } from "zustand/react/shallow";
import { useChat } from "@/lib/client/context";
import { groupRights, myGroupRole, readsOnlyIn, type GroupRights, type GroupRole, type SiteRole } from "@/lib/client/groups";
import type { ConversationSummary } from "@/lib/realtime/contract";

export type MyGroupRights = GroupRights & {
  myRole: GroupRole | null;
  siteRole: SiteRole | null;
  meId: string;
  /** Left/removed, or the group is archived: nothing can change from here. */
  readOnly: boolean;
  removed: boolean;
  archived: boolean;
};

const NOT_LOADED = { id: "", type: "DIRECT", visibility: "PRIVATE" } as const;

/** My role in a group (from its loaded member list) and what it lets me do; none before it loads. */
export function useGroupRights(loaded: Pick<ConversationSummary, "id" | "type" | "visibility"> | undefined): MyGroupRights {
  const c = loaded ?? NOT_LOADED;
  const { myRole, siteRole, meId, removed, archived } = useChat(
    useShallow((s) => ({
      myRole: myGroupRole(s.members[c.id], s.me.id),
      siteRole: s.me.role ?? null,
      meId: s.me.id,
      removed: !!s.removed[c.id],
      archived: !!s.archived[c.id],
    })),
  );
  const readOnly = removed || archived;
  const rights = readOnly ? { edit: false, manageMembers: false, invites: false } : groupRights(c, { role: myRole, siteRole });
  return { ...rights, myRole, siteRole, meId, readOnly, removed, archived };
}

/** An announcement group where I only read: members of a group where only admins send. */
export function useOnlyAdminsSend(c: ConversationSummary | undefined): boolean {
  const rights = useGroupRights(c);
  return !!c && readsOnlyIn(c, rights);
}
