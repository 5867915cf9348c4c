/**
 * The table canvas end to end, in real Chromium against a real server: a host and a participant
 * put a sticky note and a link on the table and see each other's work and cursors live; moving,
 * deleting and undoing reach everyone; the keyboard alone can delete and restore; an observer
 * sees everything but has no toolbar and cannot move anything. Screenshots at desktop and tablet
 * width land in tests/e2e/screenshots/ (gitignored).
 *
 * Needs the built client (`npm run build:client`) and Chromium at /usr/bin/chromium or $CHROMIUM_PATH.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '@worktable/server/testing';
import { SCREENSHOTS } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';
import { dragBy, nextFrames, positionOf } from '../support/canvasPage.js';
import { openSection } from '../support/sidePanel.js';

const DESKTOP = { width: 1280, height: 800 };
const TABLET = { width: 820, height: 1180 };
/** How long live sync may take to show up in another browser (the machine may be shared). */
const POLL = { timeout: 10_000, interval: 25 };

describe('canvas: put work on the table together', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  async function openPage(viewport: { width: number; height: number }): Promise<Page> {
    if (!browser || !server) throw new Error('setup failed');
    const context = await browser.newContext({ viewport, baseURL: server.url });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  const connected = (page: Page) =>
    page
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();
  const stickyText = (page: Page, by: string) => page.getByRole('textbox', { name: `Sticky note text by ${by}` });
  const frame = (page: Page, name: RegExp) => page.getByRole('group', { name });

  async function join(page: Page, inviteUrl: string, name: string, observer: boolean): Promise<void> {
    await page.goto(inviteUrl);
    await page.getByLabel('Your name').fill(name);
    if (observer) await page.getByLabel('Join as observer (read-only)').check();
    await page.getByRole('button', { name: 'Join the table' }).click();
    await page.waitForURL(/\/s\/[A-Za-z0-9_-]+$/);
    await connected(page);
  }

  it('shares artifacts, cursors, moves and undo; the keyboard works; observers only look', { timeout: 90_000 }, async () => {
    const host = await openPage(DESKTOP);
    await host.goto('/');
    await host.getByLabel('Session title').fill('Looking at student work');
    await host.getByLabel('Your name').fill('Hana Host');
    await host.getByRole('button', { name: 'Start session' }).click();
    const inviteUrl = await host.getByRole('textbox', { name: 'Invite link' }).inputValue();
    await host.getByRole('link', { name: 'Open the table' }).click();
    await connected(host);
    await host.getByText('The table is empty.').waitFor();
    await shot(host, 'canvas-01-empty');

    const pat = await openPage(DESKTOP);
    await join(pat, inviteUrl, 'Pat Participant', false);

    // Pat adds a sticky note and types into it; Hana sees the text.
    await pat.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Sticky note' }).click();
    await expect
      .poll(() => pat.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL)
      .toBe('Sticky note text by Pat Participant');
    await pat.keyboard.type('Evidence first, then the claim.');
    await expect.poll(() => stickyText(host, 'Pat Participant').inputValue(), POLL).toBe('Evidence first, then the claim.');

    // Hana adds a link; Pat sees it.
    await host.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Link' }).click();
    const dialog = host.getByRole('dialog', { name: 'Add a link' });
    await dialog.getByLabel('Web address').fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'http:// or https://' }).waitFor();
    await dialog.getByLabel('Web address').fill('https://example.org/rubric');
    await dialog.getByLabel('Title').fill('Scoring rubric');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    const patLink = pat.getByRole('link', { name: /example\.org/ });
    await patLink.waitFor();
    expect(await patLink.getAttribute('target')).toBe('_blank');
    expect(await patLink.getAttribute('rel')).toBe('noopener noreferrer');
    await frame(pat, /^Link by Hana Host: Scoring rubric/).waitFor();

    // Each sees the other's cursor with a name.
    const patCanvas = await pat.getByRole('region', { name: 'Table canvas' }).boundingBox();
    const hostCanvas = await host.getByRole('region', { name: 'Table canvas' }).boundingBox();
    if (!patCanvas || !hostCanvas) throw new Error('no canvas');
    await pat.mouse.move(patCanvas.x + 120, patCanvas.y + patCanvas.height - 140, { steps: 4 });
    await host.mouse.move(hostCanvas.x + hostCanvas.width - 300, hostCanvas.y + 160, { steps: 4 });
    await host.locator('.cursor[data-cursor-name="Pat Participant"]').getByText('Pat Participant').waitFor();
    await pat.locator('.cursor[data-cursor-name="Hana Host"]').getByText('Hana Host').waitFor();
    await shot(host, 'canvas-02-host-desktop');

    // Pat moves the sticky; Hana sees the new position.
    const patSticky = frame(pat, /^Sticky note by Pat Participant/);
    const hostSticky = frame(host, /^Sticky note by Pat Participant/);
    const before = await positionOf(patSticky);
    const zoom = await pat.evaluate(() =>
      Number(getComputedStyle(document.querySelector('.canvas-world') as HTMLElement).getPropertyValue('--zoom')),
    );
    await dragBy(pat, patSticky, 160, 90);
    const after = await positionOf(patSticky);
    expect(after.x - before.x).toBeCloseTo(160 / zoom, -1);
    expect(after.y - before.y).toBeCloseTo(90 / zoom, -1);
    await expect.poll(() => positionOf(hostSticky), POLL).toEqual(after);
    await shot(pat, 'canvas-03-participant-moved');

    // Pat deletes it (selected after the drag) and undoes: it is back on both, text and all.
    await pat.keyboard.press('Delete');
    await expect.poll(() => hostSticky.count(), POLL).toBe(0);
    await pat.keyboard.press('Control+z');
    await expect.poll(() => stickyText(host, 'Pat Participant').inputValue(), POLL).toBe('Evidence first, then the claim.');
    await expect.poll(() => positionOf(hostSticky), POLL).toEqual(after);

    // Keyboard only: Tab to the sticky, Delete removes it, Ctrl+Z restores it.
    await pat.getByRole('region', { name: 'Table canvas' }).focus();
    const focusedLabel = () => pat.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    // (The dragged sticky came in front of the others, so it is last in Tab order.)
    for (let i = 0; i < 40 && !(await focusedLabel()).startsWith('Sticky note by Pat Participant'); i++) await pat.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Sticky note by Pat Participant: Evidence first, then the claim.');
    await pat.keyboard.press('Delete');
    await expect.poll(() => hostSticky.count(), POLL).toBe(0);
    await pat.keyboard.press('Control+z');
    await expect.poll(() => hostSticky.count(), POLL).toBe(1);
    await shot(pat, 'canvas-04-participant-desktop');

    // Enter opens the focused artifact large; Escape returns to the canvas.
    await patSticky.focus();
    await pat.keyboard.press('Enter');
    const opened = pat.getByRole('dialog', { name: /^Sticky note by Pat Participant/ });
    await opened.getByRole('textbox', { name: 'Sticky note text by Pat Participant' }).waitFor();
    await shot(pat, 'canvas-05-expanded');
    await pat.keyboard.press('Escape');
    await opened.waitFor({ state: 'detached' });

    // The owner marks it as a draft from its menu; everyone sees the badge.
    await patSticky.getByRole('button', { name: /^Actions for Sticky note/ }).click();
    await pat.getByRole('menu', { name: 'Artifact actions' }).waitFor();
    await shot(pat, 'canvas-05b-menu');
    await pat.getByRole('menuitem', { name: 'Mark as draft' }).click();
    await hostSticky.getByText('Draft — feedback welcome').waitFor();
    expect(await hostSticky.getAttribute('aria-label')).toContain('(draft, feedback welcome)');

    // Hana follows Pat: when Pat pans, Hana's view goes along; her own pan stops following.
    const hostWorld = () => host.evaluate(() => (document.querySelector('.canvas-world') as HTMLElement).style.transform);
    await openSection(host, 'People');
    await host.getByRole('button', { name: 'Follow Pat Participant' }).click();
    const followed = await hostWorld();
    await pat.getByRole('region', { name: 'Table canvas' }).focus();
    await pat.keyboard.press('Escape');
    for (let i = 0; i < 3; i++) await pat.keyboard.press('Shift+ArrowRight');
    await expect.poll(hostWorld, POLL).not.toBe(followed);
    await host.getByRole('button', { name: 'Stop following Pat Participant' }).waitFor();
    await host.getByRole('region', { name: 'Table canvas' }).focus();
    await host.keyboard.press('Escape');
    await host.keyboard.press('ArrowDown');
    await host.getByRole('button', { name: 'Follow Pat Participant' }).waitFor();

    // Hana's undo does not undo Pat's work: it takes back only her link.
    await pat.getByRole('button', { name: 'Fit' }).click();
    await frame(pat, /^Link by Hana Host/).waitFor();
    await host.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => frame(pat, /^Link by Hana Host/).count(), POLL).toBe(0);
    expect(await stickyText(pat, 'Pat Participant').inputValue()).toBe('Evidence first, then the claim.');
    await host.getByRole('button', { name: 'Redo' }).click();
    await frame(pat, /^Link by Hana Host/).waitFor();

    // An observer on a tablet sees the artifacts, but no toolbar, and cannot move them.
    const olga = await openPage(TABLET);
    await join(olga, inviteUrl, 'Olga Observer', true);
    await expect.poll(() => stickyText(olga, 'Pat Participant').inputValue(), POLL).toBe('Evidence first, then the claim.');
    await frame(olga, /^Link by Hana Host: Scoring rubric/).waitFor();
    expect(await olga.getByRole('toolbar').count()).toBe(0);
    expect(await stickyText(olga, 'Pat Participant').isEditable()).toBe(false);
    const olgaSticky = frame(olga, /^Sticky note by Pat Participant/);
    const fixed = await positionOf(olgaSticky);
    await dragBy(olga, olgaSticky, 120, 60);
    expect(await positionOf(olgaSticky)).toEqual(fixed);
    expect(await positionOf(hostSticky)).toEqual(fixed);
    await olga.getByRole('button', { name: 'Fit' }).click();
    await olga.evaluate(() => window.scrollTo(0, 0));
    await shot(olga, 'canvas-06-observer-tablet');

    // An unselected sticky is dragged by its paper, not only by its label.
    await host.getByRole('button', { name: 'Fit' }).click();
    await host.getByRole('region', { name: 'Table canvas' }).focus();
    await host.keyboard.press('Escape');
    const paper = await hostSticky.locator('.sticky').boundingBox();
    if (!paper) throw new Error('sticky not visible');
    const start = await positionOf(hostSticky);
    await host.mouse.move(paper.x + paper.width / 2, paper.y + paper.height / 2);
    await host.mouse.down();
    await host.mouse.move(paper.x + paper.width / 2 + 60, paper.y + paper.height / 2 + 30, { steps: 6 });
    await host.mouse.up();
    await nextFrames(host);
    const moved = await positionOf(hostSticky);
    expect(moved.x).toBeGreaterThan(start.x);
    await expect.poll(() => positionOf(patSticky), POLL).toEqual(moved);

    // Pat puts an image and a PDF on the table through the file picker; Hana sees both.
    const png = await pat.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 480;
      canvas.height = 300;
      const g = canvas.getContext('2d');
      if (!g) return '';
      g.fillStyle = '#e8eefb';
      g.fillRect(0, 0, 480, 300);
      g.fillStyle = '#2c4a8a';
      g.font = 'bold 34px sans-serif';
      g.fillText('Student essay, p. 1', 40, 80);
      g.fillStyle = '#5b625e';
      for (let i = 0; i < 6; i++) g.fillRect(40, 120 + i * 26, 380 - (i % 3) * 60, 10);
      return canvas.toDataURL('image/png').split(',')[1] ?? '';
    });
    const pick = async (button: string, file: { name: string; mimeType: string; buffer: Buffer }) => {
      const chooser = pat.waitForEvent('filechooser');
      await pat.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: button }).click();
      await (await chooser).setFiles(file);
    };
    await pick('Image', { name: 'essay-page-1.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
    const hostImage = frame(host, /^Image by Pat Participant: essay-page-1/).getByRole('img', { name: 'essay-page-1' });
    await host.getByRole('button', { name: 'Fit' }).click();
    await expect.poll(() => hostImage.evaluate((img: HTMLImageElement) => img.naturalWidth), POLL).toBe(480);
    const pdf =
      '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n';
    await pick('PDF', { name: 'rubric.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await host.getByRole('button', { name: 'Fit' }).click();
    await frame(host, /^PDF by Pat Participant: rubric/)
      .getByRole('link', { name: /Open PDF/ })
      .waitFor();
    // A file that only claims to be an image: the server's reason is shown.
    await pick('Image', { name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') });
    await pat
      .getByRole('alert')
      .filter({ hasText: 'fake.png could not be uploaded: Only PNG, JPEG, GIF, WebP images and PDF files' })
      .waitFor();
    await shot(pat, 'canvas-09-upload-error');
    await pat.getByRole('button', { name: 'Dismiss' }).click();

    // Resize: dragging the bottom-right handle of the selected sticky makes it bigger for everyone.
    await pat.getByRole('button', { name: 'Fit' }).click();
    await patSticky.locator('.sticky').click();
    const handle = await patSticky.locator('.handle-se').boundingBox();
    if (!handle) throw new Error('no resize handle');
    const size = () =>
      hostSticky.evaluate((el: HTMLElement) => ({ w: Number.parseFloat(el.style.width), h: Number.parseFloat(el.style.height) }));
    const small = await size();
    await pat.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await pat.mouse.down();
    await pat.mouse.move(handle.x + 40, handle.y + 30, { steps: 4 });
    await pat.mouse.up();
    await expect.poll(async () => (await size()).w > small.w && (await size()).h > small.h, POLL).toBe(true);

    // Shift+drag on empty space draws a marquee that selects what it touches.
    const area = await pat.getByRole('region', { name: 'Table canvas' }).boundingBox();
    if (!area) throw new Error('no canvas');
    await pat.keyboard.press('Escape');
    await pat.keyboard.down('Shift');
    await pat.mouse.move(area.x + 16, area.y + area.height - 100);
    await pat.mouse.down();
    await pat.mouse.move(area.x + area.width / 2, area.y + area.height / 2, { steps: 4 });
    await pat.mouse.move(area.x + area.width - 16, area.y + 16, { steps: 4 });
    await pat.mouse.up();
    await pat.keyboard.up('Shift');
    const total = await pat.locator('.artifact').count();
    expect(total).toBeGreaterThanOrEqual(4);
    expect(await pat.locator('.artifact.is-selected').count()).toBe(total);
    await pat.keyboard.press('Escape');
    expect(await pat.locator('.artifact.is-selected').count()).toBe(0);

    // Paste: text becomes a sticky note, a URL a link.
    await pat.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(pat.url()).origin });
    const paste = async (text: string) => {
      await pat.evaluate((t) => navigator.clipboard.writeText(t), text);
      await pat.getByRole('region', { name: 'Table canvas' }).focus();
      await pat.keyboard.press('Control+v');
    };
    await paste('What would change your mind?');
    const values = () => stickyText(host, 'Pat Participant').evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
    await host.getByRole('button', { name: 'Fit' }).click();
    await expect.poll(values, POLL).toContain('What would change your mind?');
    await paste('https://example.org/exemplars');
    await host.getByRole('button', { name: 'Fit' }).click();
    await frame(host, /^Link by Pat Participant/)
      .getByRole('link', { name: /example\.org/ })
      .waitFor();

    // Dropping an image file puts it where it was dropped.
    await pat.keyboard.press('Escape');
    await pat.getByRole('button', { name: 'Zoom out' }).click();
    const drop = { x: area.x + 140, y: area.y + area.height - 160 };
    await pat.evaluate(
      ({ b64, x, y }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
        const target = document.elementFromPoint(x, y) ?? document.body;
        for (const type of ['dragenter', 'dragover', 'drop']) {
          target.dispatchEvent(new DragEvent(type, { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }));
        }
      },
      { b64: png, ...drop },
    );
    const dropped = frame(pat, /^Image by Pat Participant: dropped/);
    await dropped.waitFor();
    const box = await dropped.locator('.artifact-card').boundingBox();
    if (!box) throw new Error('dropped image not visible');
    expect(Math.abs(box.x + box.width / 2 - drop.x)).toBeLessThan(4);
    expect(Math.abs(box.y + box.height / 2 - drop.y)).toBeLessThan(4);
    await host.getByRole('button', { name: 'Fit' }).click();
    await frame(host, /^Image by Pat Participant: dropped/).waitFor();
    await shot(pat, 'canvas-10-pasted-and-dropped');

    // Tablet width for an editor too (same browser as Pat, so the same identity).
    await pat.setViewportSize(TABLET);
    await pat.getByRole('button', { name: 'Fit' }).click();
    await shot(pat, 'canvas-07-participant-tablet');
    await shot(host, 'canvas-08-host-final');
    // Chromium logs the refused fake image as a console error; nothing else may fail.
    expect(pageErrors.filter((e) => !e.includes('status of 415'))).toEqual([]);
  });
});
