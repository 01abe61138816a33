"use client";
// Square crop of a new profile picture before it is uploaded: drag (or arrow keys) to move,
// slider (or wheel, +/-) to zoom, a round guide like the avatar it becomes. Drawn on a canvas;
// the cropped square is exported as a PNG/JPEG blob (lib/client/crop.ts does the geometry).
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DialogFooter } from "@/components/ui/dialog-footer";
import { Spinner } from "@/components/ui/spinner";
import {
  MAX_ZOOM,
  MIN_ZOOM,
  initialCrop,
  outputSize,
  panCrop,
  sourceRect,
  zoomCrop,
  type CropState,
  type Size,
} from "@/lib/client/crop";

const VIEWPORT = 280;

type Props = {
  file: File | null;
  onCancel: () => void;
  /** Resolves when the upload is done (the dialog shows progress until then). */
  onConfirm: (blob: Blob, name: string) => Promise<void>;
};

export function AvatarCropper({ file, onCancel, onConfirm }: Props) {
  return (
    <Dialog open={file !== null} onClose={onCancel} title="Crop your photo" testId="avatar-cropper">
      {file && <CropperBody key={`${file.name}-${file.size}-${file.lastModified}`} file={file} onCancel={onCancel} onConfirm={onConfirm} />}
    </Dialog>
  );
}

