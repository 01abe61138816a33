import { ChatApp } from "@/components/chat/chat-app";
import { requireUser } from "@/lib/auth/current-user";
import { contextFor } from "@/lib/context";
import { env } from "@/lib/env";
import { listConversations } from "@/lib/conversations/list-conversations";
import { listPublicGroups } from "@/lib/groups/list-public-groups";

export const dynamic = "force-dynamic";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ c?: string | string[] }> }) {
  const me = await requireUser();
  const ctx = contextFor(me);
  const [conversations, groups, params] = await Promise.all([listConversations(ctx), listPublicGroups(ctx), searchParams]);
  const c = Array.isArray(params.c) ? params.c[0] : params.c;

  return (
    <ChatApp
      me={{
        id: me.id,
        name: me.name,
        username: me.username,
        email: me.email,
        initials: me.initials,
        avatarColor: me.avatarColor,
        avatarUrl: me.avatarUrl,
        role: me.role,
      }}
      initialConversations={conversations}
      initialGroups={groups}
      initialActiveId={c && c.length <= 64 ? c : null}
      uploadMaxBytes={env().UPLOAD_MAX_BYTES}
    />
  );
}
