/**
 * Checklists and reactions end to end in Chromium. The host adds a checklist from the toolbar,
 * titles it and adds two items with the keyboard (Enter starts the next), sets an owner and a due
 * date and ticks one done; a participant sees all of it live. At its default size (320×260) and
 * opened large nothing spills out of the card. Then both react 👍 to it (the count is 2 for both,
 * `aria-pressed` right for each, names in the tooltip), undo takes a reaction back, a feedback
 * thread gets a reaction too; with anonymous reactions on, a new reaction (given through the
 * server) still counts, can be taken back, and no name is shown anywhere; an observer sees the
 * counts but cannot react. axe finds no serious problem.
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
const TITLE = 'Next steps for the unit';
const FIRST = 'Share the rubric with families';
const SECOND = 'Collect exit tickets';

describe('checklists and reactions on the table', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];

  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  const checklist = (page: Page) => page.getByRole('group', { name: /^Checklist by Hana Host/ });
  const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  const reactions = (scope: Locator) => scope.getByRole('group', { name: 'Reactions' });
  /** The toggle of reaction `label` ("Agree") in `scope`, whatever its count. */
  const reaction = (scope: Locator, label: string) => reactions(scope).getByRole('button', { name: new RegExp(`^${label}[ ,(]`) });
  /** Whether the card's content fits it: no sideways overflow, and "Add item" inside the card. */
  const fits = (frame: Locator) =>
    frame.evaluate((el) => {
      const card = el.querySelector('.artifact-card')!.getBoundingClientRect();
      const body = el.querySelector<HTMLElement>('.checklist-body')!;
      const add = el.querySelector('.checklist-add')?.getBoundingClientRect();
      return body.scrollWidth <= body.clientWidth && (!add || (add.bottom <= card.bottom && add.right <= card.right));
    });
  /** Selects an artifact the way the keyboard does (focusing its frame). */
  const select = (frame: Locator) => frame.evaluate((el: HTMLElement) => el.focus());

  it('is written together, fits its card, and takes reactions (named, then anonymous)', { timeout: 150_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Next steps',
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

    // A new checklist takes the focus in its title; Enter starts the first item, and the next.
    await host.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Checklist' }).click();
    const hostList = checklist(host);
    await hostList.waitFor();
    expect(await hostList.evaluate((el: HTMLElement) => [el.style.width, el.style.height])).toEqual(['320px', '260px']);
    await expect.poll(() => focusedLabel(host), POLL).toBe('Checklist title');
    await hostList.getByText('No items yet').waitFor();
    await screenshot(host, 'checklist-01-new');
    await host.keyboard.type(TITLE);
    await host.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(host), POLL).toBe('Item: untitled item');
    await host.keyboard.type(FIRST);
    await host.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(host), POLL).toBe('Item: untitled item');
    await host.keyboard.type(SECOND);
    // Backspace in an empty item removes it and goes back to the one before.
    await host.keyboard.press('Enter');
    await host.keyboard.press('Backspace');
    await expect.poll(() => focusedLabel(host), POLL).toBe(`Item: ${SECOND}`);
    expect(await hostList.getByRole('listitem').count()).toBe(2);

    await hostList.getByRole('textbox', { name: `Who does “${FIRST}”` }).fill('Ana Alvarez');
    await hostList.getByLabel(`By when: ${FIRST}`).fill('2030-12-01');
    await hostList.getByRole('checkbox', { name: `Done: ${SECOND}` }).check();
    await hostList.getByText('1 of 2 done').waitFor();
    expect(await fits(hostList)).toBe(true);
    await screenshot(host, 'checklist-02-items');

    // Ana sees all of it live.
    const anaList = checklist(ana);
    await expect.poll(() => anaList.getByRole('textbox', { name: 'Checklist title' }).inputValue(), POLL).toBe(TITLE);
    await expect.poll(() => anaList.getByRole('textbox', { name: `Item: ${FIRST}` }).inputValue(), POLL).toBe(FIRST);
    await expect.poll(() => anaList.getByRole('checkbox', { name: `Done: ${SECOND}` }).isChecked(), POLL).toBe(true);
    expect(await anaList.getByRole('checkbox', { name: `Done: ${FIRST}` }).isChecked()).toBe(false);
    await anaList.getByText('1 of 2 done').waitFor();
    // Not selected, owners and dates read as text (unset ones take no room)…
    await anaList.locator('.checklist-meta').filter({ hasText: 'Ana Alvarez' }).getByText('by Dec 1, 2030').waitFor();
    expect(await anaList.locator('.checklist-meta').count()).toBe(1);
    await screenshot(ana, 'checklist-03-participant-sees');
    // …selected, they are fields.
    await select(anaList);
    expect(await anaList.getByRole('textbox', { name: `Who does “${FIRST}”` }).inputValue()).toBe('Ana Alvarez');
    expect(await anaList.getByLabel(`By when: ${FIRST}`).inputValue()).toBe('2030-12-01');
    expect(await anaList.getByRole('textbox', { name: `Who does “${SECOND}”` }).inputValue()).toBe('');
    await ana.getByRole('region', { name: 'Table canvas' }).focus();
    await ana.keyboard.press('Escape');

    // Opened large, it stays tidy; Escape returns to the canvas.
    await select(hostList);
    await host.keyboard.press('Enter');
    const opened = host.getByRole('dialog', { name: /^Checklist by Hana Host/ });
    await opened.getByRole('textbox', { name: `Item: ${FIRST}` }).waitFor();
    expect(await opened.locator('.checklist-body').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await screenshot(host, 'checklist-04-expanded');
    await expectAccessible(host, 'a checklist opened large');
    await host.keyboard.press('Escape');
    await opened.waitFor({ state: 'hidden' });

    // Both react 👍: the count is 2 for both, each sees their own as pressed.
    await select(hostList);
    await reaction(hostList, 'Agree').click();
    await expect.poll(() => reaction(hostList, 'Agree').getAttribute('aria-label'), POLL).toBe('Agree (you)');
    expect(await reaction(hostList, 'Agree').getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => host.locator('.artifact-reactions [role="status"]').textContent(), POLL)
      .toBe('You reacted “Agree”. 1 person in all.');
    // Not selected, Ana sees the compact count (and hears who).
    await anaList.locator('.reaction-summary').getByText('Reactions: Agree 1 (Hana Host)').waitFor();
    expect(await anaList.locator('.reaction-summary .reaction-chip').getAttribute('title')).toBe('Agree: Hana Host');
    await select(anaList);
    await expect.poll(() => reaction(anaList, 'Agree').getAttribute('aria-label'), POLL).toBe('Agree, 1 person');
    expect(await reaction(anaList, 'Agree').getAttribute('aria-pressed')).toBe('false');
    // Ana uses the keyboard.
    await reaction(anaList, 'Agree').focus();
    await ana.keyboard.press('Enter');
    await expect.poll(() => reaction(anaList, 'Agree').getAttribute('aria-label'), POLL).toBe('Agree (you and 1 other)');
    expect(await reaction(anaList, 'Agree').getAttribute('aria-pressed')).toBe('true');
    expect(await reaction(anaList, 'Agree').locator('.reaction-count').getAttribute('data-count')).toBe('2');
    await expect.poll(() => reaction(hostList, 'Agree').getAttribute('aria-label'), POLL).toBe('Agree (you and 1 other)');
    expect(await reaction(hostList, 'Agree').getAttribute('aria-pressed')).toBe('true');
    expect(await reaction(hostList, 'Agree').getAttribute('title')).toBe('Agree: You and Ana Alvarez');
    expect(await reaction(anaList, 'Agree').getAttribute('title')).toBe('Agree: You and Hana Host');
    await screenshot(host, 'checklist-05-reactions-selected');
    await screenshot(ana, 'checklist-06-reactions-participant');
    await expectAccessible(ana, 'reactions on a selected checklist');

    // A reaction is a toggle: pressing it again takes it back.
    await reaction(hostList, 'Love this').click();
    await expect.poll(() => reaction(anaList, 'Love this').getAttribute('aria-label'), POLL).toBe('Love this, 1 person');
    await reaction(hostList, 'Love this').click();
    await expect.poll(() => reaction(anaList, 'Love this').getAttribute('aria-label'), POLL).toBe('Love this, nobody yet');
    expect(await reaction(hostList, 'Agree').getAttribute('aria-pressed')).toBe('true');

    // Feedback threads have the same bar.
    await openSection(host, 'Feedback');
    await openSection(ana, 'Feedback');
    const hostFeedback = host.getByRole('region', { name: 'Feedback' });
    await hostFeedback.getByLabel('Your feedback').fill('Who tells the families?');
    await hostFeedback.getByRole('button', { name: 'Add feedback' }).click();
    const anaThread = ana
      .getByRole('region', { name: 'Feedback' })
      .locator('.feedback-thread')
      .filter({ hasText: 'Who tells the families?' });
    await anaThread.waitFor();
    await reaction(anaThread, 'Raises a question').click();
    const hostThread = hostFeedback.locator('.feedback-thread').filter({ hasText: 'Who tells the families?' });
    await expect.poll(() => reaction(hostThread, 'Raises a question').getAttribute('aria-label'), POLL).toBe('Raises a question, 1 person');
    expect(await reaction(hostThread, 'Raises a question').getAttribute('title')).toBe('Raises a question: Ana Alvarez');
    await screenshot(host, 'checklist-07-thread-reaction');

    // The host makes reactions anonymous: a new one still counts, and no name is shown.
    await openSection(host, 'People');
    await host.getByRole('region', { name: 'Session settings' }).getByLabel('Anonymous reactions').check();
    await host.getByText('Reactions are shown without names.').waitFor();
    await expect.poll(() => reaction(anaList, 'Agree').getAttribute('title'), POLL).toBe('Agree');
    await reaction(anaList, 'Important').click();
    await expect.poll(() => reaction(anaList, 'Important').getAttribute('aria-label'), POLL).toBe('Important (you)');
    await expect.poll(() => reaction(hostList, 'Important').getAttribute('aria-label'), POLL).toBe('Important, 1 person');
    expect(await reaction(hostList, 'Important').getAttribute('aria-pressed')).toBe('false');
    // An anonymous reaction (given and taken back through the server) is taken back, and given again.
    await reaction(anaList, 'Important').click();
    await expect.poll(() => reaction(hostList, 'Important').getAttribute('aria-label'), POLL).toBe('Important, nobody yet');
    await expect.poll(() => reaction(anaList, 'Important').getAttribute('aria-pressed'), POLL).toBe('false');
    await reaction(anaList, 'Important').click();
    await expect.poll(() => reaction(hostList, 'Important').getAttribute('aria-label'), POLL).toBe('Important, 1 person');
    expect(await reaction(hostList, 'Agree').getAttribute('aria-label')).toBe('Agree (you and 1 other)');
    // Ana takes back her 👍 given with her name, and gives it again (now anonymously): still 2.
    await reaction(anaList, 'Agree').click();
    await expect.poll(() => reaction(hostList, 'Agree').getAttribute('aria-label'), POLL).toBe('Agree (you)');
    await reaction(anaList, 'Agree').click();
    await expect.poll(() => reaction(hostList, 'Agree').getAttribute('aria-label'), POLL).toBe('Agree (you and 1 other)');
    expect(await reaction(anaList, 'Agree').getAttribute('aria-label')).toBe('Agree (you and 1 other)');
    // No names in any reaction: titles, the thread's bar, the compact summary of an unselected item.
    for (const page of [host, ana]) {
      const titles = await page
        .locator('.reaction-bar .reaction, .reaction-chip')
        .evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? ''));
      expect(titles.length).toBeGreaterThan(0);
      for (const title of titles) expect(title).not.toMatch(/Hana|Ana|You/);
    }
    await host.getByRole('region', { name: 'Table canvas' }).focus();
    await host.keyboard.press('Escape');
    const summary = hostList.locator('.reaction-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toBe('Reactions: Agree 2, Important 1👍2⭐1');
    await screenshot(host, 'checklist-08-anonymous-compact');
    await screenshot(ana, 'checklist-09-anonymous-participant');

    // An observer sees the counts but has no reaction buttons.
    const olu = await openPage(browser, server.url, DESKTOP, errors);
    await joinByInvite(olu, session.inviteUrl, 'Olu Observer', true);
    const oluList = checklist(olu);
    await oluList.locator('.reaction-summary').waitFor();
    await select(oluList);
    expect(await oluList.locator('.reaction-summary').textContent()).toBe('Reactions: Agree 2, Important 1👍2⭐1');
    expect(await olu.locator('.reaction-bar').count()).toBe(0);
    await openSection(olu, 'Feedback');
    await olu.getByRole('region', { name: 'Feedback' }).locator('.thread-reactions').waitFor();
    expect(await oluList.getByRole('checkbox', { name: `Done: ${SECOND}` }).isDisabled()).toBe(true);
    await screenshot(olu, 'checklist-10-observer');
    await expectAccessible(olu, 'an observer looking at a checklist');

    // Many items at the default size: the list scrolls, the title and "Add item" stay in the card.
    await select(hostList);
    await hostList.getByRole('textbox', { name: `Item: ${SECOND}` }).focus();
    for (const text of ['Book the library', 'Send the survey', 'Plan the next visit', 'Write up the protocol notes']) {
      await host.keyboard.press('Enter');
      await host.keyboard.type(text);
    }
    await hostList.getByText('1 of 6 done').waitFor();
    expect(await fits(hostList)).toBe(true);
    expect(await hostList.locator('.checklist-items').evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    expect(await hostList.getByRole('textbox', { name: 'Checklist title' }).isVisible()).toBe(true);
    await screenshot(host, 'checklist-11-many-items');

    // In a dot vote, the reactions sit under the vote's − + control, which keeps its place.
    await openSection(host, 'Notes');
    await host.getByRole('button', { name: 'Dot vote on 1 selected' }).click();
    const voteDialog = host.getByRole('dialog', { name: 'Dot vote on 1 item' });
    await voteDialog.getByRole('button', { name: 'Open the vote' }).click();
    await voteDialog.waitFor({ state: 'hidden' });
    await select(hostList);
    const dotsBox = await hostList.locator('.vote-dots').boundingBox();
    const cardBox = await hostList.locator('.artifact-card').boundingBox();
    const barBox = await reactions(hostList).boundingBox();
    if (!dotsBox || !cardBox || !barBox) throw new Error('vote control, card or reactions not shown');
    expect(dotsBox.y).toBeGreaterThanOrEqual(cardBox.y + cardBox.height);
    expect(dotsBox.x).toBeCloseTo(cardBox.x, 0);
    expect(barBox.y).toBeGreaterThanOrEqual(dotsBox.y + dotsBox.height);
    await screenshot(host, 'checklist-12-vote-and-reactions');
    expect(errors).toEqual([]);
  });
});
