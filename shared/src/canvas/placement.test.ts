import { describe, expect, it } from 'vitest';
import { intersects } from './geometry.js';
import { EMPTY_TABLE_VIEW, freePlacement, placementAmong } from './placement.js';

describe('freePlacement', () => {
  const visible = { x: 0, y: 0, w: 1000, h: 800 };
  it('uses the centre when it is free, and a free spot in view otherwise', () => {
    expect(freePlacement({ w: 200, h: 200 }, visible, [])).toEqual({ x: 400, y: 300 });
    const taken = { x: 400, y: 300, w: 200, h: 200 };
    const p = freePlacement({ w: 200, h: 200 }, visible, [taken]);
    expect(intersects({ ...p, w: 200, h: 200 }, taken)).toBe(false);
    expect(p.x >= 0 && p.y >= 0 && p.x + 200 <= 1000 && p.y + 200 <= 800).toBe(true);
  });
  it('goes outside the view when the view is full', () => {
    const full = { x: -10, y: -10, w: 1100, h: 900 };
    const p = freePlacement({ w: 200, h: 200 }, visible, [full]);
    expect(intersects({ ...p, w: 200, h: 200 }, full)).toBe(false);
  });
});

describe('placementAmong', () => {
  const size = { w: 200, h: 200 };
  it('puts the first artifact where an empty table opens', () => {
    const p = placementAmong(size, []);
    expect(
      p.x >= EMPTY_TABLE_VIEW.x && p.y >= EMPTY_TABLE_VIEW.y && p.x + 200 <= EMPTY_TABLE_VIEW.w && p.y + 200 <= EMPTY_TABLE_VIEW.h,
    ).toBe(true);
  });
  it('finds a spot among the content that overlaps nothing', () => {
    const content = [
      { x: 0, y: 0, w: 400, h: 300 },
      { x: 700, y: 0, w: 200, h: 200 },
      { x: 0, y: 500, w: 900, h: 100 },
    ];
    const p = placementAmong(size, content);
    for (const r of content) expect(intersects({ ...p, ...size }, r)).toBe(false);
    expect(p.x >= -32 && p.y >= -32 && p.x + 200 <= 932 && p.y + 200 <= 632).toBe(true);
  });
  it('goes beside the content when it is packed', () => {
    const packed = [{ x: 0, y: 0, w: 600, h: 600 }];
    const p = placementAmong(size, packed);
    expect(intersects({ ...p, ...size }, packed[0]!)).toBe(false);
  });
});
