"use client";
// Message info for my group messages: who has read it, who has only received it.
import { useEffect, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { useRealtimeClient } from "@/lib/client/context";
import { formatClock } from "@/lib/client/format";
import type { ViewMessage } from "@/lib/client/rows";
import type { ConversationSummary, MessageReceipts, UserSummary } from "@/lib/realtime/contract";
import { bubbleMetaColor } from "./bubble-colors";
import { Ticks } from "./ticks";

type Loaded = { messageId: string; receipts: MessageReceipts | null };

export function MessageInfoDialog({
  message,
  conversation,
  onClose,
}: {
  message: ViewMessage | null;
  conversation: ConversationSummary | undefined;
  onClose: () => void;
}) {
  const client = useRealtimeClient();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const messageId = message?.id ?? null;
  const state =
    loaded && loaded.messageId === messageId
      ? loaded.receipts
        ? ({ status: "ready", receipts: loaded.receipts } as const)
        : ({ status: "error" } as const)
      : ({ status: "loading" } as const);
  // Re-fetch when the watermarks move while the dialog is open.
  const marks = `${conversation?.minDeliveredSeq ?? 0}:${conversation?.minReadSeq ?? 0}`;

  useEffect(() => {
    if (!messageId) return;
    let live = true;
    client
      .receipts(messageId)
      .then((receipts) => live && setLoaded({ messageId, receipts }))
      .catch(() => live && setLoaded({ messageId, receipts: null }));
    return () => {
      live = false;
    };
  }, [messageId, client, marks]);

  return (
    <Dialog open={message !== null} onClose={onClose} title="Message info" testId="message-info-dialog">
      {message && (
        <div className="bg-chat-bg px-6 py-5">
          <div className="ml-auto w-fit max-w-[85%] rounded-lg bg-bubble-out px-3 py-2 text-[14.2px] whitespace-pre-wrap text-fg shadow-sm [overflow-wrap:anywhere]">
            {message.text}
            <span className={`ml-3 text-[11px] ${bubbleMetaColor(true)}`}>{formatClock(message.createdAt)}</span>
          </div>
        </div>
      )}
      {state.status === "loading" && (
        <div className="flex justify-center py-8">
          <Spinner />
        </div>
      )}
      {state.status === "error" && <p className="px-6 py-6 text-sm text-danger">Couldn&apos;t load message info.</p>}
      {state.status === "ready" && (
        <>
          <ReceiptSection title="Read by" icon={<Ticks status="read" />} users={state.receipts.readBy} testId="read-by" empty="Not read by anyone yet" />
          <ReceiptSection
            title="Delivered to"
            icon={<Ticks status="delivered" className="text-muted" />}
            users={state.receipts.deliveredTo}
            testId="delivered-to"
            empty={state.receipts.readBy.length ? "Everyone who received it has read it" : "Not delivered to anyone yet"}
          />
        </>
      )}
    </Dialog>
  );
}

function ReceiptSection({ title, icon, users, testId, empty }: { title: string; icon: React.ReactNode; users: UserSummary[]; testId: string; empty: string }) {
  return (
    <section className="border-t border-border px-6 py-4" data-testid={testId}>
      <h3 className="mb-2 flex items-center gap-2 text-sm font-medium text-fg">
        {icon}
        {title}
        <span className="text-muted">· {users.length}</span>
      </h3>
      {users.length === 0 ? (
        <p className="text-sm text-muted">{empty}</p>
      ) : (
        <ul className="space-y-1">
          {users.map((u) => (
            <li key={u.id} className="flex items-center gap-3 py-1.5">
              <Avatar label={u.name} initials={u.initials} color={u.avatarColor} imageUrl={u.avatarUrl} size={36} />
              <span className="min-w-0">
                <span className="block truncate text-fg">{u.name}</span>
                <span className="block truncate text-xs text-muted">@{u.username}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
