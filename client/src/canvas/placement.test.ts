import { describe, expect, it } from 'vitest';
import { intersects } from '@worktable/shared';
import { freePlacement } from './placement.js';

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
