import { describe, expect, it } from 'vitest';
import { MAX_CANVAS_PIXELS, MAX_DEVICE_SCALE, clampPage, fitScale, renderScale } from './pages.js';

describe('clampPage', () => {
  it('reads a stored page number, 1-based, rounded', () => {
    expect(clampPage(3, 5)).toBe(3);
    expect(clampPage(2.4, 5)).toBe(2);
  });
  it('falls back to page 1 for missing or malformed values', () => {
    for (const value of [undefined, null, '2', Number.NaN, Number.POSITIVE_INFINITY, {}]) expect(clampPage(value, 5)).toBe(1);
  });
  it('stays within 1…count', () => {
    expect(clampPage(0, 5)).toBe(1);
    expect(clampPage(-4, 5)).toBe(1);
    expect(clampPage(9, 5)).toBe(5);
    expect(clampPage(6, 1)).toBe(1);
  });
  it('only bounds below while the page count is unknown', () => {
    expect(clampPage(9)).toBe(9);
    expect(clampPage(9, null)).toBe(9);
    expect(clampPage(0, 0)).toBe(1);
  });
});

describe('fitScale', () => {
  it('fits the page inside the box, keeping its aspect', () => {
    expect(fitScale(612, 792, 306, 1000)).toBeCloseTo(0.5);
    expect(fitScale(612, 792, 1000, 396)).toBeCloseTo(0.5);
  });
  it('is 0 before layout', () => {
    expect(fitScale(612, 792, 0, 400)).toBe(0);
    expect(fitScale(0, 0, 400, 400)).toBe(0);
  });
});

describe('renderScale', () => {
  it('matches zoom × devicePixelRatio, in √2 steps', () => {
    expect(renderScale(300, 400, 1, 1)).toBeCloseTo(1);
    expect(renderScale(300, 400, 1, 2)).toBeCloseTo(2);
    expect(renderScale(300, 400, 1.2, 1)).toBeCloseTo(Math.SQRT2);
    expect(renderScale(300, 400, 1.3, 1)).toBeCloseTo(renderScale(300, 400, 1.4, 1));
  });
  it('is never below 1/2 nor above the cap', () => {
    expect(renderScale(300, 400, 0.05, 1)).toBe(0.5);
    expect(renderScale(300, 400, 8, 3)).toBe(MAX_DEVICE_SCALE);
  });
  it('keeps the canvas under the pixel budget', () => {
    const scale = renderScale(2000, 3000, 2, 2);
    expect(2000 * 3000 * scale * scale).toBeLessThanOrEqual(MAX_CANVAS_PIXELS + 1);
  });
  it('ignores nonsense zoom and ratios', () => {
    expect(renderScale(300, 400, Number.NaN, 0)).toBeCloseTo(1);
  });
});
