/**
 * Dot voting end to end in Chromium: the host and two participants at one table; the host puts
 * three sticky notes on the table, selects them and opens a dot vote; the participants place
 * their dots with the mouse and the keyboard; before the reveal a participant's page holds
 * nobody's dots but their own; the host reveals (results on the items and the ranking in the
 * sidebar, announced), then closes the vote. axe finds no serious or critical problem.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@worktable/shared';
import { postJson, type TestServer } from '@worktable/server/testing';
import { expectAccessible } from '../support/axe.js';
import { DESKTOP, joinByInvite, openPage, screenshot } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';
import { openSection } from '../support/sidePanel.js';

const QUESTION = 'Which should we work on first?';
const NOTES = ['Evidence first', 'Peer review rubric', 'Exit tickets'] as const;

describe('dot voting at the table', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];

  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  /** The dot control of the sticky whose text starts with `note`. */
  const dots = (page: Page, note: string): Locator => page.getByRole('group', { name: new RegExp(`^Your dots on ${note}: `) });
  const add = (page: Page, note: string) => dots(page, note).getByRole('button', { name: 'Add a dot' });
  const remove = (page: Page, note: string) => dots(page, note).getByRole('button', { name: 'Remove a dot' });
  /** The sticky's frame on the canvas. */
  const sticky = (page: Page, note: string) => page.getByRole('group', { name: new RegExp(`^Sticky note by Hana Host: ${note}`) });
  const voteBar = (page: Page) => page.locator('.vote-bar');
  const liveVote = (page: Page) => page.locator('.vote-panel > [aria-live="polite"]');

  async function addSticky(page: Page, text: string): Promise<void> {
    await page.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Sticky note' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Sticky note text by Hana Host');
    await page.keyboard.type(text);
    await page.keyboard.press('Escape');
  }

  it('opens a vote on the selection, keeps ballots hidden until the reveal, ranks, closes', { timeout: 90_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Choosing a focus',
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

    // Three stickies on the table; everyone sees them.
    for (const note of NOTES) await addSticky(host, note);
    for (const page of [ana, ben]) for (const note of NOTES) await sticky(page, note).waitFor();

    // Nothing selected (Escape clears the selection): the host's button says what to do first.
    // Then select all with the keyboard.
    await host.keyboard.press('Escape');
    await openSection(host, 'Notes');
    const start = host.getByRole('button', { name: 'Dot vote on 0 selected' });
    await start.waitFor();
    expect(await start.isDisabled()).toBe(true);
    await host.getByText('Select stickies or other items on the table').waitFor();
    await host.getByRole('region', { name: 'Table canvas' }).focus();
    await host.keyboard.press('Control+a');
    await host.getByRole('button', { name: 'Dot vote on 3 selected' }).click();
    const dialog = host.getByRole('dialog', { name: 'Dot vote on 3 items' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Dots per person').inputValue()).toBe('3');
    expect(await dialog.getByLabel('Most dots on one item').inputValue()).toBe('2');
    // A maximum above the dots per person is caught next to its field.
    await dialog.getByLabel('Most dots on one item').fill('4');
    await dialog.getByRole('button', { name: 'Open the vote' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Choose from 1 to 3 (the dots per person).' }).waitFor();
    await dialog.getByLabel('Most dots on one item').fill('2');
    await dialog.getByLabel('Question').fill(QUESTION);
    await screenshot(host, 'voting-01-open-dialog');
    await dialog.getByRole('button', { name: 'Open the vote' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await voteBar(host).getByRole('heading', { name: QUESTION }).waitFor();

    // Everyone at the table sees the vote, with their dots.
    for (const page of [ana, ben]) {
      await voteBar(page).getByText('You have 3 dots left').waitFor();
      await voteBar(page).getByText('0 of 3 have voted', { exact: false }).waitFor();
      await expect.poll(() => page.locator('.vote-dots').count()).toBe(3);
    }
    await expect.poll(() => liveVote(ana).textContent()).toContain(`Dot vote open: ${QUESTION} You have 3 dots, at most 2 on one item.`);

    // Ana votes with the mouse: two on the first note (the most on one item), one on the second.
    await add(ana, NOTES[0]).click();
    await expect.poll(() => dots(ana, NOTES[0]).getAttribute('aria-label')).toBe(`Your dots on ${NOTES[0]}: 1 here, 2 of 3 left`);
    await add(ana, NOTES[0]).click();
    await expect.poll(() => dots(ana, NOTES[0]).getAttribute('aria-label')).toBe(`Your dots on ${NOTES[0]}: 2 here, 1 of 3 left`);
    // A press that cannot count (aria-disabled, still focusable) says why.
    await add(ana, NOTES[0]).press('Enter');
    await dots(ana, NOTES[0]).getByText('At most 2 dots on one item.').waitFor();
    await add(ana, NOTES[1]).click();
    await voteBar(ana).getByText('You have no dots left').waitFor();
    await add(ana, NOTES[2]).press('Enter');
    await dots(ana, NOTES[2]).getByText('All your 3 dots are placed: take one off another item first.').waitFor();
    await screenshot(ana, 'voting-02-participant-voting');
    await expectAccessible(ana, 'a participant voting');

    // Ben votes with the keyboard: one dot on the third note, then changes his mind and back.
    await add(ben, NOTES[2]).focus();
    await ben.keyboard.press('Enter');
    await expect.poll(() => dots(ben, NOTES[2]).getAttribute('aria-label')).toBe(`Your dots on ${NOTES[2]}: 1 here, 2 of 3 left`);
    await remove(ben, NOTES[2]).focus();
    await ben.keyboard.press('Space');
    await expect.poll(() => dots(ben, NOTES[2]).getAttribute('aria-label')).toBe(`Your dots on ${NOTES[2]}: 0 here, 3 of 3 left`);
    await add(ben, NOTES[2]).focus();
    await ben.keyboard.press('Enter');
    await voteBar(ben).getByText('You have 2 dots left').waitFor();
    await voteBar(host).getByText('2 of 3 have voted', { exact: false }).waitFor();
    await screenshot(host, 'voting-03-host-vote-open');

    // Before the reveal Ben's page knows nobody's dots but his own: no results, no ranking,
    // and every item's control counts only Ben's dots.
    await voteBar(ben).getByText('2 of 3 have voted', { exact: false }).waitFor();
    expect(await ben.locator('.vote-result, .vote-ranking').count()).toBe(0);
    expect(await dots(ben, NOTES[0]).getAttribute('aria-label')).toBe(`Your dots on ${NOTES[0]}: 0 here, 2 of 3 left`);
    expect(await dots(ben, NOTES[1]).getAttribute('aria-label')).toBe(`Your dots on ${NOTES[1]}: 0 here, 2 of 3 left`);
    expect(await ben.locator('.vote-count').allTextContents()).toEqual(['0', '0', '1']);
    expect(await ben.getByRole('region', { name: 'Table canvas' }).innerText()).not.toMatch(/\bdots?\b/);
    const barText = await voteBar(ben).innerText();
    expect(barText.replace('You have 2 dots left', '').replace('3 dots each', '')).not.toMatch(/\d dots?\b/);
    expect(await ben.evaluate(() => document.body.innerText)).not.toContain('Results');
    await screenshot(ben, 'voting-04-before-reveal');

    // The host reveals: each item shows its result, the sidebar ranks them, and it is announced.
    await voteBar(host).getByRole('button', { name: 'Reveal results' }).click();
    // The pressed button is gone: the keyboard stays in the vote bar, on its heading.
    await expect.poll(() => host.evaluate(() => document.activeElement?.textContent)).toBe(QUESTION);
    for (const page of [host, ana, ben]) {
      await expect.poll(() => page.locator('.vote-result').count()).toBe(3);
      expect(await sticky(page, NOTES[0]).locator('.vote-result').textContent()).toBe('2 dots');
      expect(await sticky(page, NOTES[1]).locator('.vote-result').textContent()).toBe('1 dot');
      expect(await sticky(page, NOTES[2]).locator('.vote-result').textContent()).toBe('1 dot');
      const ranking = page.getByRole('list', { name: 'Results, most dots first' });
      expect(await ranking.getByRole('listitem').allTextContents()).toEqual([
        `1${NOTES[0]}2 dots`,
        `2${NOTES[1]}1 dot`,
        `2${NOTES[2]}1 dot`,
      ]);
    }
    await expect.poll(() => liveVote(ben).textContent()).toContain(`Results revealed: ${QUESTION}`);
    expect(await ben.locator('.vote-dots').count()).toBe(0);
    await screenshot(ben, 'voting-05-results-participant');
    await screenshot(host, 'voting-06-results-host');
    await expectAccessible(ben, 'the results');

    // Closing asks once more, then the vote leaves every page.
    await voteBar(host).getByRole('button', { name: 'Close vote…' }).click();
    await host.getByRole('group', { name: 'Confirm closing the vote' }).getByRole('button', { name: 'Close it' }).click();
    for (const page of [host, ana, ben]) {
      await expect.poll(() => page.locator('.vote-bar, .vote-result, .vote-dots').count()).toBe(0);
    }
    await expect.poll(() => liveVote(ana).textContent()).toContain('The dot vote is closed.');
    await host.getByRole('button', { name: /^Dot vote on \d+ selected$/ }).waitFor();
    await expect.poll(() => host.evaluate(() => document.activeElement?.textContent)).toBe('Dot vote');
    await screenshot(host, 'voting-07-closed');
    expect(errors).toEqual([]);
  });
});
