/**
 * PDFs end to end, in real Chromium against a real server: a participant uploads a two-page PDF
 * through the toolbar; pdf.js (lazy chunk, bundled worker) draws page 1 for everyone; when the
 * participant turns the page, the host sees page 2 too; opened large, ←/→ and the page field turn
 * it; an observer follows the shared page but has no way to turn it. Screenshots land in
 * tests/e2e/screenshots/ (gitignored).
 *
 * Needs the built client (`npm run build:client`) and Chromium at /usr/bin/chromium or $CHROMIUM_PATH.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@worktable/shared';
import { postJson, type TestServer } from '@worktable/server/testing';
import { DESKTOP, joinByInvite, openPage, screenshot } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';

/** How long live sync and drawing may take to show up in another browser (the machine may be shared). */
const POLL = { timeout: 15_000, interval: 50 };

/**
 * A 300×400 pt PDF of `colors.length` pages, each a filled rectangle of its colour (rg operands)
 * with "Page n" under it, built byte by byte with a correct cross-reference table.
 */
function coloredPdf(colors: readonly string[]): Buffer {
  const pageCount = colors.length;
  const fontId = 3 + 2 * pageCount;
  const objects: string[] = [];
  const pageIds = colors.map((_, i) => 3 + 2 * i);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageCount} >>`;
  colors.forEach((color, i) => {
    const content = `${color} rg 30 200 240 160 re f BT /F1 36 Tf 0 0 0 rg 90 120 Td (Page ${i + 1}) Tj ET`;
    objects[3 + 2 * i] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Contents ${4 + 2 * i} 0 R /Resources << /Font << /F1 ${fontId} 0 R >> >> >>`;
    objects[4 + 2 * i] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  objects[fontId] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const BLUE = '0.2 0.4 0.8';
const RED = '0.85 0.15 0.1';

/** What a drawn page canvas holds: its size, how much of it is not white, the colour inside the rectangle. */
interface CanvasStats {
  width: number;
  height: number;
  cssWidth: number;
  nonWhite: number;
  rect: [number, number, number];
}

function canvasStats(canvas: Locator): Promise<CanvasStats> {
  return canvas.evaluate((el: HTMLCanvasElement) => {
    const context = el.getContext('2d');
    const stats = {
      width: el.width,
      height: el.height,
      cssWidth: el.getBoundingClientRect().width,
      nonWhite: 0,
      rect: [0, 0, 0] as [number, number, number],
    };
    if (!context || !el.width || !el.height) return stats;
    const data = context.getImageData(0, 0, el.width, el.height).data;
    for (let i = 0; i < data.length; i += 16)
      if ((data[i] ?? 255) < 240 || (data[i + 1] ?? 255) < 240 || (data[i + 2] ?? 255) < 240) stats.nonWhite++;
    // The rectangle spans y 200–360 of 400 pt from the bottom: 30 % from the top is inside it.
    const x = Math.floor(el.width / 2);
    const y = Math.floor(el.height * 0.3);
    const pixel = context.getImageData(x, y, 1, 1).data;
    stats.rect = [pixel[0] ?? 0, pixel[1] ?? 0, pixel[2] ?? 0];
    return stats;
  });
}

/** Which colour dominates a pixel. */
const hue = ([r, , b]: [number, number, number]) => (b > r + 60 ? 'blue' : r > b + 60 ? 'red' : 'other');

