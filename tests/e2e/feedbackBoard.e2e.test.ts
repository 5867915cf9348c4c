/**
 * The feedback board, end to end in Chromium with two people at one table. Empty, it says how to
 * add feedback. Ana writes warm feedback on one item before the protocol starts, and clarifying
 * questions on another item and on a passage of a document in the Clarifying questions phase.
 * Ben opens the board with B, sees the counts by type and by phase, filters, watches a new thread
 * arrive live, and jumps to an item (it is selected, its feedback heading follows Ana's rename)
 * and to the passage (the document opens large with it selected). Ben sends the item to back
 * from its menu and brings it to front with the keyboard; the "?" sheet lists both shortcuts. The
 * board is checked with axe and photographed to /tmp/board.png.
 *
 * Needs the built client (`npm run build:client`) and Chromium at /usr/bin/chromium or $CHROMIUM_PATH.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@worktable/shared';
import { openControlClient, postJson, waitFor, type TestServer } from '@worktable/server/testing';
import { expectAccessible } from '../support/axe.js';
import { DESKTOP, joinByInvite, openPage } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';
import { openSection, writeFeedback } from '../support/sidePanel.js';

const POLL = { timeout: 10_000, interval: 50 };

/** Puts a sticky note with `text` on the table and leaves its text field. */
async function addSticky(page: Page, text: string): Promise<void> {
  await page.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Sticky note' }).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

/** The stacking depth of an artifact frame (its z-index). */
function depthOf(frame: Locator): Promise<number> {
  return frame.evaluate((el: HTMLElement) => Number(el.style.zIndex));
}

describe('the feedback board', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  it('every thread by type and phase, live, filters, jump to the item; send to back and bring to front', { timeout: 120_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Tuning: exit tickets',
      protocol: 'tuning',
      hostName: 'Hana Host',
    });
    const ana = await openPage(browser, server.url, DESKTOP, errors);
    await joinByInvite(ana, session.inviteUrl, 'Ana Alvarez');
    const ben = await openPage(browser, server.url, DESKTOP, errors);
    await joinByInvite(ben, session.inviteUrl, 'Ben Brook');

    // Before anyone writes feedback, the board says how to add some.
    await ben.getByRole('heading', { level: 1 }).focus();
    await ben.keyboard.press('b');
    const board = ben.getByRole('dialog', { name: 'Feedback board' });
    await board.getByText('No feedback on the table yet.').waitFor();
    await board.getByText(/select an item on the canvas .* then write in the Feedback panel/).waitFor();
    await ben.keyboard.press('Escape');
    await expect.poll(() => board.isVisible(), POLL).toBe(false);

    const sticky = (page: Page, words: RegExp) => page.getByRole('group', { name: words });
    await addSticky(ana, 'Lesson plan draft');
    await addSticky(ana, 'Exit ticket');
    const plan = (page: Page) => sticky(page, /^Sticky note by Ana Alvarez: Lesson plan draft/);
    const ticket = (page: Page) => sticky(page, /^Sticky note by Ana Alvarez: Exit ticket/);

    // Before the protocol starts: warm feedback on the plan (written outside a phase).
    await writeFeedback(ana, plan(ana), 'Warm feedback', 'The steps build on each other.');
    // In the Clarifying questions phase: a clarifying question on the exit ticket.
    const control = openControlClient(server.url, session.hostToken);
    await waitFor(() => control.states.length > 0, 5_000, 'host control');
    expect(await control.send({ action: 'start' })).toMatchObject({ ok: true });
    for (let i = 0; i < 2; i++) expect(await control.send({ action: 'next' })).toMatchObject({ ok: true });
    await ana
      .getByRole('region', { name: 'Current phase' })
      .getByRole('heading', { name: /·\s*Clarifying questions$/ })
      .waitFor();
    await writeFeedback(ana, ticket(ana), 'Clarifying question', 'How long do students get for it?');
    // And one about a passage of a document: "Two", chosen with "Comment on selection".
    await ana.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Document' }).click();
    // (The scribe's notes are a document too: this one is still untitled.)
    const anaDocument = ana.getByRole('group', { name: /^Document by Ana Alvarez: Untitled document/ });
    const anaEditor = anaDocument.locator('.ProseMirror');
    await expect.poll(() => anaEditor.evaluate((el) => el === document.activeElement), POLL).toBe(true);
    await ana.keyboard.type('Two reports agree.');
    await ana.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await ana.keyboard.press('Shift+ArrowRight');
    // From another section: the Feedback section comes forward with the form focused.
    await openSection(ana, 'People');
    await anaDocument.getByRole('button', { name: 'Comment on selection' }).click();
    const anaPanel = ana.getByRole('region', { name: 'Feedback', exact: true });
    await anaPanel.getByText('About: “Two”').waitFor();
    await expect
      .poll(
        () =>
          ana.evaluate(
            () => document.activeElement?.id && document.querySelector(`label[for="${document.activeElement.id}"]`)?.textContent,
          ),
        POLL,
      )
      .toBe('Your feedback');
    await anaPanel.getByLabel('Your feedback').fill('Which two reports?');
    await anaPanel.getByRole('button', { name: 'Add feedback' }).click();
    await anaPanel.locator('blockquote', { hasText: /^Two$/ }).waitFor();

    // Ben opens the board with B (the focus on the page, not in a text field).
    await ben.getByRole('heading', { level: 1 }).focus();
    await ben.keyboard.press('b');
    await board.waitFor();
    const types = board.getByRole('group', { name: 'Show feedback of type' });
    const chip = (name: RegExp) => types.getByRole('button', { name });
    await chip(/^All types 3$/).waitFor();
    await chip(/^Warm feedback 1$/).waitFor();
    await chip(/^Clarifying question 2$/).waitFor();
    await board.getByRole('heading', { name: /^Warm feedback/, level: 3 }).waitFor();
    await board.getByRole('heading', { name: /^Clarifying question/, level: 3 }).waitFor();
    await board.getByText('On sticky note “Lesson plan draft”').waitFor();
    const phases = board.getByLabel('Phase');
    expect(await phases.locator('option').allTextContents()).toEqual(['All phases (3)', 'Outside a phase (1)', 'Clarifying questions (2)']);
    await expectAccessible(ben, 'the feedback board');
    await ben.screenshot({ path: '/tmp/board.png' });

    // Filter by type: only the clarifying question; the phase counts follow.
    await chip(/^Clarifying question/).click();
    await expect.poll(() => chip(/^Clarifying question/).getAttribute('aria-pressed'), POLL).toBe('true');
    expect(await board.getByRole('heading', { name: /^Warm feedback/, level: 3 }).count()).toBe(0);
    expect(await phases.locator('option').allTextContents()).toEqual(['All phases (2)', 'Outside a phase (0)', 'Clarifying questions (2)']);
    // Filter by phase: outside a phase, every type — only the warm feedback.
    await chip(/^All types/).click();
    await phases.selectOption({ label: 'Outside a phase (1)' });
    await board.getByRole('heading', { name: /^Warm feedback/, level: 3 }).waitFor();
    expect(await board.getByRole('heading', { name: /^Clarifying question/, level: 3 }).count()).toBe(0);
    await chip(/^Clarifying question 0$/).waitFor();
    await phases.selectOption({ label: 'All phases (3)' });

    // Live: Ana asks another question; Ben's board counts it at once.
    await writeFeedback(ana, plan(ana), 'Clarifying question', 'Which grade is this for?');
    await chip(/^Clarifying question 3$/).waitFor();
    await chip(/^All types 4$/).waitFor();

    // Jump to the exit ticket: the board closes, the item is selected and focused, its feedback open.
    await board.getByRole('button', { name: 'Show on the canvas: sticky note “Exit ticket”' }).click();
    await expect.poll(() => board.isVisible(), POLL).toBe(false);
    await expect.poll(() => ticket(ben).getAttribute('class'), POLL).toMatch(/\bis-selected\b/);
    await expect.poll(() => ben.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), POLL).toMatch(/Exit ticket/);
    const benFeedback = ben.getByRole('region', { name: 'Feedback', exact: true });
    await benFeedback.getByRole('heading', { name: 'Feedback on sticky note “Exit ticket”' }).waitFor();
    // Ana renames it: Ben's heading follows.
    await ticket(ana).locator('textarea').focus();
    await ana.keyboard.press('End');
    await ana.keyboard.type(' for week one');
    await benFeedback.getByRole('heading', { name: 'Feedback on sticky note “Exit ticket for week one”' }).waitFor();

    // Send to back from the item's menu; bring to front with the keyboard.
    const moved = ticket(ben);
    const other = plan(ben);
    expect(await depthOf(moved)).toBeGreaterThan(await depthOf(other));
    await moved.getByRole('button', { name: /^Actions for / }).click();
    await ben.getByRole('menuitem', { name: 'Send to back' }).click();
    await expect.poll(async () => (await depthOf(moved)) < (await depthOf(other)), POLL).toBe(true);
    await moved.focus();
    await ben.keyboard.press('Control+Shift+BracketRight');
    await expect.poll(async () => (await depthOf(moved)) > (await depthOf(other)), POLL).toBe(true);
    await ben.keyboard.press('Control+Shift+BracketLeft');
    await expect.poll(async () => (await depthOf(moved)) < (await depthOf(other)), POLL).toBe(true);

    // The "?" sheet lists the board and the stacking shortcuts.
    await ben.getByRole('heading', { level: 1 }).focus();
    await ben.keyboard.press('?');
    const sheet = ben.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.getByText('Open the feedback board: every thread on the table').waitFor();
    await sheet.getByText('Bring the selected items to front / send them to back').waitFor();

    await sheet.getByRole('button', { name: 'Close' }).click();

    // A thread about a passage: the board opens the document large with the passage selected.
    await ben.keyboard.press('b');
    await board.getByRole('button', { name: 'Show in the document: document “Untitled document”', exact: true }).click();
    await ben.locator('dialog.dialog-expanded[open]').waitFor();
    await expect.poll(() => ben.evaluate(() => window.getSelection()?.toString()), POLL).toBe('Two');

    control.close();
    for (const page of [ana, ben]) await page.context().close();
    expect(errors).toEqual([]);
  });
});
