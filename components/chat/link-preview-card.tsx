"use client";
// A linked page's card, as WhatsApp shows it: its image on the left, title, description and site.
// In a bubble the whole card opens the page; above the message box it can be closed. Everything
// the page said is React text, and the image is only ever the server's inline data: thumbnail.
import { CloseIcon, LinkIcon } from "@/components/ui/icons";
import { inlineThumbnail, previewSite } from "@/lib/client/link-previews";
import type { LinkPreviewDto } from "@/lib/realtime/contract";
import type { DraftLinkPreview } from "./use-link-preview";

/** The page's picture, when the preview has one (an inline data: image only), else `fallback`. */
export function LinkPreviewThumbnail({
  preview,
  className,
  fallback = null,
  testId = "link-preview-thumbnail",
}: {
  preview: LinkPreviewDto | null;
  className: string;
  fallback?: React.ReactNode;
  testId?: string;
}) {
  const src = preview && inlineThumbnail(preview);
  // Decorative: the title says what the page is.
  // eslint-disable-next-line @next/next/no-img-element
  return src ? <img src={src} alt="" className={`shrink-0 object-cover ${className}`} data-testid={testId} /> : fallback;
}

function PreviewText({ preview, metaColor }: { preview: LinkPreviewDto; metaColor: string }) {
  return (
    <span className="block min-w-0 flex-1 [overflow-wrap:anywhere]">
      <span className="line-clamp-2 text-[13.5px] leading-[18px] font-semibold text-fg" data-testid="link-preview-title">
        {preview.title}
      </span>
      {preview.description && (
        <span className={`mt-0.5 line-clamp-2 text-[12.5px] leading-4 ${metaColor}`} data-testid="link-preview-description">
          {preview.description}
        </span>
      )}
      <span className={`mt-0.5 block truncate text-[12px] leading-4 ${metaColor}`} data-testid="link-preview-site">
        {previewSite(preview)}
      </span>
    </span>
  );
}

/** At the top of a bubble: the page, opened in a new tab. Its name is what it shows. */
export function LinkPreviewCard({ preview, metaColor }: { preview: LinkPreviewDto; metaColor: string }) {
  return (
    <a
      href={preview.url}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="mb-1 flex w-[300px] max-w-full items-stretch overflow-hidden rounded-md bg-black/5 transition-colors hover:bg-black/10 dark:bg-black/20 dark:hover:bg-black/30"
      data-testid="link-preview"
    >
      <LinkPreviewThumbnail preview={preview} className="h-[72px] w-[72px]" />
      <span className="flex min-w-0 flex-1 px-2.5 py-1.5">
        <PreviewText preview={preview} metaColor={metaColor} />
      </span>
      <span className="sr-only">(opens in a new tab)</span>
    </a>
  );
}

/** Above the message box: the preview that will go with the message (or that it is loading). */
export function ComposerLinkPreview({ shown, onDismiss }: { shown: DraftLinkPreview; onDismiss: () => void }) {
  if (shown.state === "loading") {
    return (
      <p role="status" className="mb-2 flex items-center gap-2 rounded-lg bg-panel px-3 py-2 text-[13px] text-muted" data-testid="composer-link-preview-loading">
        <LinkIcon size={16} className="shrink-0" />
        Loading preview…
      </p>
    );
  }
  return (
    <section aria-label="Link preview" className="mb-2 flex items-center gap-2 rounded-lg bg-panel p-1.5 pr-1" data-testid="composer-link-preview">
      <LinkPreviewThumbnail preview={shown.preview} className="h-16 w-16 rounded-md" />
      <span className="flex min-w-0 flex-1 pl-1">
        <PreviewText preview={shown.preview} metaColor="text-muted" />
      </span>
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Remove link preview"
        title="Remove link preview"
        className="shrink-0 self-center rounded-full p-2 text-muted hover:bg-hover hover:text-fg"
        data-testid="composer-link-preview-remove"
      >
        <CloseIcon size={20} />
      </button>
    </section>
  );
}
