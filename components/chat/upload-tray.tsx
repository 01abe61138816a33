"use client";
// Files about to be sent: a strip of previews with per-file progress, remove and retry.
import { CloseIcon, MusicIcon, PlayIcon } from "@/components/ui/icons";
import { formatFileSize } from "@/lib/client/attachments";
import type { UploadItem } from "@/lib/client/uploads";
import { FileBadge } from "./message-media";
import type { UploadQueue } from "./use-upload-queue";

export function UploadTray({ queue, waitingToSend }: { queue: UploadQueue; waitingToSend: boolean }) {
  const { items, summary } = queue;
  if (items.length === 0) return null;
  const pct = Math.round(summary.progress * 100);
  let status: string;
  if (summary.failed > 0) status = `${summary.failed} of ${summary.total} ${summary.total === 1 ? "file" : "files"} couldn't be uploaded`;
  else if (summary.uploading > 0) status = `Uploading ${summary.total === 1 ? "1 file" : `${summary.total} files`}… ${pct}%${waitingToSend ? " · sends when done" : ""}`;
  else status = `${summary.total} ${summary.total === 1 ? "file" : "files"} ready · add a caption or press Send`;

  return (
    <section aria-label="Files to send" className="mb-2 rounded-lg bg-panel px-2 pt-2 pb-1.5 shadow-[0_1px_2px_rgba(11,20,26,.1)]" data-testid="upload-tray">
      <ul className="flex gap-2 overflow-x-auto pb-1.5">
        {items.map((item) => (
          <UploadTile key={item.localId} item={item} onRemove={() => queue.remove(item.localId)} onRetry={() => queue.retry(item.localId)} />
        ))}
      </ul>
      <p className={`px-1 text-xs ${summary.failed ? "text-danger" : "text-muted"}`} aria-live="polite" data-testid="upload-status">
        {status}
      </p>
    </section>
  );
}

function UploadTile({ item, onRemove, onRetry }: { item: UploadItem; onRemove: () => void; onRetry: () => void }) {
  const failed = item.status === "error";
  const pct = Math.round(item.progress * 100);
  return (
    <li
      className={`relative flex w-[112px] shrink-0 flex-col overflow-hidden rounded-md border bg-panel-2 ${failed ? "border-danger" : "border-border"}`}
      data-testid="upload-item"
      data-status={item.status}
    >
      <div className="relative flex h-[72px] items-center justify-center overflow-hidden bg-active">
        {item.kind === "IMAGE" && item.previewUrl ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={item.previewUrl} alt="" className="h-full w-full object-cover" />
        ) : item.kind === "VIDEO" ? (
          <span className="flex h-9 w-9 items-center justify-center rounded-full bg-black/50 text-white">
            <PlayIcon size={18} />
          </span>
        ) : item.kind === "AUDIO" ? (
          <MusicIcon size={28} className="text-muted" />
        ) : (
          <FileBadge name={item.name} size={34} />
        )}
        {item.status === "uploading" && <span className="absolute inset-0 bg-black/25" aria-hidden="true" />}
      </div>
      <div className="min-w-0 px-1.5 pt-1 pb-1.5">
        <p className="truncate text-[12px] leading-4 text-fg" title={item.name}>
          {item.name}
        </p>
        <p className="truncate text-[11px] leading-4 text-muted">{formatFileSize(item.size)}</p>
        {item.status === "uploading" && (
          <div
            role="progressbar"
            aria-label={`Uploading ${item.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            className="mt-1 h-1 overflow-hidden rounded-full bg-active"
            data-testid="upload-progress"
          >
            <div className="h-full rounded-full bg-accent transition-[width] duration-150" style={{ width: `${Math.max(4, pct)}%` }} />
          </div>
        )}
        {failed && (
          <div className="mt-0.5">
            <p className="line-clamp-3 text-[11px] leading-[14px] text-danger" role="alert" data-testid="upload-error">
              {item.error}
            </p>
            <button type="button" onClick={onRetry} className="mt-0.5 text-[12px] font-medium text-accent-strong hover:underline">
              Retry<span className="sr-only"> uploading {item.name}</span>
            </button>
          </div>
        )}
      </div>
      <button
        type="button"
        onClick={onRemove}
        aria-label={`Remove ${item.name}`}
        title="Remove"
        data-testid="upload-remove"
        className="absolute top-1 right-1 flex h-6 w-6 items-center justify-center rounded-full bg-black/60 text-white hover:bg-black/80"
      >
        <CloseIcon size={14} />
      </button>
    </li>
  );
}
