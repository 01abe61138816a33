"use client";
// Recent messages of a public group, newest first, with "Delete for everyone" (moderation).
// Admins read public groups without joining (GET /api/v1/conversations/[id]/messages).
import { useEffect, useRef, useState } from "react";
import { deletedText } from "@/lib/client/conversations";
import { systemText } from "@/lib/client/system";
import type { MessageDto, MessagePage } from "@/lib/realtime/contract";
import { AdminDialog, DialogActions } from "./admin-dialog";
import { adminFetch, errorMessage } from "./api";
import { Badge } from "./badge";
import { btn } from "./buttons";
import { truncate } from "./format";
import { FormError } from "./form-error";
import { RefreshIcon, TrashIcon } from "./icons";
import { useNotice } from "./notices";
import { useAdminRequest } from "./use-admin-request";
import { Time } from "./time";

const PAGE = 30;

type Props = { groupId: string; initial: MessagePage; names: Record<string, string> };

export function MessageModeration({ groupId, initial, names: initialNames }: Props) {
  const notice = useNotice();
  // Newest first.
  const [messages, setMessages] = useState<MessageDto[]>(() => [...initial.messages].reverse());
  const [nextBefore, setNextBefore] = useState<number | null>(initial.nextBefore);
  const [names, setNames] = useState<Record<string, string>>(initialNames);
  const [loading, setLoading] = useState<"older" | "latest" | null>(null);
  const [target, setTarget] = useState<MessageDto | null>(null);
  const requested = useRef(new Set<string>(Object.keys(initialNames)));

  // Senders who are no longer members: look their names up once.
  useEffect(() => {
    const missing = [...new Set(messages.map((m) => m.senderId))].filter((id) => !requested.current.has(id));
    if (missing.length === 0) return;
    for (const id of missing) requested.current.add(id);
    void Promise.all(
      missing.map((id) =>
        adminFetch<{ user: { name: string } }>("GET", `/api/v1/users/${id}`)
          .then((r) => [id, r.user.name] as const)
          .catch(() => [id, "Unknown user"] as const),
      ),
    ).then((found) => setNames((n) => ({ ...n, ...Object.fromEntries(found) })));
  }, [messages]);

  async function load(kind: "older" | "latest") {
    setLoading(kind);
    try {
      const qs = kind === "older" && nextBefore !== null ? `?before=${nextBefore}&limit=${PAGE}` : `?limit=${PAGE}`;
      const page = await adminFetch<MessagePage>("GET", `/api/v1/conversations/${groupId}/messages${qs}`);
      const newest = [...page.messages].reverse();
      if (kind === "older") setMessages((m) => [...m, ...newest.filter((x) => !m.some((y) => y.id === x.id))]);
      else setMessages(newest);
      setNextBefore(page.nextBefore);
    } catch (err) {
      notice.error(errorMessage(err));
    } finally {
      setLoading(null);
    }
  }

  const nameOf = (id: string) => names[id] ?? "…";

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-5">
        <p className="text-sm text-muted">Newest first. Deletions reach every member and are audited.</p>
        <button type="button" onClick={() => load("latest")} disabled={loading !== null} className={btn.small}>
          <RefreshIcon size={16} className={loading === "latest" ? "animate-spin" : undefined} />
          {loading === "latest" ? "Refreshing…" : "Refresh"}
        </button>
      </div>
      {messages.length === 0 ? (
        <p className="border-t border-border px-5 py-8 text-center text-sm text-muted">No messages in this group yet.</p>
      ) : (
        <ol className="divide-y divide-border border-t border-border" aria-label="Recent messages">
          {messages.map((m) => (
            <MessageRow key={m.id} message={m} senderName={nameOf(m.senderId)} onDelete={() => setTarget(m)} />
          ))}
        </ol>
      )}
      {nextBefore !== null && (
        <div className="border-t border-border px-4 py-3 text-center">
          <button type="button" onClick={() => load("older")} disabled={loading !== null} className={btn.small} data-testid="load-older-messages">
            {loading === "older" ? "Loading…" : "Load older messages"}
          </button>
        </div>
      )}
      <DeleteMessageDialog
        message={target}
        senderName={target ? nameOf(target.senderId) : ""}
        onClose={() => setTarget(null)}
        onDeleted={(id) => {
          setMessages((all) => all.map((m) => (m.id === id ? { ...m, text: null, deletedAt: new Date().toISOString(), deletedByAdmin: true, attachments: [] } : m)));
          setTarget(null);
          notice.success("Message deleted for everyone");
        }}
      />
    </div>
  );
}

