/** Gestures and reads on the table canvas shared by the end-to-end tests. */
import type { Locator, Page } from 'playwright-core';

/** An artifact frame's position on the canvas (its left/top style, in world units). */
export function positionOf(locator: Locator): Promise<{ x: number; y: number }> {
  return locator.evaluate((el: HTMLElement) => ({ x: Number.parseFloat(el.style.left), y: Number.parseFloat(el.style.top) }));
}

/** Resolves after two animation frames: the canvas re-reads the document once per frame. */
export function nextFrames(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Drags an artifact by its label (the strip above its card) by a screen delta. */
export async function dragBy(page: Page, target: Locator, dx: number, dy: number): Promise<void> {
  const box = await target.locator('.artifact-label').first().boundingBox();
  if (!box) throw new Error('artifact label not visible');
  const x = box.x + 30;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
  await nextFrames(page);
}
