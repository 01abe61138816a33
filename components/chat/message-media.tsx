"use client";
// What a message carries besides text: photos (thumbnails sized from width/height; click opens
// the lightbox), videos and voice/audio with native players, file cards, a location card.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { AttachmentDto } from "@/lib/realtime/contract";
import { attachmentUrl, fileExtension, fitMedia, formatCoordinates, formatFileSize, osmUrl } from "@/lib/client/attachments";
import { formatDuration } from "@/lib/client/format";
import { currentPlaybackSpeed, nextPlaybackSpeed, setPlaybackSpeed, subscribePlaybackSpeed } from "@/lib/client/playback-speed";
import { DownloadIcon, LocationIcon } from "@/components/ui/icons";

const BADGE_COLORS: Record<string, string> = {
  PDF: "#e5252a",
  DOC: "#2b579a",
  DOCX: "#2b579a",
  XLS: "#217346",
  XLSX: "#217346",
  CSV: "#217346",
  PPT: "#d24726",
  PPTX: "#d24726",
  ZIP: "#8d6e63",
  TXT: "#607d8b",
};

/** A document icon with the file's extension on it. */
export function FileBadge({ name, size = 40 }: { name: string; size?: number }) {
  const ext = fileExtension(name);
  const color = BADGE_COLORS[ext] ?? "#5e7ce2";
  return (
    <span className="relative inline-flex shrink-0" style={{ width: size * 0.8, height: size }} aria-hidden="true">
      <svg viewBox="0 0 32 40" width={size * 0.8} height={size}>
        <path d="M3 0h19l10 10v27a3 3 0 0 1-3 3H3a3 3 0 0 1-3-3V3a3 3 0 0 1 3-3Z" fill={color} />
        <path d="M22 0v7a3 3 0 0 0 3 3h7Z" fill="#fff" opacity="0.45" />
      </svg>
      {ext && (
        <span className="absolute inset-x-0 bottom-[18%] text-center font-bold text-white" style={{ fontSize: Math.max(7, size * 0.2) }}>
          {ext.slice(0, 4)}
        </span>
      )}
    </span>
  );
}

type ImagesProps = {
  images: AttachmentDto[];
  onOpen: (attachmentId: string) => void;
  /** Time/ticks overlay on the last image when there is no caption. */
  overlay?: React.ReactNode;
};

/** One photo at its aspect ratio, or a 2-column grid (4 tiles max, "+N" on the last). */
export function MessageImages({ images, onOpen, overlay }: ImagesProps) {
  if (images.length === 1) {
    const a = images[0]!;
    const box = fitMedia(a.width, a.height);
    return (
      <div className="relative">
        <button
          type="button"
          onClick={() => onOpen(a.id)}
          className="block overflow-hidden rounded-[6px] bg-black/5 outline-offset-[-2px] dark:bg-white/5"
          style={{ width: box.width, height: box.height, maxWidth: "100%" }}
          aria-label={`Open photo ${a.name}`}
          data-testid="message-image"
          data-attachment-id={a.id}
        >
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={attachmentUrl(a.id, { thumbnail: a.hasThumbnail })}
            alt=""
            width={box.width}
            height={box.height}
            loading="lazy"
            decoding="async"
            className="h-full w-full object-cover"
          />
        </button>
        {overlay}
      </div>
    );
  }
  const shown = images.slice(0, 4);
  const extra = images.length - shown.length;
  return (
    <div className="relative grid w-[280px] max-w-full grid-cols-2 gap-[3px]">
      {shown.map((a, i) => (
        <button
          key={a.id}
          type="button"
          onClick={() => onOpen(a.id)}
          className={`relative block aspect-square overflow-hidden rounded-[6px] bg-black/5 outline-offset-[-2px] dark:bg-white/5 ${
            shown.length === 3 && i === 2 ? "col-span-2 aspect-[2/1]" : ""
          }`}
          aria-label={extra > 0 && i === shown.length - 1 ? `Open photo ${a.name} and ${extra} more` : `Open photo ${a.name}`}
          data-testid="message-image"
          data-attachment-id={a.id}
        >
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={attachmentUrl(a.id, { thumbnail: a.hasThumbnail })} alt="" loading="lazy" decoding="async" className="h-full w-full object-cover" />
          {extra > 0 && i === shown.length - 1 && (
            <span className="absolute inset-0 flex items-center justify-center bg-black/50 text-2xl font-medium text-white" aria-hidden="true">
              +{extra}
            </span>
          )}
        </button>
      ))}
      {overlay}
    </div>
  );
}

