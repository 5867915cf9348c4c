/**
 * Private writing and participation end to end in Chromium: the host and two participants at one
 * table (Tuning). The host starts the run and private writing; everyone sees the banner. Ana adds
 * a sticky note: her page shows it marked private, while nothing of it reaches Ben's page or the
 * host's (their whole DOM, text fields and accessible names, checked for a while). The host
 * reveals (with the confirmation): the note lands on everyone's table as a normal sticky, and the
 * reveal is announced. Then the host opens Participation: a row per person, Ana's note counted,
 * people not heard yet first; a participant sees their own row until the host shares it. axe finds no
 * serious or critical problem.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@worktable/shared';
import { postJson, type TestServer } from '@worktable/server/testing';
import { expectAccessible } from '../support/axe.js';
import { DESKTOP, joinByInvite, openPage, screenshot } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';
import { openSection } from '../support/sidePanel.js';

const IDEA = 'My private idea';
const BANNER = 'Private writing: your new notes are only yours until the facilitator reveals them.';

describe('private writing and participation', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];

  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  /** Ana's sticky anywhere on a page's canvas. */
  const anasNote = (page: Page) => page.getByRole('group', { name: new RegExp(`^Sticky note by Ana Alvarez: ${IDEA}`) });
  /** Everything a person could read on a page: text, text fields' values, accessible names and titles. */
  const everythingOn = (page: Page) =>
    page.evaluate(() =>
      [
        document.body.innerText,
        ...[...document.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input')].map((field) => field.value),
        ...[...document.querySelectorAll('[aria-label], [title]')].map(
          (el) => `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`,
        ),
      ].join('\n'),
    );

  it('keeps a note private until the reveal, then puts it on everyone’s table; participation counts it', { timeout: 120_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Tuning: exit tickets',
      protocol: 'tuning',
      hostName: 'Hana Host',
    });
    const host = await openPage(browser, server.url, DESKTOP, errors);
    await host.goto(`/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`);
    await host
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();
    const ana = await openPage(browser, server.url, DESKTOP, errors);
    await joinByInvite(ana, session.inviteUrl, 'Ana Alvarez');
    const ben = await openPage(browser, server.url, DESKTOP, errors);
    await joinByInvite(ben, session.inviteUrl, 'Ben Brown');

    // The host starts the run, then private writing (named reveal); everyone sees the banner.
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    await openSection(host, 'Notes');
    await host.getByRole('button', { name: 'Start private writing' }).click();
    for (const page of [host, ana, ben]) await page.getByText(BANNER).waitFor();
    await host.getByRole('button', { name: 'Reveal', exact: true }).waitFor();

    // Ana writes a sticky note: it goes to her private document, marked private on her page.
    await ana.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Sticky note' }).click();
    await expect.poll(() => ana.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Sticky note text by Ana Alvarez');
    await ana.keyboard.type(IDEA);
    await ana.keyboard.press('Escape');
    const privateNote = ana.locator('.private-layer').getByRole('group', { name: new RegExp(`^Sticky note by Ana Alvarez: ${IDEA}`) });
    await privateNote.waitFor();
    expect(await privateNote.locator('.private-badge').textContent()).toBe('Private — only you see this until the reveal');
    expect(await ana.locator('.canvas-world > .artifact-sticky').count()).toBe(0);
    // Moved with the keyboard like any note (in her private document).
    const before = await privateNote.evaluate((el: HTMLElement) => Number.parseFloat(el.style.left));
    await privateNote.focus();
    await ana.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => privateNote.evaluate((el: HTMLElement) => Number.parseFloat(el.style.left))).toBe(before + 10);
    await screenshot(ana, 'private-01-ana-private-note');
    // Escape lets go of it: the dashed outline and the badge mark it as private.
    await ana.keyboard.press('Escape');
    await expect.poll(() => privateNote.getAttribute('class')).not.toContain('is-selected');
    await screenshot(ana, 'private-01b-ana-private-note-released');
    // …and dragged with the mouse (by its paper: an unselected note is picked up, not typed in).
    const card = await privateNote.locator('.artifact-card').boundingBox();
    if (!card) throw new Error('private note not visible');
    const start = { x: card.x + card.width / 2, y: card.y + card.height * 0.7 };
    await ana.mouse.move(start.x, start.y);
    await ana.mouse.down();
    await ana.mouse.move(start.x + 40, start.y + 30, { steps: 6 });
    await ana.mouse.up();
    await expect.poll(() => privateNote.evaluate((el: HTMLElement) => Number.parseFloat(el.style.left))).toBe(before + 50);
    await expectAccessible(ana, 'private writing (Ana)');

    // Nothing of it reaches Ben or the host, for a good while.
    for (let i = 0; i < 6; i++) {
      for (const page of [ben, host]) expect(await everythingOn(page)).not.toContain(IDEA);
      await ben.waitForTimeout(400);
    }
    expect(await ben.locator('.private-layer .artifact').count()).toBe(0);
    await screenshot(ben, 'private-02-ben-sees-nothing');

    // The host reveals, after confirming; the note lands on everyone's table as a normal sticky.
    await host.getByRole('button', { name: 'Reveal', exact: true }).click();
    await host
      .getByRole('group', { name: 'Confirm the reveal' })
      .getByText('Put everyone’s private notes on the table? This cannot be undone.')
      .waitFor();
    await screenshot(host, 'private-03-host-confirms-reveal');
    await host.getByRole('button', { name: 'Reveal now' }).click();
    for (const page of [host, ana, ben]) {
      await page.locator('.canvas-world > .artifact-sticky').first().waitFor();
      await anasNote(page).first().waitFor();
      await expect.poll(() => page.locator('.private-layer .artifact').count(), { timeout: 5000 }).toBe(0);
      await expect.poll(() => page.getByText(BANNER).count()).toBe(0);
      expect(await page.locator('.canvas-world > .artifact-sticky').count()).toBe(1);
    }
    expect(await anasNote(ben).locator('textarea').inputValue()).toBe(IDEA);
    await expect
      .poll(() => ana.locator('[aria-live="polite"]').allTextContents())
      .toContainEqual(expect.stringContaining('Private notes revealed'));
    await host.getByRole('button', { name: 'Start private writing' }).waitFor();
    await screenshot(ben, 'private-04-ben-after-reveal');

    // Participation: a row per person, Ana's note counted, the others not heard yet.
    await host.getByRole('button', { name: 'Participation' }).click();
    const dialog = host.getByRole('dialog', { name: 'Participation' });
    await dialog.waitFor();
    const row = (name: string) => dialog.getByRole('row').filter({ has: host.getByRole('rowheader', { name: new RegExp(name) }) });
    await row('Ana Alvarez').waitFor();
    expect(await dialog.getByRole('row').count()).toBe(4); // the header and three people
    expect(await row('Ana Alvarez').getByRole('cell').first().textContent()).toContain('1');
    expect(await row('Ana Alvarez').getByRole('cell').first().textContent()).toContain('Sticky note ×1');
    expect(await row('Ana Alvarez').textContent()).not.toContain('Not heard yet');
    // People not heard yet first (the scribe's browser put the run's notes on the table, so it is
    // the host, Ben, or both), with a hint for the host naming the others.
    const headers = await dialog.getByRole('rowheader').allTextContents();
    const quiet = headers.filter((text) => text.includes('Not heard yet'));
    expect(quiet.length).toBeGreaterThan(0);
    expect(headers.slice(0, quiet.length)).toEqual(quiet);
    if (quiet.some((text) => text.includes('Ben Brown'))) await dialog.getByText(/^Consider inviting Ben Brown in:/).waitFor();
    else expect(await dialog.getByText(/^Consider inviting/).count()).toBe(0);
    await screenshot(host, 'private-05-participation');
    await expectAccessible(host, 'participation dialog (host)');
    await host.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // Someone who does not facilitate sees their own row only, with a note, until the host shares it.
    const facilitates = async (page: Page) => (await page.locator('.protocol-badge').allTextContents()).includes('Facilitator');
    const [viewer, viewerName] = (await facilitates(ben)) ? [ana, 'Ana Alvarez'] : [ben, 'Ben Brown'];
    await viewer.getByRole('button', { name: 'Participation' }).click();
    const viewerDialog = viewer.getByRole('dialog', { name: 'Participation' });
    await viewerDialog.getByText('The host has not shared everyone’s participation').waitFor();
    expect(await viewerDialog.getByRole('rowheader').allTextContents()).toEqual([expect.stringContaining(viewerName)]);
    await viewerDialog.getByRole('button', { name: 'Close' }).click();
    await openSection(host, 'People');
    await host.getByRole('checkbox', { name: 'Share participation with everyone' }).check();
    await host.getByText('Everyone sees the whole participation table.').waitFor();
    await viewer.getByRole('button', { name: 'Participation' }).click();
    await expect.poll(() => viewerDialog.getByRole('rowheader').count()).toBe(3);
    expect(await viewerDialog.getByText('The host has not shared everyone’s participation').count()).toBe(0);
    await screenshot(viewer, 'private-06-shared-participation');
    expect(errors).toEqual([]);
  });
});
