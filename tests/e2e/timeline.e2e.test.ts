/**
 * The timeline and the export menu in Chromium: the host puts two sticky notes on the table in the
 * first phase of a Tuning Protocol and moves on (the server keeps a snapshot); one note is edited,
 * the other deleted. The Timeline shows the table at the end of the first phase, read-only;
 * "Restore to the table" brings both back (the deleted one with its id, the edited one as a copy
 * beside it) and a participant sees them live. Then the host opens the record dialog (a
 * participant has none), leaves names out, downloads HTML and PDF, makes a read-only link that a
 * browser without a token opens, and revokes it. Axe finds nothing serious.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@worktable/shared';
import { postJson, type TestServer } from '@worktable/server/testing';
import { expectAccessible } from '../support/axe.js';
import { DESKTOP, SCREENSHOTS, joinByInvite, openPage, screenshot } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';

/** How long live changes may take to show up in a browser (the machine may be shared). */
const POLL = { timeout: 10_000, interval: 50 };
const TITLE = 'Timeline: Grade 9 essays';

describe('timeline, export and shared record', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];

  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  const connected = (page: Page) =>
    page
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();
  const phaseHeading = (page: Page, title: string) =>
    page.getByRole('region', { name: 'Current phase' }).getByRole('heading', { name: new RegExp(`·\\s*${title}$`) });
  const liveCanvas = (page: Page) => page.getByRole('region', { name: 'Table canvas' });
  const sticky = (scope: Page | ReturnType<Page['locator']>, text: string) =>
    scope.getByRole('group', { name: `Sticky note by Hana Host: ${text}` });
  /** The texts of every sticky note on a canvas, sorted. */
  const stickyTexts = (page: Page) =>
    liveCanvas(page)
      .locator('textarea.sticky-text')
      .evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value).sort());

  /** The facilitator's Next (confirming "Move on" when asked), until the phase `title` shows. */
  async function next(page: Page, title: string): Promise<void> {
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    const moveOn = page.getByRole('button', { name: 'Move on' });
    if (await moveOn.isVisible().catch(() => false)) await moveOn.click();
    await phaseHeading(page, title).waitFor();
  }

  async function addSticky(page: Page, text: string): Promise<void> {
    await page.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Sticky note' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL)
      .toBe('Sticky note text by Hana Host');
    await page.keyboard.type(text);
    await liveCanvas(page).focus();
  }

  it('looks back at the end of a phase, restores from it, and exports the record', { timeout: 120_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: TITLE,
      protocol: 'tuning',
      hostName: 'Hana Host',
    });
    const host = await openPage(browser, server.url, DESKTOP, errors);
    await host.goto(`/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`);
    await connected(host);
    const pat = await openPage(browser, server.url, DESKTOP, errors);
    await joinByInvite(pat, session.inviteUrl, 'Pat Participant');

    // Before any phase ended the timeline says what it will hold.
    await host.getByRole('button', { name: 'Timeline' }).click();
    await host.getByText('No snapshots of this table yet.').first().waitFor();
    await host.getByRole('button', { name: 'Back to the live table' }).click();
    await expect.poll(() => host.evaluate(() => document.activeElement?.textContent), POLL).toBe('Timeline');

    // Phase 1: two notes; Pat sees them (so the server has them) before the phase ends.
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    await phaseHeading(host, 'Introduction').waitFor();
    await addSticky(host, 'Before');
    await addSticky(host, 'Keep me');
    await expect.poll(() => stickyTexts(pat), POLL).toEqual(['Before', 'Keep me']);
    await next(host, 'Presentation');

    // Phase 2: one note is rewritten, the other deleted.
    await sticky(liveCanvas(host), 'Before').getByRole('textbox').fill('After');
    await sticky(liveCanvas(host), 'Keep me').focus();
    await host.keyboard.press('Delete');
    await expect.poll(() => stickyTexts(pat), POLL).toEqual(['After']);
    await next(host, 'Clarifying questions');

    // The timeline opens on the latest stop: the end of Presentation, read-only.
    await host.getByRole('button', { name: 'Timeline' }).click();
    const timeline = host.getByRole('region', { name: 'The table as it was' });
    await timeline.waitFor();
    expect(await host.evaluate(() => document.activeElement?.id)).toBe('timeline-heading');
    const stops = timeline.getByRole('list', { name: 'Phase stops' }).getByRole('button');
    await expect.poll(() => stops.count(), POLL).toBe(2);
    const stopNames = await stops.evaluateAll((buttons) => buttons.map((b) => b.textContent ?? ''));
    expect(stopNames[0]).toMatch(/^Introduction \(1\/8\)( · part 1)?, ended \d/);
    expect(stopNames[1]).toMatch(/^Presentation \(2\/8\)/);
    const pastAt = (phase: RegExp) => host.getByRole('region', { name: phase });
    await sticky(pastAt(/^The table at the end of Presentation/), 'After').waitFor();
    expect(await stops.nth(1).getAttribute('aria-current')).toBe('step');

    // Keyboard: the slider's Home goes to the first stop, announced.
    const slider = timeline.getByRole('slider', { name: 'End of phase' });
    await slider.focus();
    await host.keyboard.press('Home');
    const past = pastAt(/^The table at the end of Introduction \(1\/8\)/);
    await sticky(past, 'Before').waitFor();
    await sticky(past, 'Keep me').waitFor();
    expect(await stops.nth(0).getAttribute('aria-current')).toBe('step');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^Introduction \(1\/8\)/);
    expect(await sticky(past, 'Before').getByRole('textbox').getAttribute('readonly')).not.toBeNull();
    await expect
      .poll(() => timeline.locator('[aria-live]').textContent(), POLL)
      .toMatch(/^The table at the end of Introduction \(1\/8\).*, ended .*: 3 artifacts\.$/);
    await screenshot(host, 'timeline-01-past-table');
    await host.screenshot({ path: path.join(SCREENSHOTS, 'timeline-01b-past-table-full.png'), fullPage: true });
    await expectAccessible(host, 'timeline');

    // Restore both: the deleted note comes back as it was, the rewritten one as a copy beside it.
    const restoreList = timeline.getByRole('region', { name: /^On the table then/ });
    await expect.poll(() => restoreList.getByText('Not on the table now').count(), POLL).toBe(1);
    const row = (text: string) => restoreList.getByRole('listitem').filter({ hasText: `Sticky note by Hana Host: ${text}` });
    await row('Before').getByText('On the table, changed since').waitFor();
    await row('Keep me').getByText('Not on the table now').waitFor();
    await restoreList.getByRole('button', { name: 'Restore to the table: Sticky note by Hana Host: Keep me' }).click();
    await restoreList.getByRole('button', { name: 'Restore to the table: Sticky note by Hana Host: Before' }).click();
    await expect.poll(() => restoreList.getByText('✓ Restored').count(), POLL).toBe(2);
    await expect
      .poll(() => timeline.locator('[aria-live]').textContent(), POLL)
      .toBe('Restored a copy to the table, beside the one still there: Sticky note by Hana Host: Before.');
    await expect.poll(() => restoreList.getByText('Not on the table now').count(), POLL).toBe(0);
    await screenshot(host, 'timeline-02-restored');

    // Everyone's live table has them again; the snapshot is unchanged.
    await expect.poll(() => stickyTexts(pat), POLL).toEqual(['After', 'Before', 'Keep me']);
    await timeline.getByRole('button', { name: 'Back to the live table' }).click();
    await expect.poll(() => stickyTexts(host), POLL).toEqual(['After', 'Before', 'Keep me']);
    await screenshot(host, 'timeline-03-live-after-restore');
    await host.getByRole('button', { name: 'Timeline' }).click();
    await stops.filter({ hasText: 'Introduction (1/8)' }).click();
    await sticky(past, 'Before').waitFor();
    expect(await past.locator('textarea.sticky-text').count()).toBe(2);
    await host.keyboard.press('Escape');
    await host.getByRole('region', { name: 'Table canvas' }).waitFor();

    // Export: the host's dialog; a participant has none unless they facilitate.
    const patFacilitates = (await pat.locator('.protocol-badge').allTextContents()).includes('Facilitator');
    expect(await pat.getByRole('button', { name: /Export record/ }).count()).toBe(patFacilitates ? 1 : 0);
    const exportButton = host.getByRole('button', { name: 'Export record' });
    await exportButton.click();
    const dialog = host.getByRole('dialog', { name: 'The session record' });
    await dialog.waitFor();
    const zone = await host.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    await dialog.getByText(`Times are shown in ${zone}, your time zone.`).waitFor();
    const names = dialog.getByRole('checkbox', { name: 'Names' });
    expect(await names.isChecked()).toBe(true);
    await names.uncheck();
    await dialog.getByText('People appear as “Participant 1”, “Participant 2”… and are counted, not listed.').waitFor();
    await screenshot(host, 'timeline-04-record-dialog');
    const [htmlDownload] = await Promise.all([
      host.waitForEvent('download'),
      dialog.getByRole('button', { name: 'HTML', exact: true }).click(),
    ]);
    expect(htmlDownload.suggestedFilename()).toMatch(/-record\.html$/);
    const htmlPath = path.join(SCREENSHOTS, 'timeline-record.html');
    await htmlDownload.saveAs(htmlPath);
    await dialog.getByText(`Downloaded ${htmlDownload.suggestedFilename()}.`).first().waitFor();
    const exported = fs.readFileSync(htmlPath, 'utf8');
    expect(exported).toContain('Keep me');
    expect(exported).not.toContain('Hana Host'); // names left out, as chosen
    expect(exported.indexOf('<h2>Summary</h2>')).toBeLessThan(exported.indexOf('<h2>Tuning Protocol</h2>'));

    // A read-only link with the same choices: made, copied, opened without a token, revoked.
    await dialog.getByRole('button', { name: 'Make a link' }).click();
    const linkField = dialog.getByRole('textbox', { name: /^Link made / });
    await linkField.waitFor();
    const url = await linkField.inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}/records/r_[A-Za-z0-9_-]{24}$`));
    await dialog.getByText(`without names; times in ${zone}.`).waitFor();
    await linkField.scrollIntoViewIfNeeded();
    await screenshot(host, 'timeline-05-record-link');
    await expectAccessible(host, 'record dialog');

    const reader = await openPage(browser, server.url, DESKTOP, errors);
    await reader.goto(url);
    await reader.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await reader.getByRole('heading', { name: 'Summary', level: 2 }).waitFor();
    expect(await reader.content()).toContain('Keep me');
    expect(await reader.content()).not.toContain('Hana Host');
    await screenshot(reader, 'timeline-06-shared-record');

    await dialog.getByRole('button', { name: /^Revoke the link made / }).click();
    await expect.poll(() => linkField.count(), POLL).toBe(0);
    await reader.reload();
    await reader.getByRole('heading', { name: 'This link was revoked' }).waitFor();
    await reader.getByText('The host has revoked this link to the record; ask them for a new one.').waitFor();
    await screenshot(reader, 'timeline-07-revoked-link');
    await reader.context().close();

    // PDF takes a few seconds: the dialog says so while the server prints it.
    const pdfDownload = host.waitForEvent('download', { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'PDF', exact: true }).click();
    await dialog
      .locator('.export-status')
      .getByText(/^Preparing PDF… this can take a few seconds/)
      .waitFor();
    expect(await dialog.getByRole('button', { name: 'Markdown', exact: true }).isDisabled()).toBe(true);
    await screenshot(host, 'timeline-08-preparing-pdf');
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/-record\.pdf$/);
    const pdfPath = path.join(SCREENSHOTS, 'timeline-record.pdf');
    await pdf.saveAs(pdfPath);
    expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    await dialog.getByText(`Downloaded ${pdf.suggestedFilename()}.`).first().waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.isVisible(), POLL).toBe(false);
    expect(errors).toEqual([]);
  });
});
