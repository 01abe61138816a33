"use client";
// Every version of an edited message, oldest first; the last one is what the chat shows now.
import { useEffect, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { useRealtimeClient } from "@/lib/client/context";
import { formatClock, formatDayLabel } from "@/lib/client/format";
import { useNow } from "@/lib/client/hooks";
import type { EditVersion } from "@/lib/client/message-api";

type Loaded = { key: string; versions: EditVersion[] | null };

export function EditHistoryDialog({
  messageId,
  editedAt,
  mine,
  onClose,
}: {
  messageId: string | null;
  editedAt: string | null;
  /** My message: the versions are drawn as my bubbles (right, green). */
  mine: boolean;
  onClose: () => void;
}) {
  const client = useRealtimeClient();
  const now = useNow();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Refetch when the message is edited again while the dialog is open.
  const key = `${messageId}:${editedAt}`;

  useEffect(() => {
    if (!messageId) return;
    let live = true;
    client
      .editHistory(messageId)
      .then((versions) => live && setLoaded({ key, versions }))
      .catch(() => live && setLoaded({ key, versions: null }));
    return () => {
      live = false;
    };
  }, [client, messageId, key]);

  const state = loaded?.key === key ? loaded : null;
  const versions = state?.versions ? [...state.versions].reverse() : null;

  return (
    <Dialog open={messageId !== null} onClose={onClose} title="Edit history" testId="edit-history-dialog">
      {!state && (
        <div className="flex justify-center py-8" role="status" aria-label="Loading">
          <Spinner />
        </div>
      )}
      {state && !state.versions && <p className="px-6 py-6 text-sm text-danger">Couldn&apos;t load the edit history.</p>}
      {versions && versions.length === 0 && <p className="px-6 py-6 text-sm text-muted">No history for this message.</p>}
      {versions && versions.length > 0 && (
        <ol className="space-y-3 bg-chat-bg px-5 py-5" aria-label="Versions, newest first">
          {versions.map((v, i) => {
            const current = i === 0;
            const original = i === versions.length - 1;
            return (
              <li
                key={`${v.at}-${i}`}
                className={`flex flex-col ${mine ? "items-end" : "items-start"}`}
                data-testid="edit-version"
                data-current={current ? "true" : undefined}
              >
                <span className="mb-1 text-[11.5px] font-medium text-muted">
                  {current ? "Current" : original ? "Original" : `Edit ${versions.length - 1 - i}`} · {formatDayLabel(v.at, now)}, {formatClock(v.at)}
                </span>
                <p
                  className={`max-w-[90%] rounded-lg px-3 py-2 text-[14.2px] leading-[19px] whitespace-pre-wrap text-fg shadow-sm [overflow-wrap:anywhere] ${
                    mine ? "bg-bubble-out" : "bg-bubble-in"
                  } ${current ? "" : "opacity-80"}`}
                  data-testid="edit-version-text"
                >
                  {v.text || <span className="text-muted italic">(no caption)</span>}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </Dialog>
  );
}
