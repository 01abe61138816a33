"use client";
// "Media, links and docs" in the contact / group info: a row that opens the gallery over the
// info panel, with Media (thumbnail grid), Docs and Links tabs, 60 messages per page.
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { LinkPreviewThumbnail } from "@/components/chat/link-preview-card";
import { useJumpToMessage } from "@/components/chat/use-jump";
import { BackIcon, ChevronRightIcon, DocIcon, LinkIcon, PlayIcon } from "@/components/ui/icons";
import { IconButton } from "@/components/ui/icon-button";
import { Spinner } from "@/components/ui/spinner";
import { TabList, tabId, tabPanelId } from "@/components/ui/tab-list";
import { ApiError } from "@/lib/client/api";
import { attachmentUrl, formatFileSize } from "@/lib/client/attachments";
import { formatListTime } from "@/lib/client/format";
import { appendPage, docItems, groupByMonth, linkItems, mediaTiles, type LinkItem, type MediaTile } from "@/lib/client/gallery";
import { useIsClient, useNow } from "@/lib/client/hooks";
import { profileApi, type MediaKind } from "@/lib/client/profile";
import type { LinkPreviewDto, MessageDto } from "@/lib/realtime/contract";

type Page = { messages: MessageDto[]; nextBefore: number | null; status: "loading" | "ready" | "error"; error: string | null };

const TABS: { id: MediaKind; label: string }[] = [
  { id: "media", label: "Media" },
  { id: "files", label: "Docs" },
  { id: "links", label: "Links" },
];

/** The entry row: shows a few recent thumbnails; opens the gallery. */
/** Narrow screens: the info panel covers the chat, so "Show in chat" closes it. */
export function closesOnNarrow(close: () => void): () => void {
  return () => {
    if (window.matchMedia("(max-width: 767px)").matches) close();
  };
}

export function MediaLinksDocs({ conversationId, onShowInChat }: { conversationId: string; onShowInChat?: () => void }) {
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<MediaTile[] | null>(null);
  const rowRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    profileApi
      .media(conversationId, "media", null, ctrl.signal)
      .then(({ messages }) => setPreview(mediaTiles(messages).slice(0, 3)))
      .catch(() => {
        if (!ctrl.signal.aborted) setPreview([]);
      });
    return () => ctrl.abort();
  }, [conversationId]);

  const close = useCallback(() => {
    setOpen(false);
    requestAnimationFrame(() => rowRef.current?.focus());
  }, []);

  return (
    <>
      <div className="mt-2.5 bg-panel">
        <button
          ref={rowRef}
          type="button"
          onClick={() => setOpen(true)}
          className="flex w-full items-center gap-3 px-6 pt-4 pb-3 text-left hover:bg-hover"
          data-testid="media-links-docs"
        >
          <span className="flex-1 text-sm text-muted">Media, links and docs</span>
          <ChevronRightIcon size={20} className="text-muted" />
        </button>
        {preview && preview.length > 0 && (
          <div className="grid grid-cols-3 gap-2 px-6 pb-4" aria-hidden="true">
            {preview.map((t) => (
              <Thumb key={t.key} tile={t} />
            ))}
          </div>
        )}
      </div>
      {open && <MediaGallery conversationId={conversationId} onClose={close} onShowInChat={onShowInChat} />}
    </>
  );
}

function Thumb({ tile }: { tile: MediaTile }) {
  const a = tile.attachment;
  const src = a.kind === "IMAGE" || a.hasThumbnail ? attachmentUrl(a.id, { thumbnail: a.hasThumbnail }) : null;
  return (
    <span className="relative block aspect-square overflow-hidden rounded-md bg-panel-2">
      {src ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={src} alt="" loading="lazy" className="h-full w-full object-cover" />
      ) : (
        <span className="flex h-full w-full items-center justify-center bg-[#0b141a]" />
      )}
      {a.kind === "VIDEO" && (
        <span className="absolute inset-0 flex items-center justify-center">
          <span className="flex h-9 w-9 items-center justify-center rounded-full bg-black/55 text-white">
            <PlayIcon size={18} />
          </span>
        </span>
      )}
    </span>
  );
}