function CropperBody({ file, onCancel, onConfirm }: { file: File; onCancel: () => void; onConfirm: Props["onConfirm"] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [crop, setCrop] = useState<CropState | null>(null);
  const [busy, setBusy] = useState(false);
  const drag = useRef<{ id: number; x: number; y: number } | null>(null);

  useEffect(() => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    let cancelled = false;
    img.onload = () => {
      if (cancelled) return;
      if (!img.naturalWidth || !img.naturalHeight) {
        setError("That picture couldn't be read.");
        return;
      }
      setImage(img);
      setCrop(initialCrop({ width: img.naturalWidth, height: img.naturalHeight }, VIEWPORT));
    };
    img.onerror = () => {
      if (!cancelled) setError("That file isn't a picture we can use. Try a JPEG, PNG, WebP or GIF.");
    };
    img.src = url;
    return () => {
      cancelled = true;
      URL.revokeObjectURL(url);
    };
  }, [file]);

  const size: Size | null = useMemo(() => (image ? { width: image.naturalWidth, height: image.naturalHeight } : null), [image]);

  // Draw: the picture, dimmed outside the round guide.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !image || !crop || !size) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = VIEWPORT * dpr;
    canvas.height = VIEWPORT * dpr;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, VIEWPORT, VIEWPORT);
    const { sx, sy, size: side } = sourceRect(size, VIEWPORT, crop);
    ctx.imageSmoothingQuality = "high";
    ctx.drawImage(image, sx, sy, side, side, 0, 0, VIEWPORT, VIEWPORT);
    ctx.save();
    ctx.fillStyle = "rgba(11, 20, 26, 0.55)";
    ctx.beginPath();
    ctx.rect(0, 0, VIEWPORT, VIEWPORT);
    ctx.arc(VIEWPORT / 2, VIEWPORT / 2, VIEWPORT / 2 - 2, 0, Math.PI * 2, true);
    ctx.fill("evenodd");
    ctx.strokeStyle = "rgba(255, 255, 255, 0.9)";
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(VIEWPORT / 2, VIEWPORT / 2, VIEWPORT / 2 - 2, 0, Math.PI * 2);
    ctx.stroke();
    ctx.restore();
  }, [image, crop, size]);

  const pan = useCallback(
    (dx: number, dy: number) => {
      if (!size) return;
      setCrop((c) => (c ? panCrop(size, VIEWPORT, c, dx, dy) : c));
    },
    [size],
  );
  const zoomTo = useCallback(
    (zoom: number) => {
      if (!size) return;
      setCrop((c) => (c ? zoomCrop(size, VIEWPORT, c, zoom) : c));
    },
    [size],
  );

  // Wheel zoom needs a non-passive listener to keep the dialog from scrolling.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      setCrop((c) => (c && size ? zoomCrop(size, VIEWPORT, c, c.zoom * Math.exp(-e.deltaY / 500)) : c));
    };
    canvas.addEventListener("wheel", onWheel, { passive: false });
    return () => canvas.removeEventListener("wheel", onWheel);
  }, [size]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? 40 : 10;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      pan(move[0], move[1]);
    } else if ((e.key === "+" || e.key === "=") && crop) {
      e.preventDefault();
      zoomTo(crop.zoom + 0.2);
    } else if (e.key === "-" && crop) {
      e.preventDefault();
      zoomTo(crop.zoom - 0.2);
    }
  };

  const confirm = async () => {
    if (!image || !crop || !size || busy) return;
    setBusy(true);
    setError(null);
    try {
      const rect = sourceRect(size, VIEWPORT, crop);
      const side = outputSize(rect);
      const out = document.createElement("canvas");
      out.width = side;
      out.height = side;
      const ctx = out.getContext("2d");
      if (!ctx) throw new Error("Your browser can't crop pictures");
      ctx.imageSmoothingQuality = "high";
      const png = file.type === "image/png" || file.type === "image/gif" || file.type === "image/webp";
      if (!png) {
        ctx.fillStyle = "#ffffff";
        ctx.fillRect(0, 0, side, side);
      }
      ctx.drawImage(image, rect.sx, rect.sy, rect.size, rect.size, 0, 0, side, side);
      const type = png ? "image/png" : "image/jpeg";
      const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, type, 0.92));
      if (!blob) throw new Error("Couldn't crop the picture");
      const base = file.name.replace(/\.[^.]+$/, "") || "avatar";
      await onConfirm(blob, `${base}.${png ? "png" : "jpg"}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : "Couldn't update your photo");
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col items-center gap-4 px-5 pt-5 pb-4">
      <div className="relative overflow-hidden rounded-lg bg-black" style={{ width: VIEWPORT, height: VIEWPORT }}>
        {!image && !error && (
          <div className="absolute inset-0 flex items-center justify-center">
            <Spinner size={28} />
          </div>
        )}
        <canvas
          ref={canvasRef}
          role="img"
          tabIndex={0}
          aria-label="Photo crop area. Drag or use the arrow keys to move the picture, plus and minus to zoom."
          aria-describedby="crop-help"
          data-testid="crop-canvas"
          data-autofocus
          style={{ width: VIEWPORT, height: VIEWPORT, touchAction: "none" }}
          className={`block outline-none focus-visible:outline-2 focus-visible:outline-solid focus-visible:-outline-offset-2 focus-visible:outline-accent ${
            image ? "cursor-grab active:cursor-grabbing" : ""
          }`}
          onKeyDown={onKeyDown}
          onPointerDown={(e) => {
            if (!image) return;
            e.currentTarget.setPointerCapture(e.pointerId);
            drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
          }}
          onPointerMove={(e) => {
            const d = drag.current;
            if (!d || d.id !== e.pointerId) return;
            pan(e.clientX - d.x, e.clientY - d.y);
            drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
          }}
          onPointerUp={() => (drag.current = null)}
          onPointerCancel={() => (drag.current = null)}
        />
      </div>
      <p id="crop-help" className="text-center text-[13px] text-muted">
        Drag to reposition. The circle shows your profile photo.
      </p>
      <label className="flex w-full max-w-[280px] items-center gap-3 text-sm text-muted">
        <span className="shrink-0">Zoom</span>
        <input
          type="range"
          min={MIN_ZOOM}
          max={MAX_ZOOM}
          step={0.01}
          value={crop?.zoom ?? 1}
          disabled={!image}
          onChange={(e) => zoomTo(Number(e.target.value))}
          className="min-w-0 flex-1 accent-[var(--color-accent)]"
          data-testid="crop-zoom"
        />
      </label>
      {error && (
        <p role="alert" className="text-center text-sm text-danger">
          {error}
        </p>
      )}
      <DialogFooter onCancel={onCancel} className="w-full pt-1" cancelTestId="crop-cancel">
        <button
          type="button"
          onClick={() => void confirm()}
          disabled={!image || busy}
          className="inline-flex items-center gap-2 rounded-full bg-accent px-5 py-2 text-sm font-medium text-accent-fg hover:bg-accent-strong disabled:opacity-60"
          data-testid="crop-confirm"
        >
          {busy && <Spinner size={16} className="text-accent-fg" />}
          {busy ? "Saving…" : "Set as profile photo"}
        </button>
      </DialogFooter>
    </div>
  );
}
