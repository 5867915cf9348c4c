/**
 * Anonymous reactions end to end in Chromium, against a server with a small control action rate
 * (5 at once, 1 a second). With anonymous reactions on, Ana's 👍 on the host's sticky note is
 * given through the server: the host's page counts it without a name, and Ana takes it back.
 * Pressing faster than the rate allows, the bar says why the server refused, and a later press
 * works again.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@worktable/shared';
import { postJson, type TestServer } from '@worktable/server/testing';
import { expectAccessible } from '../support/axe.js';
import { DESKTOP, joinByInvite, openPage, screenshot } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';
import { openSection } from '../support/sidePanel.js';

/** How long live sync may take to show up in another browser. */
const POLL = { timeout: 10_000, interval: 25 };
const NOTE = 'Try exit tickets every Friday';

describe('anonymous reactions', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];

  withServerAndBrowser(
    (startedServer, startedBrowser) => {
      server = startedServer;
      browser = startedBrowser;
    },
    { CONTROL_ACTION_BURST: '5', CONTROL_ACTIONS_PER_SECOND: '1' },
  );

  const note = (page: Page) => page.getByRole('group', { name: new RegExp(`^Sticky note by Hana Host: ${NOTE}`) });
  /** The toggle of reaction `label` ("Agree") in `scope`, whatever its count. */
  const reaction = (scope: Locator, label: string) =>
    scope.getByRole('group', { name: 'Reactions' }).getByRole('button', { name: new RegExp(`^${label}[ ,(]`) });
  /** Selects an artifact the way the keyboard does (focusing its frame). */
  const select = (frame: Locator) => frame.evaluate((el: HTMLElement) => el.focus());

  it('are given and taken back through the server, counted in every browser, and say so when refused', { timeout: 120_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Exit tickets',
      protocol: 'tuning',
      hostName: 'Hana Host',
    });
    const host = await openPage(browser, server.url, DESKTOP, errors);
    await host.goto(`/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`);
    await host
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();
    await openSection(host, 'People');
    await host.getByRole('region', { name: 'Session settings' }).getByLabel('Anonymous reactions').check();
    await host.getByText('Reactions are shown without names.').waitFor();

    await host.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Sticky note' }).click();
    await expect
      .poll(() => host.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL)
      .toBe('Sticky note text by Hana Host');
    await host.keyboard.type(NOTE);
    const ana = await openPage(browser, server.url, DESKTOP, errors);
    await joinByInvite(ana, session.inviteUrl, 'Ana Alvarez');
    const anaNote = note(ana);
    await anaNote.waitFor();

    // Ana's 👍 reaches the host's page as a count, with no name.
    await select(anaNote);
    await reaction(anaNote, 'Agree').click();
    await expect.poll(() => reaction(anaNote, 'Agree').getAttribute('aria-label'), POLL).toBe('Agree (you)');
    await expect
      .poll(() => ana.locator('.artifact-reactions [role="status"]').textContent(), POLL)
      .toBe('You reacted “Agree”. 1 person in all.');
    const hostNote = note(host);
    await select(hostNote);
    await expect.poll(() => reaction(hostNote, 'Agree').getAttribute('aria-label'), POLL).toBe('Agree, 1 person');
    expect(await reaction(hostNote, 'Agree').getAttribute('title')).toBe('Agree');
    expect(await reaction(hostNote, 'Agree').locator('.reaction-count').getAttribute('data-count')).toBe('1');
    await screenshot(host, 'anonymous-reactions-01-counted-elsewhere');

    // She takes it back: gone on both pages.
    await reaction(anaNote, 'Agree').click();
    await expect.poll(() => reaction(hostNote, 'Agree').getAttribute('aria-label'), POLL).toBe('Agree, nobody yet');
    await expect.poll(() => reaction(anaNote, 'Agree').getAttribute('aria-pressed'), POLL).toBe('false');

    // Pressing faster than the server takes actions: the bar says why, in an alert.
    const alert = anaNote.getByRole('alert');
    for (let i = 0; i < 8 && !(await alert.isVisible()); i++) await reaction(anaNote, 'Important').click();
    await expect.poll(() => alert.textContent(), POLL).toBe('Too many actions: wait a moment.');
    await screenshot(ana, 'anonymous-reactions-02-refused');
    await expectAccessible(ana, 'a refused anonymous reaction');

    // A moment later a press works again, and both pages agree on the count.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await reaction(anaNote, 'Sparks an idea').click();
    await expect.poll(() => reaction(anaNote, 'Sparks an idea').getAttribute('aria-label'), POLL).toBe('Sparks an idea (you)');
    expect(await alert.count()).toBe(0);
    await expect.poll(() => reaction(hostNote, 'Sparks an idea').getAttribute('aria-label'), POLL).toBe('Sparks an idea, 1 person');
    const important = await reaction(anaNote, 'Important').getAttribute('aria-pressed');
    await expect
      .poll(() => reaction(hostNote, 'Important').getAttribute('aria-label'), POLL)
      .toBe(important === 'true' ? 'Important, 1 person' : 'Important, nobody yet');
    await screenshot(ana, 'anonymous-reactions-03-participant');
    expect(errors).toEqual([]);
  });
});