export function MediaGallery({ conversationId, onClose, onShowInChat }: { conversationId: string; onClose: () => void; onShowInChat?: () => void }) {
  const [tab, setTab] = useState<MediaKind>("media");
  const [pages, setPages] = useState<Partial<Record<MediaKind, Page>>>({});
  const backRef = useRef<HTMLButtonElement>(null);
  const ids = useId();
  const page = pages[tab];

  const fetchPage = useCallback(
    (kind: MediaKind, before: number | null) => {
      profileApi
        .media(conversationId, kind, before)
        .then((res) =>
          setPages((p) => ({
            ...p,
            [kind]: { messages: appendPage(before === null ? [] : (p[kind]?.messages ?? []), res.messages), nextBefore: res.nextBefore, status: "ready", error: null },
          })),
        )
        .catch((err: unknown) =>
          setPages((p) => ({
            ...p,
            [kind]: { messages: p[kind]?.messages ?? [], nextBefore: p[kind]?.nextBefore ?? null, status: "error", error: err instanceof ApiError ? err.message : "Couldn't load" },
          })),
        );
    },
    [conversationId],
  );
  const load = (kind: MediaKind, before: number | null) => {
    setPages((p) => ({ ...p, [kind]: { messages: p[kind]?.messages ?? [], nextBefore: p[kind]?.nextBefore ?? null, status: "loading", error: null } }));
    fetchPage(kind, before);
  };

  // A tab's first page, the first time it is shown (no page yet reads as loading).
  const started = useRef(new Set<MediaKind>());
  useEffect(() => {
    if (started.current.has(tab)) return;
    started.current.add(tab);
    fetchPage(tab, null);
  }, [tab, fetchPage]);

  useEffect(() => {
    backRef.current?.focus();
  }, []);

  return (
    <section
      aria-labelledby={`${ids}-title`}
      className="absolute inset-0 z-10 flex flex-col bg-panel"
      data-testid="media-gallery"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !e.defaultPrevented) {
          e.preventDefault();
          e.stopPropagation();
          e.nativeEvent.stopImmediatePropagation();
          onClose();
        }
      }}
    >
      <div className="flex h-[60px] shrink-0 items-center gap-4 bg-panel-2 px-3 md:px-4">
        <IconButton ref={backRef} label="Back to info" onClick={onClose} data-testid="media-gallery-back">
          <BackIcon size={22} />
        </IconButton>
        <h2 id={`${ids}-title`} className="text-base font-medium text-fg">
          Media, links and docs
        </h2>
      </div>
      <TabList
        tabs={TABS}
        selected={tab}
        onSelect={setTab}
        idPrefix={ids}
        label="Gallery"
        className="flex shrink-0 border-b border-border bg-panel"
        testIdPrefix="gallery-tab-"
        tabClassName={(selected) =>
          `flex-1 border-b-[3px] py-3 text-sm font-medium transition-colors ${
            selected ? "border-accent text-accent-strong" : "border-transparent text-muted hover:text-fg"
          }`
        }
      />
      <div id={tabPanelId(ids)} role="tabpanel" aria-labelledby={tabId(ids, tab)} className="min-h-0 flex-1 overflow-y-auto" data-testid="gallery-panel">
        {page && (
          <GalleryPage
            kind={tab}
            page={page}
            conversationId={conversationId}
            onMore={() => load(tab, page.nextBefore)}
            onRetry={() => load(tab, page.nextBefore)}
            onShowInChat={onShowInChat}
          />
        )}
        {!page && (
          <div className="flex justify-center py-10">
            <Spinner size={24} />
          </div>
        )}
      </div>
    </section>
  );
}

const EMPTY: Record<MediaKind, string> = {
  media: "No photos or videos yet",
  files: "No documents yet",
  links: "No links yet",
};

