"use client";
// Group info › Banned (owners/admins): people removed with a ban, each with Unban. Hidden while empty.
import { useEffect, useId, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { api, ApiError, type BannedMember } from "@/lib/client/api";
import type { ConversationSummary } from "@/lib/realtime/contract";

/** `version` changes when someone was just banned from here: refetch. */
export function BannedList({ conversation: c, version }: { conversation: ConversationSummary; version: number }) {
  const toast = useToast();
  const headingId = useId();
  const [bans, setBans] = useState<BannedMember[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .bans(c.id)
      .then(({ bans }) => {
        if (live) setBans(bans);
      })
      // Not shown: a manager who can't list bans simply sees no section.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [c.id, version, reload]);

  const unban = async (user: BannedMember) => {
    setBusy(user.id);
    try {
      await api.unban(c.id, user.id);
      setBans((list) => (list ?? []).filter((b) => b.id !== user.id));
      toast(`${user.name} is no longer banned`);
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't unban", "error");
      setReload((r) => r + 1);
    } finally {
      setBusy(null);
    }
  };

  if (!bans || bans.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="mt-2.5 bg-panel py-3" data-testid="banned-list">
      <h3 id={headingId} className="px-6 pb-2 text-sm text-muted">
        Banned · {bans.length}
      </h3>
      <ul aria-label="Banned people">
        {bans.map((b) => (
          <li key={b.id} className="flex items-center gap-3 px-6 py-2" data-testid="banned-row" data-user-id={b.id}>
            <Avatar label={b.name} initials={b.initials} color={b.avatarColor} imageUrl={b.avatarUrl} size={40} />
            <div className="min-w-0 flex-1">
              <p className="truncate text-fg">{b.name}</p>
              <p className="truncate text-sm text-muted">@{b.username}</p>
            </div>
            <button
              type="button"
              onClick={() => void unban(b)}
              disabled={busy === b.id}
              aria-label={`Unban ${b.name}`}
              className="inline-flex shrink-0 items-center gap-2 rounded-full border border-border px-3 py-1 text-sm font-medium text-accent-strong hover:bg-active disabled:opacity-60"
              data-testid="unban"
            >
              {busy === b.id && <Spinner size={14} />}
              Unban
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
