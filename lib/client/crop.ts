// Square avatar cropper geometry (pure): an image of natural size w×h shown in a V×V viewport,
// scaled to cover it at zoom 1, moved by dragging and zoomed around the viewport centre. The
// image always covers the viewport, so the crop never contains empty space.

export type Size = { width: number; height: number };
/** `x`/`y`: the image's top-left corner relative to the viewport's, in viewport pixels (≤ 0). */
export type CropState = { zoom: number; x: number; y: number };
export type SourceRect = { sx: number; sy: number; size: number };

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 4;

/** Viewport pixels per image pixel. */
export function cropScale(image: Size, viewport: number, zoom: number): number {
  return (viewport / Math.min(image.width, image.height)) * clampZoom(zoom);
}

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return MIN_ZOOM;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Keeps the image over the whole viewport. */
export function clampCrop(image: Size, viewport: number, state: CropState): CropState {
  const zoom = clampZoom(state.zoom);
  const scale = cropScale(image, viewport, zoom);
  const x = clamp(state.x, Math.min(0, viewport - image.width * scale), 0);
  const y = clamp(state.y, Math.min(0, viewport - image.height * scale), 0);
  return { zoom, x, y };
}

/** Zoom 1, centred: the largest centred square of the picture. */
export function initialCrop(image: Size, viewport: number): CropState {
  const scale = cropScale(image, viewport, 1);
  return clampCrop(image, viewport, { zoom: 1, x: (viewport - image.width * scale) / 2, y: (viewport - image.height * scale) / 2 });
}

/** Moved by a drag (or arrow key) of dx, dy viewport pixels. */
export function panCrop(image: Size, viewport: number, state: CropState, dx: number, dy: number): CropState {
  return clampCrop(image, viewport, { ...state, x: state.x + dx, y: state.y + dy });
}

/** A new zoom, keeping the image point under the viewport centre where it is. */
export function zoomCrop(image: Size, viewport: number, state: CropState, zoom: number): CropState {
  const before = cropScale(image, viewport, state.zoom);
  const after = cropScale(image, viewport, zoom);
  const c = viewport / 2;
  const px = (c - state.x) / before;
  const py = (c - state.y) / before;
  return clampCrop(image, viewport, { zoom, x: c - px * after, y: c - py * after });
}

/** The square of the original image (natural pixels) that the viewport shows. */
export function sourceRect(image: Size, viewport: number, state: CropState): SourceRect {
  const s = clampCrop(image, viewport, state);
  const scale = cropScale(image, viewport, s.zoom);
  const size = Math.min(viewport / scale, image.width, image.height);
  const sx = clamp(-s.x / scale, 0, image.width - size);
  const sy = clamp(-s.y / scale, 0, image.height - size);
  return { sx, sy, size };
}

/** Side of the exported square: the crop's own resolution, at most `max` (no upscaling). */
export function outputSize(rect: SourceRect, max = 512): number {
  return Math.max(1, Math.min(max, Math.round(rect.size)));
}
