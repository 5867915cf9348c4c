/**
 * A Tuning group of five runs the whole protocol in Worktable, end to end in Chromium against a
 * real server, each person in their own browser context, through the UI from the invite link to
 * the record: the host makes Ana the presenter in the lobby and Start keeps her; Ana asks the
 * focusing question and puts a data table on the table; everyone follows her view while she
 * presents; private notes are revealed where nothing hides them (checked with `elementFromPoint`
 * at each note's centre, on every screen); a dot vote built by clicking each note names them and
 * goes out on them; feedback shows as counted badges on the board; Ana listens silently while the
 * group gives feedback; the end summary gathers the question, what we heard and the next steps,
 * and the record leads with them, keeps the data table's header and the vote. axe on each screen
 * and dialog. Screenshots: tuning-*.png.
 *
 * Needs the built client (`npm run build:client`) and Chromium at /usr/bin/chromium or $CHROMIUM_PATH.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@worktable/shared';
import { postJson, type TestServer } from '@worktable/server/testing';
import { expectAccessible } from '../support/axe.js';
import { DESKTOP, joinByInvite, openPage, screenshot } from '../support/browser.js';
import { openSection, writeFeedback } from '../support/sidePanel.js';
import { withServerAndBrowser } from '../support/suite.js';

const POLL = { timeout: 15_000, interval: 50 };
const QUESTION = 'Do our exit tickets tell us who needs help tomorrow?';
const NOTES = { 'Ben Brook': 'Ask one question only', 'Cy Chen': 'Collect them at the door', 'Dee Diaz': 'Sort into three piles' } as const;

describe('a Tuning group of five', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  const roleBadges = (page: Page) => page.locator('.protocol-badge').allTextContents();
  const phaseHeading = (page: Page, title: string) =>
    page.getByRole('region', { name: 'Current phase' }).getByRole('heading', { name: new RegExp(`·\\s*${title}$`) });
  const noteOf = (page: Page, author: string) =>
    page.locator('.canvas-world > .artifact-sticky').filter({ has: page.locator('.artifact-creator', { hasText: author }) });
  const dataTable = (page: Page) => page.getByRole('group', { name: /^Data table by Ana Alvarez/ });
  const summary = (page: Page) => page.getByRole('region', { name: 'What we did' });

  /** The id of the item whose frame is on top at the centre of `item` (what a click there reaches). */
  const topmostAtCentre = async (page: Page, item: Locator): Promise<string | null> => {
    const box = await item.boundingBox();
    if (!box) return null;
    return page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest<HTMLElement>('[data-artifact-id]')?.dataset.artifactId ?? null,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
  };

  /** The host's Next (confirming "Move on" when asked), until the phase `title` shows. */
  const next = async (host: Page, title: string): Promise<void> => {
    await openSection(host, 'Phase');
    await openSection(host, 'Phase');
    await host.getByRole('group', { name: 'Phases' }).getByRole('button', { name: 'Next', exact: true }).click();
    const moveOn = host.getByRole('button', { name: 'Move on' });
    if (await moveOn.isVisible().catch(() => false)) await moveOn.click();
    await phaseHeading(host, title).waitFor();
  };

  it('runs the protocol from the invite link to the record', { timeout: 300_000 }, async () => {
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
    const byName = new Map<string, Page>();
    for (const name of ['Ana Alvarez', 'Ben Brook', 'Cy Chen', 'Dee Diaz']) {
      const page = await openPage(browser, server.url, DESKTOP, errors);
      await joinByInvite(page, session.inviteUrl, name);
      byName.set(name, page);
    }
    const ana = byName.get('Ana Alvarez')!;
    const ben = byName.get('Ben Brook')!;
    const dee = byName.get('Dee Diaz')!;
    const everyone = [host, ...byName.values()];

    // The lobby: the host makes Ana the presenter; she asks the focusing question and puts her data on the table.
    const assign = host.getByRole('form', { name: 'Assign a role' });
    await assign.getByLabel('Role').selectOption({ label: 'Presenter' });
    await assign.getByLabel('Person').selectOption({ label: 'Ana Alvarez' });
    await assign.getByRole('button', { name: 'Assign' }).click();
    await expect.poll(() => roleBadges(ana), POLL).toContain('Presenter');
    const focus = ana.locator('.focus-question');
    await focus.getByRole('textbox', { name: 'Focusing question' }).fill(QUESTION);
    await focus.getByRole('button', { name: 'Ask the group' }).click();
    for (const page of everyone) await page.locator('.focus-question').getByText(QUESTION).waitFor();
    await ana.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Data table' }).click();
    const cell = (page: Page, name: string) => dataTable(page).getByRole('textbox', { name, exact: true });
    await cell(ana, 'Name of column 1').click();
    await ana.keyboard.press('Control+a');
    await ana.keyboard.type('Criterion');
    await cell(ana, 'Row 1, column 1').click();
    await ana.keyboard.type('Names the skill');
    await ana.keyboard.press('Escape');
    await expect.poll(() => cell(dee, 'Name of column 1').inputValue(), POLL).toBe('Criterion');
    await screenshot(ana, 'tuning-01-lobby');
    await expectAccessible(ana, 'the lobby with a focusing question and a data table');

    // Start keeps the presenter the host chose.
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    await phaseHeading(ana, 'Introduction').waitFor();
    expect(await roleBadges(ana)).toContain('Presenter');
    expect(await ana.getByText('You are no longer the presenter').count()).toBe(0);

    // The presentation: everyone else follows Ana's view.
    await next(host, 'Presentation');
    await openSection(ben, 'People');
    await expect
      .poll(() => ben.getByRole('button', { name: 'Stop following Ana Alvarez' }).getAttribute('aria-pressed'), POLL)
      .toBe('true');

    // Private writing: three notes, revealed on everyone's table where nothing hides them.
    await openSection(host, 'Notes');
    await host.getByRole('button', { name: 'Start private writing' }).click();
    for (const [name, text] of Object.entries(NOTES)) {
      const page = byName.get(name)!;
      await page.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Sticky note' }).click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL)
        .toBe(`Sticky note text by ${name}`);
      await page.keyboard.type(text);
      await page.keyboard.press('Escape');
    }
    await host.getByRole('button', { name: 'Reveal', exact: true }).click();
    await host.getByRole('button', { name: 'Reveal now' }).click();
    for (const page of everyone) {
      for (const name of Object.keys(NOTES)) await noteOf(page, name).waitFor();
      await page.getByRole('button', { name: 'Fit' }).click();
    }
    for (const page of everyone) {
      for (const name of Object.keys(NOTES)) {
        const note = noteOf(page, name);
        await expect
          .poll(async () => (await topmostAtCentre(page, note)) === (await note.getAttribute('data-artifact-id')), POLL)
          .toBe(true);
      }
    }
    await screenshot(ben, 'tuning-02-revealed');

    // A dot vote built by clicking each note: the dialog names them, and the vote goes out on them.
    await noteOf(host, 'Ben Brook').locator('.artifact-creator').click();
    for (const name of ['Cy Chen', 'Dee Diaz'])
      await noteOf(host, name)
        .locator('.artifact-creator')
        .click({ modifiers: ['Shift'] });
    await openSection(host, 'Notes');
    await host.getByRole('button', { name: 'Dot vote on 3 selected' }).click();
    const dialog = host.getByRole('dialog', { name: 'Dot vote on 3 items' });
    await dialog.waitFor();
    const named = await dialog.getByRole('list', { name: 'Items in the vote' }).getByRole('listitem').allTextContents();
    for (const text of Object.values(NOTES)) expect(named.join(' | ')).toContain(text);
    await dialog.getByLabel(/^Question/).fill('Which first?');
    await expectAccessible(host, 'the dot vote dialog');
    await dialog.getByRole('button', { name: 'Open the vote' }).click();
    for (const name of Object.keys(NOTES)) await noteOf(ben, name).getByRole('button', { name: 'Add a dot' }).waitFor();
    expect(await dataTable(ben).getByRole('button', { name: 'Add a dot' }).count()).toBe(0);
    await noteOf(ben, 'Cy Chen').getByRole('button', { name: 'Add a dot' }).click();
    await noteOf(dee, 'Cy Chen').getByRole('button', { name: 'Add a dot' }).click();
    await screenshot(ben, 'tuning-03-vote');
    await host.getByRole('button', { name: 'Reveal results' }).click();
    await host.getByRole('button', { name: 'Close vote…' }).click();
    await host.getByRole('group', { name: 'Confirm closing the vote' }).getByRole('button', { name: 'Close it' }).click();

    // Examine the work: feedback on Ana's table, counted by type on its badge for everyone.
    await next(host, 'Clarifying questions');
    await next(host, 'Examine the work');
    for (const [page, type, text] of [
      [ben, 'Warm feedback', 'Clear criteria for each pile'],
      [byName.get('Cy Chen')!, 'Cool feedback', 'Timing is tight at the door'],
    ] as const)
      await writeFeedback(page, dataTable(page), type, text);
    const badge = dataTable(dee).locator('.feedback-badge');
    await expect.poll(() => badge.getAttribute('data-feedback-count'), POLL).toBe('2');
    expect(await badge.textContent()).toMatch(/Warm 1.*Cool 1/);
    await expect.poll(() => dee.getByRole('tab', { name: /^Feedback/ }).textContent(), POLL).toBe('Feedback 2');
    await screenshot(dee, 'tuning-04-feedback-badges');

    // The group gives feedback: Ana listens silently — no feedback form for her, her own notes pad instead.
    await next(host, 'Pause to reflect');
    await next(host, 'Warm and cool feedback');
    await dataTable(ana).locator('.artifact-creator').click();
    await openSection(ana, 'Feedback');
    const anaFeedback = ana.getByRole('region', { name: 'Feedback', exact: true });
    await anaFeedback.getByText('You listen silently in this phase').waitFor();
    expect(await anaFeedback.getByLabel('Your feedback').count()).toBe(0);
    await openSection(ana, 'Phase');
    await ana.getByRole('textbox', { name: 'Your notes while you listen (only you see them)' }).fill('Timing: try the last five minutes.');
    await expectAccessible(ana, 'the presenter listening silently');

    // The end: everyone sees what we did; Dee adds the next step from the summary.
    await next(host, 'Presenter reflection');
    await next(host, 'Debrief');
    await openSection(host, 'Phase');
    await host.getByRole('group', { name: 'Phases' }).getByRole('button', { name: 'Next', exact: true }).click();
    const moveOn = host.getByRole('button', { name: 'Move on' });
    if (await moveOn.isVisible().catch(() => false)) await moveOn.click();
    for (const page of everyone) {
      await summary(page).getByText(QUESTION).waitFor();
      await summary(page).getByText('Warm feedback (1)').waitFor();
      await summary(page).getByText('Cool feedback (1)').waitFor();
    }
    await summary(dee).getByRole('button', { name: 'Add next steps' }).click();
    await expect.poll(() => dee.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), POLL).toMatch(/^Item: /);
    await dee.keyboard.type('Pilot the three piles in week one');
    for (const page of everyone) await summary(page).getByText('Pilot the three piles in week one').waitFor();
    await screenshot(ana, 'tuning-05-end-summary');
    await expectAccessible(ana, 'the end summary');

    // The record leads with the summary, keeps the data table's header and the vote.
    const response = await fetch(`${server.url}/api/sessions/${session.sessionId}/export?format=md`, {
      headers: { authorization: `Bearer ${session.hostToken}` },
    });
    const record = await response.text();
    const at = (text: string) => {
      const index = record.indexOf(text);
      expect(index, `the record holds “${text}”`).toBeGreaterThanOrEqual(0);
      return index;
    };
    expect(at(QUESTION)).toBeLessThan(at('Clear criteria for each pile'));
    expect(at('Pilot the three piles in week one')).toBeLessThan(at('| Criterion'));
    at('Timing is tight at the door');
    at('Names the skill');
    at('Which first?');
    for (const page of everyone) await page.context().close();
    expect(errors).toEqual([]);
  });
});
