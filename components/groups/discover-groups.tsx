"use client";
// "Discover groups": the public groups, with Join (or Open when I'm already in).
import { useEffect, useState } from "react";
import { useChatNavigation } from "@/components/chat/navigation";
import { Avatar } from "@/components/ui/avatar";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useChat, useRealtimeClient } from "@/lib/client/context";

const DISCOVER_REFRESH_MS = 30_000;

export function DiscoverGroups({ query }: { query: string }) {
  const groups = useChat((s) => s.groups);
  const client = useRealtimeClient();
  const { openChat } = useChatNavigation();
  const toast = useToast();
  const [joining, setJoining] = useState<string | null>(null);
  const q = query.trim().toLowerCase();

  // Member counts move all the time and joins are not broadcast to everyone: refresh when the
  // view opens, every half minute while it shows, and when the tab is looked at again.
  useEffect(() => {
    const refresh = () => void client.refreshGroups();
    const refreshIfShown = () => document.visibilityState === "visible" && refresh();
    refresh();
    const timer = window.setInterval(refreshIfShown, DISCOVER_REFRESH_MS);
    document.addEventListener("visibilitychange", refreshIfShown);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", refreshIfShown);
    };
  }, [client]);
  const visible = q ? groups.filter((g) => g.name.toLowerCase().includes(q) || g.about.toLowerCase().includes(q)) : groups;

  const join = async (groupId: string) => {
    setJoining(groupId);
    try {
      const conversation = await client.joinGroup(groupId);
      openChat(conversation.id);
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't join the group", "error");
    } finally {
      setJoining(null);
    }
  };

  if (groups.length === 0) {
    return (
      <p className="px-8 py-12 text-center text-sm text-muted" data-testid="groups-empty">
        There are no public groups yet.
      </p>
    );
  }
  if (visible.length === 0) {
    return <p className="px-8 py-12 text-center text-sm text-muted">No groups match “{query.trim()}”.</p>;
  }

  return (
    <section aria-labelledby="discover-heading">
      <h3 id="discover-heading" className="px-6 pt-2 pb-2 text-sm font-medium text-accent-strong">
        Public groups
      </h3>
      <ul aria-label="Public groups">
        {visible.map((g) => (
          <li key={g.id} data-testid="group-row" data-group-id={g.id} className="flex items-center gap-3 py-3 pl-3 hover:bg-hover">
            <Avatar label={g.name} icon={g.icon} color={g.iconBg} size={49} />
            <div className="flex min-w-0 flex-1 items-center gap-3 pr-4">
              <div className="min-w-0 flex-1">
                <p className="truncate text-[17px] text-fg" data-testid="group-name">
                  {g.name}
                </p>
                <p className="line-clamp-2 text-sm text-muted">{g.about}</p>
                <p className="mt-0.5 text-xs text-muted">
                  {g.memberCount} {g.memberCount === 1 ? "member" : "members"}
                </p>
              </div>
              {g.isMember ? (
                <button
                  type="button"
                  onClick={() => openChat(g.id)}
                  aria-label={`Open ${g.name}`}
                  data-testid="open-group"
                  className="shrink-0 rounded-full border border-border px-4 py-1.5 text-sm font-medium text-accent-strong hover:bg-active"
                >
                  Open
                </button>
              ) : (
                <button
                  type="button"
                  onClick={() => void join(g.id)}
                  disabled={joining !== null}
                  aria-label={`Join ${g.name}`}
                  data-testid="join-group"
                  className="inline-flex shrink-0 items-center gap-2 rounded-full bg-accent px-4 py-1.5 text-sm font-medium text-accent-fg hover:bg-accent-strong disabled:opacity-60"
                >
                  {joining === g.id && <Spinner size={14} className="text-accent-fg" />}
                  Join
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
