/**
 * The record as a PDF on a server without Chromium (a fresh `npm start` on a machine that has
 * none), end to end in Chromium: the server says it makes no PDFs, the export dialog offers
 * "Print or save as PDF" and says what it does, and the button opens the browser's print dialog
 * on the HTML record (print is observed in the page: headless Chromium shows no dialog).
 *
 * Needs the built client (`npm run build:client`) and Chromium at /usr/bin/chromium or $CHROMIUM_PATH.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@worktable/shared';
import { openControlClient, postJson, waitFor, type TestServer } from '@worktable/server/testing';
import { expectAccessible } from '../support/axe.js';
import { DESKTOP, openPage, screenshot } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';

describe('the record printed by the browser', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  withServerAndBrowser(
    (startedServer, startedBrowser) => {
      server = startedServer;
      browser = startedBrowser;
    },
    { CHROMIUM_PATH: '/nonexistent/chromium' },
  );

  it('offers Print or save as PDF and prints the HTML record when the server has no Chromium', { timeout: 60_000 }, async () => {
    const capabilities = await (await fetch(`${server.url}/api/record-capabilities`)).json();
    expect(capabilities).toEqual({ serverPdf: false });
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Tuning: printed record',
      protocol: 'check-in',
      hostName: 'Hana Host',
    });
    const host = await openPage(browser, server.url, DESKTOP, errors);
    // Headless Chromium has no print dialog: every frame's print() is counted in the page instead.
    await host.addInitScript(() => {
      window.print = () => {
        const top = window.top as (Window & { printed?: string[] }) | null;
        if (top) top.printed = [...(top.printed ?? []), document.body.innerText];
      };
    });
    await host.goto(`/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`);
    await host
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();
    const control = openControlClient(server.url, session.hostToken);
    await waitFor(() => control.states.length > 0, 5_000, 'host control');
    expect(await control.send({ action: 'start' })).toMatchObject({ ok: true });
    while (control.states.at(-1)?.status !== 'done') expect(await control.send({ action: 'next' })).toMatchObject({ ok: true });
    control.close();

    // The header's button (the summary has one too once it shows): both open the same dialog.
    await host.getByRole('button', { name: 'Export record' }).first().click();
    const dialog = host.getByRole('dialog');
    const print = dialog.getByRole('button', { name: 'Print or save as PDF' });
    await print.waitFor();
    await dialog.getByText('Save as PDF', { exact: false }).first().waitFor();
    await expectAccessible(host, 'the export dialog without server PDFs');
    await print.click();
    await dialog.getByText('Your browser’s print dialog opened with the record').first().waitFor();
    const printed = await host.evaluate(() => (window as Window & { printed?: string[] }).printed ?? []);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('Tuning: printed record');
    await screenshot(host, 'print-record-dialog');
    await host.context().close();
    expect(errors).toEqual([]);
  });
});
