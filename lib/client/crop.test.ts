import { describe, expect, it } from "vitest";
import { clampCrop, cropScale, initialCrop, MAX_ZOOM, outputSize, panCrop, sourceRect, zoomCrop } from "./crop";

const landscape = { width: 1000, height: 500 };
const portrait = { width: 300, height: 900 };
const V = 300;

describe("avatar cropper geometry", () => {
  it("covers the viewport at zoom 1 and starts centred", () => {
    expect(cropScale(landscape, V, 1)).toBeCloseTo(0.6);
    const s = initialCrop(landscape, V);
    expect(s).toEqual({ zoom: 1, x: -150, y: 0 });
    expect(sourceRect(landscape, V, s)).toEqual({ sx: 250, sy: 0, size: 500 });
    expect(sourceRect(portrait, V, initialCrop(portrait, V))).toEqual({ sx: 0, sy: 300, size: 300 });
  });

  it("never lets a drag uncover the viewport", () => {
    const s = initialCrop(landscape, V);
    expect(panCrop(landscape, V, s, 1000, 50)).toEqual({ zoom: 1, x: 0, y: 0 });
    expect(panCrop(landscape, V, s, -1000, -50)).toEqual({ zoom: 1, x: -300, y: 0 });
    expect(sourceRect(landscape, V, panCrop(landscape, V, s, -1000, 0))).toEqual({ sx: 500, sy: 0, size: 500 });
  });

  it("zooms around the viewport centre", () => {
    const s = initialCrop(landscape, V);
    const z = zoomCrop(landscape, V, s, 2);
    expect(z.zoom).toBe(2);
    // The image point under the centre stays put: (500, 250) in image pixels.
    const scale = cropScale(landscape, V, 2);
    expect((V / 2 - z.x) / scale).toBeCloseTo(500);
    expect((V / 2 - z.y) / scale).toBeCloseTo(250);
    expect(sourceRect(landscape, V, z)).toEqual({ sx: 375, sy: 125, size: 250 });
  });

  it("zooming out again re-clamps to cover the viewport", () => {
    const moved = panCrop(landscape, V, zoomCrop(landscape, V, initialCrop(landscape, V), 3), 5000, 5000);
    expect(moved.x).toBe(0);
    expect(moved.y).toBe(0);
    const back = zoomCrop(landscape, V, moved, 1);
    expect(back.y).toBe(0);
    expect(back.x).toBeLessThanOrEqual(0);
    expect(back.x).toBeGreaterThanOrEqual(V - 1000 * 0.6);
  });

  it("clamps the zoom to its range", () => {
    expect(clampCrop(landscape, V, { zoom: 99, x: 0, y: 0 }).zoom).toBe(MAX_ZOOM);
    expect(clampCrop(landscape, V, { zoom: 0.2, x: 0, y: 0 }).zoom).toBe(1);
    expect(clampCrop(landscape, V, { zoom: Number.NaN, x: 0, y: 0 }).zoom).toBe(1);
  });

  it("exports at the crop's resolution, at most 512 px", () => {
    expect(outputSize({ sx: 0, sy: 0, size: 2000 })).toBe(512);
    expect(outputSize({ sx: 0, sy: 0, size: 180.4 })).toBe(180);
  });
});