export function MessageVideo({ attachment: a }: { attachment: AttachmentDto }) {
  const box = fitMedia(a.width, a.height, { width: 330, height: 300 }, { width: 200, height: 120 });
  return (
    <video
      controls
      preload="metadata"
      playsInline
      src={attachmentUrl(a.id)}
      aria-label={`Video ${a.name}`}
      className="block max-w-full rounded-[6px] bg-black"
      style={{ width: box.width, height: box.height }}
      data-testid="message-video"
    />
  );
}

/**
 * The length of a recording. Browsers' own recordings (MediaRecorder WebM) carry no duration, so
 * the player would show none: seeking far past the end makes the browser find it, then back to 0.
 */
function useAudioDuration(): [number | null, (audio: HTMLAudioElement) => void] {
  const [duration, setDuration] = useState<number | null>(null);
  const probing = useRef(false);
  const onMetadata = useCallback((audio: HTMLAudioElement) => {
    if (Number.isFinite(audio.duration)) {
      setDuration(audio.duration);
      if (probing.current) {
        probing.current = false;
        audio.currentTime = 0;
      }
    } else if (!probing.current) {
      probing.current = true;
      audio.currentTime = Number.MAX_SAFE_INTEGER;
    }
  }, []);
  return [duration, onMetadata];
}

/** The speed every player of this browser plays at (lib/client/playback-speed.ts), and the ref of the player it applies to. */
function usePlaybackSpeed() {
  const audio = useRef<HTMLAudioElement>(null);
  const speed = useSyncExternalStore(subscribePlaybackSpeed, currentPlaybackSpeed, () => 1 as const);
  useEffect(() => {
    const player = audio.current;
    if (!player) return;
    // Both: a load resets playbackRate to the default one.
    player.defaultPlaybackRate = speed;
    player.playbackRate = speed;
  }, [speed]);
  return { audio, speed };
}

export function MessageAudio({ attachment: a, metaColor }: { attachment: AttachmentDto; metaColor: string }) {
  const [duration, onMetadata] = useAudioDuration();
  const { audio, speed } = usePlaybackSpeed();
  return (
    <div className="w-[300px] max-w-full rounded-md bg-black/5 p-2 dark:bg-black/20" data-testid="message-audio">
      <audio
        ref={audio}
        controls
        preload="metadata"
        src={attachmentUrl(a.id)}
        aria-label={`Audio ${a.name}`}
        className="h-10 w-full"
        onLoadedMetadata={(e) => onMetadata(e.currentTarget)}
        onDurationChange={(e) => onMetadata(e.currentTarget)}
      />
      {/* The name gives way before the length, the size and the speed do. */}
      <div className={`mt-1 flex items-center gap-1 pl-1 text-[12px] ${metaColor}`}>
        <span className="min-w-0 truncate" title={a.name} data-testid="audio-name">
          {a.name}
        </span>
        <span className="shrink-0">
          {duration !== null && (
            <>
              · <span data-testid="audio-duration">{formatDuration(duration)}</span>{" "}
            </>
          )}
          · {formatFileSize(a.size)}
        </span>
        <button
          type="button"
          onClick={() => setPlaybackSpeed(nextPlaybackSpeed(speed))}
          aria-label={`Playback speed ${speed}×`}
          title="Playback speed"
          className="ml-auto shrink-0 rounded-full bg-black/10 px-2 py-0.5 text-[12px] font-semibold tabular-nums text-fg hover:bg-black/15 dark:bg-white/15 dark:hover:bg-white/20"
          data-testid="playback-speed"
        >
          {speed}×
        </button>
      </div>
    </div>
  );
}