describe('pdf: look at the same page together', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];

  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  const pdfFrame = (page: Page) => page.getByRole('group', { name: /^PDF by Pat Participant/ });
  const pageCanvas = (scope: Locator) => scope.locator('canvas.pdf-canvas');
  /** The page the canvas shows, once drawn (data-page), and the colour in its rectangle. */
  const drawn = async (scope: Locator) => {
    const canvas = pageCanvas(scope);
    const page = await canvas.getAttribute('data-page');
    const stats = await canvasStats(canvas);
    return `${page ?? '-'}:${hue(stats.rect)}`;
  };

  it('uploads a PDF, draws its pages and turns them for everyone; observers follow', { timeout: 90_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Reading the lab report',
      hostName: 'Hana Host',
    });
    const host = await openPage(browser, server.url, DESKTOP, errors);
    await host.goto(`/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`);
    await host
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();
    const pat = await openPage(browser, server.url, DESKTOP, errors);
    await joinByInvite(pat, session.inviteUrl, 'Pat Participant');
    const olive = await openPage(browser, server.url, DESKTOP, errors);
    await joinByInvite(olive, session.inviteUrl, 'Olive Observer', true);
    // Everything pdf.js needs comes from our server: record any request elsewhere, and the worker's.
    const elsewhere: string[] = [];
    const workers: string[] = [];
    for (const page of [host, pat, olive]) {
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(server.url) && !/^(blob|data):/.test(url)) elsewhere.push(url);
        if (/pdf\.worker/.test(url)) workers.push(url);
      });
    }

    // Pat uploads a two-page PDF through the toolbar's file chooser.
    const started = Date.now();
    const chooserEvent = pat.waitForEvent('filechooser');
    await pat.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'PDF', exact: true }).click();
    const chooser = await chooserEvent;
    await chooser.setFiles({ name: 'lab-report.pdf', mimeType: 'application/pdf', buffer: coloredPdf([BLUE, RED]) });

    // Everyone sees page 1 drawn: a canvas of non-zero size, partly blue, and "Page 1 of 2".
    for (const page of [pat, host, olive]) {
      const frame = pdfFrame(page);
      await frame.getByText('Page 1 of 2').waitFor({ timeout: POLL.timeout });
      await expect.poll(() => drawn(frame), POLL).toBe('1:blue');
      const stats = await canvasStats(pageCanvas(frame));
      expect(stats.width).toBeGreaterThan(50);
      expect(stats.height).toBeGreaterThan(50);
      expect(stats.nonWhite).toBeGreaterThan(100);
      expect(await frame.locator('.pdf-name').textContent()).toMatch(/lab-report/);
    }
    console.log(`pdf: upload to page 1 drawn in three browsers in ${Date.now() - started} ms`);
    await screenshot(host, 'pdf-01-host-page1');

    // Zooming in redraws the page at a matching resolution (more device pixels, same page).
    const before = await canvasStats(pageCanvas(pdfFrame(host)));
    for (let i = 0; i < 3; i++) await host.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await canvasStats(pageCanvas(pdfFrame(host)))).width, POLL).toBeGreaterThan(before.width * 1.5);
    await screenshot(host, 'pdf-01b-host-zoomed');
    await host.getByRole('button', { name: /^Zoom \d+%, reset to 100%$/ }).click();
    await expect.poll(async () => (await canvasStats(pageCanvas(pdfFrame(host)))).width, POLL).toBe(before.width);

    // Observers see the page and its number but no page controls.
    expect(await pdfFrame(olive).getByRole('button', { name: 'Next page' }).count()).toBe(0);
    expect(await pdfFrame(olive).getByRole('button', { name: 'Previous page' }).count()).toBe(0);

    // Pat turns to page 2: Hana and Olive see "Page 2 of 2" and the red page.
    const turned = Date.now();
    await pdfFrame(pat).getByRole('button', { name: 'Next page' }).click();
    await pdfFrame(host).getByText('Page 2 of 2').waitFor({ timeout: POLL.timeout });
    await expect.poll(() => drawn(pdfFrame(host)), POLL).toBe('2:red');
    await expect.poll(() => drawn(pdfFrame(olive)), POLL).toBe('2:red');
    console.log(`pdf: page turn drawn for host and observer in ${Date.now() - turned} ms`);
    expect(await pdfFrame(pat).getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await screenshot(host, 'pdf-02-host-page2');
    await screenshot(olive, 'pdf-03-observer-page2');

    // Undo takes the page turn back for everyone (the write is a local, undoable edit).
    await pat.getByRole('button', { name: 'Undo', exact: true }).click();
    await pdfFrame(host).getByText('Page 1 of 2').waitFor({ timeout: POLL.timeout });
    await pat.getByRole('button', { name: 'Redo', exact: true }).click();
    await pdfFrame(host).getByText('Page 2 of 2').waitFor({ timeout: POLL.timeout });

    // Opened large, Pat turns pages with ← and with the page number field.
    await pdfFrame(pat).focus();
    await pat.keyboard.press('Enter');
    const dialog = pat.getByRole('dialog', { name: /^PDF by Pat Participant/ });
    await expect.poll(() => drawn(dialog), POLL).toBe('2:red');
    await pat.keyboard.press('ArrowLeft');
    await pdfFrame(host).getByText('Page 1 of 2').waitFor({ timeout: POLL.timeout });
    await expect.poll(() => drawn(dialog), POLL).toBe('1:blue');
    const expandedStats = await canvasStats(pageCanvas(dialog));
    expect(expandedStats.cssWidth).toBeGreaterThan(300);
    await screenshot(pat, 'pdf-04-participant-expanded');
    await dialog.getByRole('spinbutton', { name: /^Page number/ }).fill('2');
    await dialog.getByRole('spinbutton', { name: /^Page number/ }).press('Enter');
    await pdfFrame(host).getByText('Page 2 of 2').waitFor({ timeout: POLL.timeout });
    await pat.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Olive opens it large too: no controls, and the arrows do not turn the shared page.
    await pdfFrame(olive).focus();
    await olive.keyboard.press('Enter');
    const oliveDialog = olive.getByRole('dialog', { name: /^PDF by Pat Participant/ });
    await expect.poll(() => drawn(oliveDialog), POLL).toBe('2:red');
    expect(await oliveDialog.getByRole('button', { name: /page$/ }).count()).toBe(0);
    expect(await oliveDialog.getByRole('spinbutton').count()).toBe(0);
    await olive.keyboard.press('ArrowLeft');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await oliveDialog.getByText('Page 2 of 2').waitFor();
    await pdfFrame(host).getByText('Page 2 of 2').waitFor();
    await screenshot(olive, 'pdf-05-observer-expanded');

    expect(elsewhere).toEqual([]);
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.every((url) => url.startsWith(`${server.url}/assets/`))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows a clear error and the Open PDF link when the file is not a readable PDF', { timeout: 60_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Broken file',
      hostName: 'Hana Host',
    });
    const pat = await openPage(browser, server.url, DESKTOP, errors);
    await joinByInvite(pat, session.inviteUrl, 'Pat Participant');
    const chooserEvent = pat.waitForEvent('filechooser');
    await pat.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'PDF', exact: true }).click();
    // Starts like a PDF (the server checks the magic bytes) but has no readable structure.
    await (await chooserEvent).setFiles({
      name: 'broken.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% nothing here\n', 'latin1'),
    });
    const frame = pdfFrame(pat);
    await frame
      .getByRole('alert')
      .filter({ hasText: /could not be read as a PDF|could not be shown/ })
      .waitFor({ timeout: POLL.timeout });
    const open = frame.getByRole('link', { name: /^Open PDF/ });
    await open.waitFor();
    expect(await open.getAttribute('target')).toBe('_blank');
    await screenshot(pat, 'pdf-06-broken');
    expect(errors).toEqual([]);
  });
});
