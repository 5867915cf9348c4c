/**
 * A canvas that never hides work, end to end in Chromium: new items land in free space below the
 * floating toolbar, a dragged item comes in front of what it is dropped on (the item seen at its
 * centre is itself), and a reload keeps your pan and zoom. Screenshot: canvas-order-*.png.
 *
 * Needs the built client (`npm run build:client`) and Chromium at /usr/bin/chromium or $CHROMIUM_PATH.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@worktable/shared';
import { postJson, type TestServer } from '@worktable/server/testing';
import { DESKTOP, joinByInvite, openPage, screenshot } from '../support/browser.js';
import { dragBy, nextFrames } from '../support/canvasPage.js';
import { withServerAndBrowser } from '../support/suite.js';
import { openSection } from '../support/sidePanel.js';

const POLL = { timeout: 10_000, interval: 50 };

/** The box of a locator, or a failure. */
async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

/** The artifact id of the frame seen at the centre of `locator`. */
function topmostAtCentre(page: Page, locator: Locator): Promise<string | null> {
  return box(locator).then((b) =>
    page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest<HTMLElement>('[data-artifact-id]')?.dataset.artifactId ?? null,
      [b.x + b.width / 2, b.y + b.height / 2],
    ),
  );
}

describe('a canvas that never hides work', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  it('free placement below the toolbar, dragged items in front, the view kept across a reload', { timeout: 60_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Order on the table',
      protocol: 'tuning',
      hostName: 'Hana Host',
    });
    const ben = await openPage(browser, server.url, DESKTOP, errors);
    await joinByInvite(ben, session.inviteUrl, 'Ben Brook');
    const toolbar = ben.getByRole('toolbar', { name: 'Add to the table' });
    const documentFrame = ben.getByRole('group', { name: /^Document by Ben Brook/ });
    const sticky = ben.getByRole('group', { name: /^Sticky note by Ben Brook/ });
    // The sticky first, then the document: the document is in front of it.
    await toolbar.getByRole('button', { name: 'Sticky note' }).click();
    await sticky.waitFor();
    await ben.keyboard.press('Escape');
    await toolbar.getByRole('button', { name: 'Document' }).click();
    await documentFrame.waitFor();
    await ben.keyboard.press('Escape');

    // Both in free space, and below the toolbar.
    const [doc, note, bar] = await Promise.all([box(documentFrame), box(sticky), box(toolbar)]);
    const overlap = (a: typeof doc, b: typeof doc) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap(doc, note)).toBe(false);
    expect(overlap(note, bar)).toBe(false);
    expect(overlap(doc, bar)).toBe(false);

    // Drag the sticky by its label onto the document: it is in front of it.
    const stickyId = await sticky.getAttribute('data-artifact-id');
    await ben.getByRole('button', { name: 'Fit' }).click();
    await nextFrames(ben);
    const now = await box(sticky);
    const doc2 = await box(documentFrame);
    await dragBy(ben, sticky, doc2.x + doc2.width / 2 - (now.x + now.width / 2), doc2.y + doc2.height / 2 - (now.y + now.height / 2));
    const [docNow] = [await box(documentFrame)];
    await expect.poll(() => box(sticky).then((b) => overlap(b, docNow)), POLL).toBe(true);
    await expect.poll(() => topmostAtCentre(ben, sticky), POLL).toBe(stickyId);
    await screenshot(ben, 'canvas-order-dragged-in-front');

    // Feedback shows on the board: a badge with the open threads by type; clicking it shows them.
    await documentFrame.focus();
    await openSection(ben, 'Feedback');
    const feedback = ben.getByRole('region', { name: 'Feedback', exact: true });
    await feedback.getByRole('heading', { name: /^Feedback on document/ }).waitFor();
    await feedback.getByLabel('Type', { exact: true }).selectOption({ label: 'Warm feedback' });
    await feedback.getByLabel('Your feedback').fill('The rubric names what good questions do.');
    await feedback.getByRole('button', { name: 'Add feedback' }).click();
    const badge = documentFrame.locator('.feedback-badge');
    await expect.poll(() => badge.textContent(), POLL).toContain('Warm 1');
    await sticky.focus();
    await feedback.getByRole('heading', { name: /^Feedback on sticky/i }).waitFor();
    await badge.click();
    await feedback.getByText('The rubric names what good questions do.').waitFor();
    await screenshot(ben, 'canvas-order-feedback-badge');

    // Zoom in, reload: the same zoom.
    const zoomLabel = ben.getByRole('group', { name: 'Zoom' });
    await zoomLabel.getByRole('button', { name: 'Zoom in' }).click();
    await zoomLabel.getByRole('button', { name: 'Zoom in' }).click();
    const zoomed = (await zoomLabel.textContent())?.match(/\d+%/)?.[0];
    expect(zoomed).not.toBe('100%');
    await new Promise((r) => setTimeout(r, 800));
    await ben.reload();
    await ben
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();
    await expect.poll(async () => (await zoomLabel.textContent())?.match(/\d+%/)?.[0], POLL).toBe(zoomed);
    await ben.context().close();
    expect(errors).toEqual([]);
  });
});
