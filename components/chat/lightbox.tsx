"use client";
// Full-size photos of the open chat: Escape closes, ←/→ move between photos, a download link.
// A modal dialog: focus moves in, stays in, and returns to the photo that opened it.
import { useEffect, useRef } from "react";
import { createPortal } from "react-dom";
import { CloseIcon, ChevronLeftIcon, ChevronRightIcon, DownloadIcon } from "@/components/ui/icons";
import { attachmentUrl, formatFileSize } from "@/lib/client/attachments";
import { formatClock, formatDayLabel } from "@/lib/client/format";
import { useNow } from "@/lib/client/hooks";
import type { AttachmentDto } from "@/lib/realtime/contract";

export type LightboxPhoto = { attachment: AttachmentDto; senderName: string; createdAt: string; caption: string | null };

const FOCUSABLE = 'button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

export function Lightbox({
  photos,
  index,
  onIndex,
  onClose,
}: {
  photos: LightboxPhoto[];
  index: number;
  onIndex: (index: number) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const now = useNow();
  const photo = photos[index];

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => opener?.focus?.();
  }, []);

  if (!photo || typeof document === "undefined") return null;
  const a = photo.attachment;
  const hasPrev = index > 0;
  const hasNext = index < photos.length - 1;

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === "ArrowLeft" && hasPrev) {
      e.preventDefault();
      onIndex(index - 1);
    } else if (e.key === "ArrowRight" && hasNext) {
      e.preventDefault();
      onIndex(index + 1);
    } else if (e.key === "Tab" && ref.current) {
      const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      if (!items.length) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  const navButton = "flex h-12 w-12 items-center justify-center rounded-full bg-white/10 text-white hover:bg-white/20 disabled:invisible";

  return createPortal(
    <div
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-label={`Photo ${index + 1} of ${photos.length}: ${a.name}`}
      onKeyDown={onKeyDown}
      className="fixed inset-0 z-50 flex flex-col bg-[#0b141a]/[.98] text-white"
      data-testid="lightbox"
    >
      <div className="flex h-[60px] shrink-0 items-center gap-3 px-3 md:px-5">
        <div className="min-w-0 flex-1">
          <p className="truncate text-[15px] font-medium">{photo.senderName}</p>
          <p className="truncate text-[13px] text-white/70">
            {formatDayLabel(photo.createdAt, now)} at {formatClock(photo.createdAt)} · {index + 1} of {photos.length}
          </p>
        </div>
        <a
          href={attachmentUrl(a.id)}
          download={a.name}
          className="flex h-10 w-10 items-center justify-center rounded-full text-white/85 hover:bg-white/10 hover:text-white"
          aria-label={`Download ${a.name} (${formatFileSize(a.size)})`}
          title="Download"
          data-testid="lightbox-download"
        >
          <DownloadIcon size={22} />
        </a>
        <button
          ref={closeRef}
          type="button"
          onClick={onClose}
          aria-label="Close"
          title="Close (Esc)"
          className="flex h-10 w-10 items-center justify-center rounded-full text-white/85 hover:bg-white/10 hover:text-white"
          data-testid="lightbox-close"
        >
          <CloseIcon size={24} />
        </button>
      </div>
      <div
        className="relative flex min-h-0 flex-1 items-center justify-center gap-2 px-2 pb-4 md:px-4"
        onMouseDown={(e) => {
          if (e.target === e.currentTarget) onClose();
        }}
      >
        <button type="button" onClick={() => onIndex(index - 1)} disabled={!hasPrev} aria-label="Previous photo" className={`${navButton} shrink-0 max-md:absolute max-md:left-2 max-md:z-10`}>
          <ChevronLeftIcon size={26} />
        </button>
        <figure className="flex h-full min-w-0 flex-1 flex-col items-center justify-center">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            key={a.id}
            src={attachmentUrl(a.id)}
            alt={photo.caption ? `${a.name}: ${photo.caption}` : a.name}
            className="max-h-full max-w-full min-h-0 object-contain shadow-2xl"
            data-testid="lightbox-image"
          />
          {photo.caption && (
            <figcaption className="mt-3 max-h-[20%] max-w-2xl overflow-y-auto text-center text-[14.5px] whitespace-pre-wrap text-white/90 [overflow-wrap:anywhere]">
              {photo.caption}
            </figcaption>
          )}
        </figure>
        <button type="button" onClick={() => onIndex(index + 1)} disabled={!hasNext} aria-label="Next photo" className={`${navButton} shrink-0 max-md:absolute max-md:right-2 max-md:z-10`}>
          <ChevronRightIcon size={26} />
        </button>
      </div>
    </div>,
    document.body,
  );
}