/** Icon, name (opens it: inline for PDFs, else a download), size and type, a download button. */
export function FileCard({ attachment: a, metaColor }: { attachment: AttachmentDto; metaColor: string }) {
  const url = attachmentUrl(a.id);
  const ext = fileExtension(a.name);
  return (
    <div className="flex w-[300px] max-w-full items-center gap-3 rounded-md bg-black/5 px-3 py-2.5 dark:bg-black/20" data-testid="message-file" data-attachment-id={a.id}>
      <FileBadge name={a.name} />
      <div className="min-w-0 flex-1">
        <a
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          className="block truncate text-[14.2px] leading-5 text-fg hover:underline"
          title={a.name}
          data-testid="file-open"
        >
          {a.name}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
        <p className={`text-[12px] leading-4 ${metaColor}`} data-testid="file-meta">
          {[ext, formatFileSize(a.size)].filter(Boolean).join(" · ")}
        </p>
      </div>
      <a
        href={url}
        download={a.name}
        aria-label={`Download ${a.name}`}
        title="Download"
        className={`flex h-9 w-9 shrink-0 items-center justify-center rounded-full border border-current/30 hover:bg-black/5 dark:hover:bg-white/10 ${metaColor}`}
        data-testid="file-download"
      >
        <DownloadIcon size={18} />
      </a>
    </div>
  );
}

/** A drawn map tile with a pin (no third-party requests), the label, and a link to OpenStreetMap. */
export function LocationCard({ location, metaColor }: { location: { lat: number; lng: number; label: string | null }; metaColor: string }) {
  const coords = formatCoordinates(location.lat, location.lng);
  return (
    <a
      href={osmUrl(location.lat, location.lng)}
      target="_blank"
      rel="noopener noreferrer"
      className="group/loc block w-[280px] max-w-full overflow-hidden rounded-[6px] bg-black/5 dark:bg-black/20"
      data-testid="message-location"
    >
      <span className="relative block h-[130px] overflow-hidden bg-[#e8eedf] dark:bg-[#23312b]" aria-hidden="true">
        <svg viewBox="0 0 280 130" width="100%" height="100%" preserveAspectRatio="xMidYMid slice">
          <rect width="280" height="130" className="fill-[#e8eedf] dark:fill-[#23312b]" />
          <path d="M0 92 C60 80 90 110 150 96 S240 70 280 84 V130 H0Z" className="fill-[#aad3df] dark:fill-[#1d3b4a]" />
          <path d="M-10 40 L300 62" strokeWidth="9" className="stroke-white dark:stroke-[#3b4a54]" />
          <path d="M120 -10 L150 140" strokeWidth="7" className="stroke-white dark:stroke-[#3b4a54]" />
          <path d="M-10 110 L120 20 L300 14" strokeWidth="4" fill="none" className="stroke-[#f7d28a] dark:stroke-[#6b5a2e]" />
          <rect x="30" y="6" width="60" height="26" rx="3" className="fill-[#d7e4c4] dark:fill-[#2b3b33]" />
          <rect x="176" y="70" width="70" height="22" rx="3" className="fill-[#d7e4c4] dark:fill-[#2b3b33]" />
        </svg>
        <span className="absolute top-1/2 left-1/2 -translate-x-1/2 -translate-y-full text-[#e53935] drop-shadow">
          <svg width="30" height="38" viewBox="0 0 24 30">
            <path d="M12 0a10 10 0 0 0-10 10c0 7.5 10 20 10 20s10-12.5 10-20A10 10 0 0 0 12 0Z" fill="currentColor" />
            <circle cx="12" cy="10" r="3.6" fill="#fff" />
          </svg>
        </span>
      </span>
      <span className="flex items-start gap-2 px-2.5 py-2">
        <LocationIcon size={18} className="mt-0.5 shrink-0 text-accent-strong" />
        <span className="min-w-0">
          <span className="block truncate text-[14px] leading-5 text-fg group-hover/loc:underline">{location.label || "Shared location"}</span>
          <span className={`block text-[12px] leading-4 ${metaColor}`}>
            {coords}
            <span className="sr-only"> (opens OpenStreetMap in a new tab)</span>
          </span>
        </span>
      </span>
    </a>
  );
}
