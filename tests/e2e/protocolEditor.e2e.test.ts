/**
 * The protocol editor end to end (issue #4): a host copies Consultancy, edits a phase's minutes
 * and title, adds a closing phase, saves, and starts a session that runs exactly that definition
 * (checked through the export endpoint and on the table). The custom protocol survives a reload,
 * exports to JSON that matches it, and a broken import is refused with the bad field's path.
 */
import fs from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtInProtocol, type Protocol } from '@worktable/shared';
import type { TestServer } from '@worktable/server/testing';
import { DESKTOP, openPage, screenshot } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';

const PHONE = { width: 390, height: 844 };
const STORAGE_KEY = 'worktable:customProtocol';

describe('protocol editor: customize, save, run, export, import', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];

  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  const editor = (page: Page) => page.getByRole('dialog', { name: 'Edit protocol' });
  const stored = async (page: Page): Promise<Protocol> =>
    JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)) ?? 'null') as Protocol;
  const focusedValue = (page: Page) =>
    page.evaluate(() =>
      document.activeElement instanceof HTMLInputElement ? document.activeElement.value : (document.activeElement?.textContent ?? ''),
    );

  it('runs a session on an edited copy of Consultancy', { timeout: 60_000 }, async () => {
    const page = await openPage(browser, server.url, DESKTOP, errors);
    await page.goto('/');
    await page.getByLabel('Protocol', { exact: true }).selectOption('consultancy');
    await page.getByRole('button', { name: 'Customize…' }).click();

    // The editor opens on a renamed copy, focused on its title.
    const dialog = editor(page);
    await dialog.waitFor();
    expect(await focusedValue(page)).toBe('Consultancy (adapted)');
    await dialog.getByText('Total planned time: 50 min').waitFor();

    const clarifying = dialog.getByRole('group', { name: 'Round phase 2' });
    expect(await clarifying.getByLabel('Title').inputValue()).toBe('Clarifying questions');
    await clarifying.getByLabel('Title').fill('Quick clarifying questions');

    // Too short: the field is marked, the message is linked to it, Save waits.
    const minutesField = clarifying.getByLabel('Minutes');
    await minutesField.fill('0.1');
    await clarifying.getByText('must be at least 15 seconds').waitFor();
    expect(await minutesField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await minutesField.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('must be at least 15 seconds');
    expect(await dialog.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await screenshot(page, 'protocol-editor-01-invalid-desktop');
    await minutesField.fill('7');
    expect(await minutesField.getAttribute('aria-invalid')).toBeNull();

    // A new phase at the end.
    await dialog.getByRole('button', { name: '+ Add a closing phase' }).click();
    const added = dialog.getByRole('group', { name: 'Closing phase 1' });
    await expect.poll(() => focusedValue(page)).toBe('New phase');
    await added.getByLabel('Title').fill('Commitments');
    await added.getByLabel('Minutes').fill('3');
    await added.getByLabel('Prompt').fill('Each person names one next step.');
    await dialog.getByText('Total planned time: 55 min').waitFor();
    await screenshot(page, 'protocol-editor-02-edited-desktop');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The form shows the custom protocol; it survives a reload.
    const card = page.getByRole('region', { name: 'Custom protocol' });
    await card.getByText('Consultancy (adapted)').waitFor();
    await card.getByText('55 min in total').waitFor();
    expect(await focusedValue(page)).toBe('Edit');
    const saved = await stored(page);
    const consultancy = builtInProtocol('consultancy');
    expect(saved.round[1]).toEqual({
      ...consultancy?.round[1],
      id: 'quick-clarifying-questions',
      title: 'Quick clarifying questions',
      durationMs: 7 * 60_000,
    });
    expect(saved.closing).toEqual([
      {
        id: 'commitments',
        title: 'Commitments',
        prompt: 'Each person names one next step.',
        durationMs: 3 * 60_000,
        speakers: 'everyone',
        feedback: [],
        advance: 'facilitator',
      },
    ]);
    await page.reload();
    await card.getByText('Consultancy (adapted)').waitFor();

    // Export JSON downloads <id>.protocol.json with the same definition.
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Export JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('consultancy-custom.protocol.json');
    expect(JSON.parse(await fs.readFile(await download.path(), 'utf8'))).toEqual(saved);
    await screenshot(page, 'protocol-editor-03-custom-desktop');

    // Escape cancels an edit and gives focus back to Edit.
    await card.getByRole('button', { name: 'Edit' }).click();
    await editor(page).getByLabel('Title').first().fill('Not kept');
    await page.keyboard.press('Escape');
    await editor(page).waitFor({ state: 'detached' });
    expect(await focusedValue(page)).toBe('Edit');
    expect((await stored(page)).title).toBe('Consultancy (adapted)');

    // The session runs that definition.
    await page.getByLabel('Session title').fill('Consultancy: attendance dilemma');
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Consultancy: attendance dilemma' }).waitFor();
    const inviteUrl = await page.getByRole('textbox', { name: 'Invite link' }).inputValue();
    const sessionId = new URL(inviteUrl).pathname.split('/').pop() ?? '';
    const identity = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), `worktable:identity:${sessionId}`)) ?? '{}') as {
      token?: string;
    };
    const response = await fetch(`${server.url}/api/sessions/${sessionId}/protocol`, {
      headers: { authorization: `Bearer ${identity.token ?? ''}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(saved);

    await page.getByRole('link', { name: 'Open the table' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();
    await page.getByRole('region', { name: 'Protocol' }).getByText('Consultancy (adapted)').waitFor();
    await page.getByText('First: Presenter overview').waitFor();
    await screenshot(page, 'protocol-editor-04-table-desktop');
    expect(errors).toEqual([]);
  });

  it('imports JSON on a phone, refusing broken files with the bad path', { timeout: 45_000 }, async () => {
    const page = await openPage(browser, server.url, PHONE, errors);
    await page.goto('/');
    await page.getByRole('button', { name: 'Customize…' }).waitFor();
    const file = page.getByLabel('Protocol JSON file');
    const tuning = builtInProtocol('tuning');
    if (!tuning) throw new Error('no tuning');

    await file.setInputFiles({ name: 'broken.protocol.json', mimeType: 'application/json', buffer: Buffer.from('{ "id": "oops", ') });
    await page.getByRole('alert').filter({ hasText: 'Could not import broken.protocol.json: (json): not valid JSON' }).waitFor();

    const tooShort = { ...tuning, round: tuning.round.map((phase, i) => (i === 2 ? { ...phase, durationMs: 5_000 } : phase)) };
    await file.setInputFiles({ name: 'short.protocol.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tooShort)) });
    await page.getByRole('alert').filter({ hasText: 'round.2.durationMs: must be at least 15 seconds' }).waitFor();
    await screenshot(page, 'protocol-editor-05-import-error-phone');

    const good = { ...tuning, id: 'tuning-short', title: 'Short tuning', rounds: 2 };
    await file.setInputFiles({ name: 'good.protocol.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    const card = page.getByRole('region', { name: 'Custom protocol' });
    await card.getByText('Short tuning').waitFor();
    await card.getByText('136 min in total').waitFor();
    expect(await stored(page)).toEqual(good);

    // The editor fits a phone, and "Use a built-in instead" goes back to the select.
    await card.getByRole('button', { name: 'Edit' }).click();
    await editor(page).getByText('Total planned time: 136 min').waitFor();
    await screenshot(page, 'protocol-editor-06-editor-phone');
    await editor(page).getByRole('group', { name: 'Round phase 3' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'protocol-editor-07-phase-phone');
    await editor(page).getByRole('button', { name: 'Cancel' }).click();
    await card.getByRole('button', { name: 'Use a built-in instead' }).click();
    await page.getByLabel('Protocol', { exact: true }).waitFor();
    expect(await stored(page)).toBeNull();
    expect(errors).toEqual([]);
  });
});