function MessageRow({ message: m, senderName, onDelete }: { message: MessageDto; senderName: string; onDelete: () => void }) {
  if (m.type === "SYSTEM") {
    return (
      <li className="px-4 py-2 text-center text-[13px] text-muted sm:px-5" data-testid="moderation-message" data-message-id={m.id}>
        {systemText(m.system, "Group update")} · <Time iso={m.createdAt} />
      </li>
    );
  }
  const deleted = m.deletedAt !== null;
  return (
    <li className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:gap-4 sm:px-5" data-testid="moderation-message" data-message-id={m.id} data-deleted={deleted ? "true" : "false"}>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
          <span className="font-semibold text-fg">{senderName}</span>
          <span className="text-xs text-muted">
            <Time iso={m.createdAt} />
          </span>
          {m.editedAt && !deleted && <Badge>Edited</Badge>}
          {m.forwarded && !deleted && <Badge>{m.forwardedManyTimes ? "Forwarded many times" : "Forwarded"}</Badge>}
        </p>
        {deleted ? (
          <p className="mt-0.5 text-sm text-muted italic">{deletedText(m, false)}</p>
        ) : (
          <>
            {m.text && <p className="mt-0.5 text-[15px] break-words whitespace-pre-wrap text-fg">{truncate(m.text, 1200)}</p>}
            {m.attachments.length > 0 && (
              <p className="mt-0.5 text-sm text-muted">
                {m.attachments.map((a) => `${a.kind === "IMAGE" ? "Photo" : a.kind === "VIDEO" ? "Video" : a.kind === "AUDIO" ? "Audio" : "File"}: ${a.name}`).join(", ")}
              </p>
            )}
            {m.location && <p className="mt-0.5 text-sm text-muted">Location{m.location.label ? `: ${m.location.label}` : ""}</p>}
          </>
        )}
      </div>
      {!deleted && (
        <div className="shrink-0">
          <button type="button" onClick={onDelete} className={btn.smallDanger} aria-label={`Delete for everyone: message from ${senderName}`} data-testid="delete-message">
            <TrashIcon size={16} />
            Delete for everyone
          </button>
        </div>
      )}
    </li>
  );
}

function DeleteMessageDialog({
  message,
  senderName,
  onClose,
  onDeleted,
}: {
  message: MessageDto | null;
  senderName: string;
  onClose: () => void;
  onDeleted: (id: string) => void;
}) {
  const { pending, error, setError, run } = useAdminRequest();

  async function confirm() {
    if (!message) return;
    await run(async () => {
      await adminFetch("POST", "/api/v1/messages/delete", { messageIds: [message.id], for: "everyone" });
      onDeleted(message.id);
    });
  }

  return (
    <AdminDialog
      open={message !== null}
      onClose={() => {
        if (pending) return;
        setError(null);
        onClose();
      }}
      title="Delete this message for everyone?"
      description={`Every member will see “This message was deleted” instead. This can't be undone.`}
      testId="delete-message-dialog"
    >
      {message && (
        <blockquote className="rounded-lg border-l-4 border-accent bg-panel-2 px-3 py-2 text-sm">
          <p className="font-semibold text-fg">{senderName}</p>
          <p className="break-words whitespace-pre-wrap text-muted">{message.text ? truncate(message.text, 300) : "(attachment)"}</p>
        </blockquote>
      )}
      <FormError message={error} className="mt-3" />
      <DialogActions>
        <button type="button" onClick={onClose} className={btn.secondary} data-autofocus="">
          Cancel
        </button>
        <button type="button" onClick={confirm} disabled={pending} className={btn.danger} data-testid="confirm-delete-message">
          <TrashIcon size={16} />
          {pending ? "Deleting…" : "Delete for everyone"}
        </button>
      </DialogActions>
    </AdminDialog>
  );
}
