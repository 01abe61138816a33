"use client";
// Group info › Invite via link (owners/admins of a private group): create a link, copy it, see
// the active ones and revoke them. Links look like `${origin}/join/<code>`.
import { useEffect, useId, useState } from "react";
import { CopyIcon, TrashIcon, LinkIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { api, ApiError, type GroupInvite } from "@/lib/client/api";
import { inviteUrl } from "@/lib/client/groups";
import type { ConversationSummary } from "@/lib/realtime/contract";

export function InviteLinks({ conversation: c }: { conversation: ConversationSummary }) {
  const toast = useToast();
  const headingId = useId();
  const [invites, setInvites] = useState<GroupInvite[] | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<string | null>(null);

  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .invites(c.id)
      .then(({ invites }) => {
        if (!live) return;
        setInvites(invites);
        setLoadError(false);
      })
      .catch(() => {
        if (live) setLoadError(true);
      });
    return () => {
      live = false;
    };
  }, [c.id, reload]);
  const load = () => setReload((r) => r + 1);

  const origin = typeof window !== "undefined" ? window.location.origin : "";

  const create = async () => {
    setCreating(true);
    try {
      const { invite } = await api.createInvite(c.id);
      setInvites((list) => [invite, ...(list ?? []).filter((i) => i.id !== invite.id)]);
      toast("Invite link created");
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't create a link", "error");
    } finally {
      setCreating(false);
    }
  };

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      toast("Link copied");
    } catch {
      toast("Couldn't copy: select the link and copy it", "error");
    }
  };

  const revoke = async (invite: GroupInvite) => {
    setRevoking(invite.id);
    try {
      await api.revokeInvite(c.id, invite.id);
      setInvites((list) => (list ?? []).filter((i) => i.id !== invite.id));
      toast("Link revoked: it no longer works");
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't revoke the link", "error");
      void load();
    } finally {
      setRevoking(null);
    }
  };

  return (
    <section aria-labelledby={headingId} className="mt-2.5 bg-panel px-6 py-4" data-testid="invite-links">
      <h3 id={headingId} className="flex items-center gap-2 text-sm text-muted">
        <LinkIcon size={16} />
        Invite via link
      </h3>
      <p className="mt-1 text-sm text-muted">Anyone with a link can join this group. Only share it with people you trust.</p>
      <button
        type="button"
        onClick={() => void create()}
        disabled={creating}
        className="mt-3 inline-flex items-center gap-2 rounded-full bg-accent px-4 py-2 text-sm font-medium text-accent-fg hover:bg-accent-strong disabled:opacity-60"
        data-testid="create-invite"
      >
        {creating ? <Spinner size={14} className="text-accent-fg" /> : <LinkIcon size={16} />}
        Create link
      </button>
      {loadError && (
        <p className="mt-3 text-sm text-danger">
          Couldn&apos;t load the links.{" "}
          <button type="button" className="underline" onClick={() => void load()}>
            Try again
          </button>
        </p>
      )}
      {invites === null && !loadError && (
        <div className="mt-3 flex">
          <Spinner size={18} />
        </div>
      )}
      {invites && invites.length > 0 && (
        <ul aria-label="Active invite links" className="mt-3 flex flex-col gap-2" data-testid="invite-list">
          {invites.map((invite, i) => {
            const url = inviteUrl(origin, invite.code);
            return (
              <li key={invite.id} className="flex items-center gap-1 rounded-lg bg-panel-2 py-1 pr-1 pl-3" data-testid="invite-row" data-code={invite.code}>
                {/* The whole link, wrapped: cut off, its code (the part that matters) never showed.
                    One click selects it all, for copying by hand. */}
                <p className="min-w-0 flex-1 py-1.5 text-sm break-all text-fg select-all" data-testid="invite-url">
                  {url}
                </p>
                <button
                  type="button"
                  onClick={() => void copy(url)}
                  aria-label={`Copy invite link ${invites.length - i}`}
                  title="Copy link"
                  className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full text-muted hover:bg-active hover:text-fg"
                  data-testid="copy-invite"
                >
                  <CopyIcon size={18} />
                </button>
                <button
                  type="button"
                  onClick={() => void revoke(invite)}
                  disabled={revoking === invite.id}
                  aria-label={`Revoke invite link ${invites.length - i}`}
                  title="Revoke link"
                  className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full text-danger hover:bg-active disabled:opacity-50"
                  data-testid="revoke-invite"
                >
                  {revoking === invite.id ? <Spinner size={16} /> : <TrashIcon size={18} />}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {invites && invites.length === 0 && <p className="mt-3 text-sm text-muted">No active links.</p>}
    </section>
  );
}