function GalleryPage({
  kind,
  page,
  conversationId,
  onMore,
  onRetry,
  onShowInChat,
}: {
  kind: MediaKind;
  page: Page;
  conversationId: string;
  onMore: () => void;
  onRetry: () => void;
  onShowInChat?: () => void;
}) {
  const now = useNow();
  const isClient = useIsClient();
  const jump = useJumpToMessage();
  const items: (MediaTile | LinkItem)[] = kind === "media" ? mediaTiles(page.messages) : kind === "files" ? docItems(page.messages) : linkItems(page.messages);
  const groups = groupByMonth(items, now);
  const showInChat = (m: MessageDto) => {
    void jump({ conversationId, messageId: m.id, seq: m.seq });
    onShowInChat?.();
  };

  return (
    <div className="pb-6">
      {page.status !== "loading" && items.length === 0 && page.nextBefore === null && !page.error && (
        <p className="px-8 py-12 text-center text-sm text-muted" data-testid="gallery-empty">
          {EMPTY[kind]}
        </p>
      )}
      {groups.map((g) => (
        <section key={g.label} aria-label={g.label}>
          <h3 className="px-5 pt-4 pb-2 text-[13px] font-medium text-muted uppercase">{isClient ? g.label : ""}</h3>
          {kind === "media" ? (
            <ul className="grid grid-cols-3 gap-1 px-4" aria-label={`Media, ${g.label}`}>
              {(g.items as MediaTile[]).map((t) => (
                <li key={t.key}>
                  <a
                    href={attachmentUrl(t.attachment.id)}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="block outline-offset-2"
                    data-testid="gallery-media"
                    aria-label={`${t.attachment.kind === "VIDEO" ? "Video" : "Photo"} ${t.attachment.name}${isClient ? `, ${formatListTime(t.message.createdAt, now)}` : ""} (opens in a new tab)`}
                  >
                    <Thumb tile={t} />
                  </a>
                </li>
              ))}
            </ul>
          ) : kind === "files" ? (
            <ul aria-label={`Documents, ${g.label}`}>
              {(g.items as MediaTile[]).map((t) => (
                <li key={t.key} className="flex items-center gap-3 px-5 py-2.5 hover:bg-hover" data-testid="gallery-doc">
                  <span className="flex h-10 w-10 shrink-0 items-center justify-center rounded-lg bg-panel-2 text-muted">
                    <DocIcon size={22} />
                  </span>
                  <a href={attachmentUrl(t.attachment.id)} download={t.attachment.name} className="min-w-0 flex-1 outline-offset-2">
                    <span className="block truncate text-[15px] text-fg">{t.attachment.name}</span>
                    <span className="block truncate text-[13px] text-muted">
                      {formatFileSize(t.attachment.size)}
                      {isClient && ` · ${formatListTime(t.message.createdAt, now)}`}
                    </span>
                  </a>
                  <button
                    type="button"
                    onClick={() => showInChat(t.message)}
                    className="shrink-0 rounded-full px-2 py-1 text-[13px] font-medium text-accent-strong hover:bg-active"
                  >
                    Show in chat
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <ul aria-label={`Links, ${g.label}`}>
              {(g.items as LinkItem[]).map((l) => (
                <li key={l.key} className="flex items-start gap-3 px-5 py-2.5 hover:bg-hover" data-testid="gallery-link">
                  <LinkThumbnail preview={l.preview} />
                  <div className="min-w-0 flex-1">
                    {l.preview && <p className="line-clamp-2 text-[14px] leading-[18px] font-semibold [overflow-wrap:anywhere] text-fg">{l.preview.title}</p>}
                    <a
                      href={l.href}
                      target="_blank"
                      rel="noopener noreferrer nofollow"
                      className="block truncate text-[15px] font-medium text-[#0b62a8] hover:underline dark:text-[#8fd3f5]"
                      title={l.href}
                    >
                      {l.host}
                      <span className="sr-only"> ({l.text}, opens in a new tab)</span>
                    </a>
                    <p className="line-clamp-2 text-[13px] leading-[18px] [overflow-wrap:anywhere] text-muted">{l.message.text}</p>
                    <button
                      type="button"
                      onClick={() => showInChat(l.message)}
                      className="mt-0.5 rounded text-[13px] font-medium text-accent-strong hover:underline"
                    >
                      Show in chat
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {page.status === "loading" && (
        <div className="flex justify-center py-6">
          <Spinner size={22} />
        </div>
      )}
      {page.status === "error" && (
        <div className="flex flex-col items-center gap-2 py-6 text-sm">
          <p className="text-danger">{page.error}</p>
          <button type="button" onClick={onRetry} className="rounded-full border border-border px-4 py-1.5 font-medium text-accent-strong hover:bg-hover">
            Try again
          </button>
        </div>
      )}
      {page.status === "ready" && page.nextBefore !== null && (
        <div className="flex justify-center pt-4">
          <button
            type="button"
            onClick={onMore}
            className="rounded-full border border-border px-4 py-1.5 text-sm font-medium text-accent-strong hover:bg-hover"
            data-testid="gallery-more"
          >
            Load more
          </button>
        </div>
      )}
    </div>
  );
}

/** The page's picture when the link went with its preview, else a link icon. */
function LinkThumbnail({ preview }: { preview: LinkPreviewDto | null }) {
  const icon = (
    <span className="mt-0.5 flex h-10 w-10 shrink-0 items-center justify-center rounded-lg bg-panel-2 text-muted">
      <LinkIcon size={20} />
    </span>
  );
  return <LinkPreviewThumbnail preview={preview} className="mt-0.5 h-10 w-10 rounded-lg" fallback={icon} testId="gallery-link-thumbnail" />;
}
