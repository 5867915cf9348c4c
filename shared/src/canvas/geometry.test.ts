import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  cullToArea,
  fitToContent,
  panBy,
  placementFor,
  resizeRect,
  screenToWorld,
  visibleWorldRect,
  worldToScreen,
  zoomAt,
  MAX_ZOOM,
} from './geometry.js';

describe('canvas geometry', () => {
  it('G1 screen and world coordinates round-trip', () => {
    const viewport = { x: 100, y: -50, zoom: 2 };
    const world = screenToWorld(viewport, { x: 40, y: 60 });
    expect(world).toEqual({ x: 120, y: -20 });
    expect(worldToScreen(viewport, world)).toEqual({ x: 40, y: 60 });
  });

  it('G2 zooming keeps the point under the cursor fixed and respects the limits', () => {
    const viewport = { x: 0, y: 0, zoom: 1 };
    const cursor = { x: 300, y: 200 };
    const zoomed = zoomAt(viewport, cursor, 2);
    expect(zoomed.zoom).toBe(2);
    expect(screenToWorld(zoomed, cursor)).toEqual(screenToWorld(viewport, cursor));
    expect(zoomAt(viewport, cursor, 1000).zoom).toBe(MAX_ZOOM);
  });

  it('G3 panning moves the view opposite to the drag, scaled by zoom', () => {
    expect(panBy({ x: 10, y: 10, zoom: 2 }, 20, -40)).toEqual({ x: 0, y: 30, zoom: 2 });
  });

  it('G4 culling keeps only what overlaps the visible area', () => {
    const visible = visibleWorldRect({ x: 0, y: 0, zoom: 1 }, { w: 100, h: 100 });
    const items = [
      { id: 'in', x: 10, y: 10, w: 10, h: 10 },
      { id: 'edge', x: 95, y: 95, w: 10, h: 10 },
      { id: 'out', x: 200, y: 0, w: 10, h: 10 },
      { id: 'touching', x: 100, y: 0, w: 10, h: 10 },
    ];
    expect(cullToArea(items, visible).map((i) => i.id)).toEqual(['in', 'edge']);
  });

  it('G5 fit-to-content centres the bounds of everything, never zooming past 1 by default', () => {
    const bounds = boundsOf([
      { x: 0, y: 0, w: 100, h: 100 },
      { x: 900, y: 400, w: 100, h: 100 },
    ]);
    expect(bounds).toEqual({ x: 0, y: 0, w: 1000, h: 500 });
    const view = fitToContent(bounds, { w: 1096, h: 800 });
    expect(view.zoom).toBeCloseTo(1);
    const small = fitToContent({ x: 0, y: 0, w: 10, h: 10 }, { w: 800, h: 600 });
    expect(small.zoom).toBe(1);
    expect(screenToWorld(small, { x: 400, y: 300 })).toEqual({ x: 5, y: 5 });
    expect(fitToContent(null, { w: 800, h: 600 })).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('G6 resizing from any handle never goes below the minimum size and keeps the opposite edge', () => {
    const rect = { x: 0, y: 0, w: 200, h: 200 };
    expect(resizeRect(rect, 'se', 50, 20)).toEqual({ x: 0, y: 0, w: 250, h: 220 });
    expect(resizeRect(rect, 'nw', 50, 50)).toEqual({ x: 50, y: 50, w: 150, h: 150 });
    const tiny = resizeRect(rect, 'w', 500, 0);
    expect(tiny.w).toBe(80);
    expect(tiny.x + tiny.w).toBe(200);
  });

  it('G7 new artifacts land in the middle of the view, nudged off an identical spot', () => {
    const visible = { x: 0, y: 0, w: 1000, h: 800 };
    const first = placementFor({ w: 200, h: 200 }, visible, []);
    expect(first).toEqual({ x: 400, y: 300 });
    const second = placementFor({ w: 200, h: 200 }, visible, [{ ...first, w: 200, h: 200 }]);
    expect(second).toEqual({ x: 424, y: 324 });
  });
});
