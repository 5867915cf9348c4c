/**
 * A server without Chromium, as a fresh `npm start` usually is: it says so at
 * `GET /api/record-capabilities` (the browser then prints the HTML record to PDF itself), the
 * PDF export answers 503 saying what to install, and a shared record offers printing to PDF
 * instead of a PDF link that would fail. A server with Chromium says it prints PDFs.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordCapabilities, RecordLinkView } from '@worktable/shared';
import { PRINT_TO_PDF_HINT } from '../record/html.js';
import { escapeHtml } from '../record/htmlBlocks.js';
import { findChromium } from '../record/pdf.js';
import { buildTestApp, type TestApp } from '../testing/testApp.js';

let t: TestApp;
let sessionId = '';
let hostToken = '';

beforeAll(async () => {
  t = await buildTestApp({ CHROMIUM_PATH: path.join('/nonexistent', 'chromium') });
  const { session } = await t.createSessionWith(['Ana Alvarez']);
  ({ sessionId, hostToken } = session);
});

afterAll(async () => {
  await t.stop();
});

const capabilities = async (app: TestApp) => (await (await app.fetch('/api/record-capabilities')).json()) as RecordCapabilities;

describe('record capabilities', () => {
  it('RC1 without Chromium: no server PDF (the export says 503 and what to install), and the shared record says how to print it to PDF', async () => {
    expect(await capabilities(t)).toEqual({ serverPdf: false });
    const pdf = await t.fetch(`/api/sessions/${sessionId}/export?format=pdf`, { headers: { authorization: `Bearer ${hostToken}` } });
    expect(pdf.status).toBe(503);
    expect(((await pdf.json()) as { error: { message: string } }).error.message).toMatch(/^PDF export needs Chromium on the server/);

    const created = await t.fetch(`/api/sessions/${sessionId}/record-links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hostToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ timeZone: 'UTC' }),
    });
    const link = (await created.json()) as RecordLinkView;
    const html = await (await t.fetch(link.url)).text();
    expect(html).toContain(escapeHtml(PRINT_TO_PDF_HINT));
    expect(html).not.toContain('?format=pdf');
    expect(html).toContain('?format=md');
  });

  it('RC2 a server finds Chromium where it usually is and says whether it prints PDFs', async () => {
    const usual = await buildTestApp();
    try {
      expect(await capabilities(usual)).toEqual({ serverPdf: findChromium(undefined) !== null });
    } finally {
      await usual.stop();
    }
  });
});
