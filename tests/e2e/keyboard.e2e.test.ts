/**
 * The table by keyboard alone, end to end in Chromium: every key press is counted, and each task
 * takes at most 10 — a new sticky note, moving it, opening feedback on it, Pause, Resume and Next
 * for the facilitator — with the "?" help sheet listing the shortcuts. axe finds no serious or critical issue in the help sheet. Screenshot: keyboard-*.png.
 *
 * Needs the built client (`npm run build:client`) and Chromium at /usr/bin/chromium or $CHROMIUM_PATH.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@worktable/shared';
import { postJson, type TestServer } from '@worktable/server/testing';
import { expectAccessible } from '../support/axe.js';
import { DESKTOP, openPage, screenshot } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';
import { openSection } from '../support/sidePanel.js';

const POLL = { timeout: 10_000, interval: 50 };
/** The most key presses any one task may take (the bar). */
const MAX_PRESSES = 10;

describe('the keyboard everywhere', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  it('sticky, move, feedback, Pause, Resume and Next within 10 key presses each', { timeout: 90_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'By keyboard',
      protocol: 'tuning',
      hostName: 'Hana Host',
    });
    const page: Page = await openPage(browser, server.url, DESKTOP, errors);
    await page.goto(`/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`);
    await page
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();
    let presses = 0;
    const press = async (key: string) => {
      presses++;
      await page.keyboard.press(key);
    };
    /** Runs one task, counting its key presses (typing a text is not counted). */
    const task = async (name: string, run: () => Promise<void>) => {
      presses = 0;
      await run();
      expect(presses, `${name} took ${presses} key presses`).toBeLessThanOrEqual(MAX_PRESSES);
    };

    // The help sheet.
    await task('help sheet', async () => {
      await press('?');
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await sheet.getByRole('cell', { name: 'Put a new sticky note on the table' }).waitFor();
      await expectAccessible(page, 'the keyboard shortcuts sheet');
      await screenshot(page, 'keyboard-help-sheet');
      await press('Escape');
      await expect.poll(() => sheet.isVisible(), POLL).toBe(false);
    });

    // A sticky note: N, type, Escape to its frame.
    const sticky = page.getByRole('group', { name: /^Sticky note by Hana Host/ });
    await task('new sticky', async () => {
      await press('n');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL)
        .toBe('Sticky note text by Hana Host');
      await page.keyboard.type('Ask students to pair first.');
      await press('Escape');
      await expect.poll(() => sticky.evaluate((el) => el === document.activeElement), POLL).toBe(true);
    });

    // Move it with the arrows (Shift: 10 px a press).
    const left = () => sticky.evaluate((el) => parseFloat((el as HTMLElement).style.left));
    const before = await left();
    await task('move the sticky', async () => {
      for (let i = 0; i < 3; i++) await press('Shift+ArrowRight');
    });
    await expect.poll(left, POLL).toBe(before + 30);

    // Feedback on it: F puts the focus in the feedback form of the selected item.
    await task('open feedback', async () => {
      await press('f');
      await expect
        .poll(
          () =>
            page.evaluate(
              () => document.activeElement?.id && document.querySelector(`label[for="${document.activeElement.id}"]`)?.textContent,
            ),
          POLL,
        )
        .toBe('Your feedback');
    });
    await page.keyboard.type('Pairs first lets quieter students rehearse.');
    await press('Escape');

    // The facilitator's timer: Start by hand, then Pause, Resume and Next by keyboard.
    await openSection(page, 'Phase');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const phase = page.getByRole('region', { name: 'Current phase' });
    await phase.getByRole('heading', { name: /·\s*Introduction$/ }).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await task('pause', async () => {
      await press('Alt+Shift+P');
      await page.getByRole('button', { name: 'Resume', exact: true }).waitFor();
    });
    await task('resume', async () => {
      await press('Alt+Shift+P');
      await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    });
    // Space on Pause keeps the keyboard on the button while the server answers (it becomes Resume).
    await page.getByRole('group', { name: 'Timer' }).getByRole('button', { name: 'Pause', exact: true }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Resume', exact: true }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Resume');
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pause');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await task('next', async () => {
      await press('Alt+Shift+N');
      await phase.getByRole('heading', { name: /·\s*Presentation$/ }).waitFor();
    });
    await page.context().close();
    expect(errors).toEqual([]);
  });
});
