/**
 * The presenter at the centre of a Tuning group, end to end in Chromium against a real server:
 * the host assigns the presenter in the lobby (the form says the role stands at Start), the
 * presenter asks the focusing question and everyone sees it on top of the panel, Start keeps the
 * presenter, everyone follows the presenter's view while they present (a zoom steps out), the scribe opens the notes with one button, skip links reach the toolbar, the canvas
 * and the side panel, and the record carries the focusing question. Screenshots: presenter-*.png.
 *
 * Needs the built client (`npm run build:client`) and Chromium at /usr/bin/chromium or $CHROMIUM_PATH.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@worktable/shared';
import { openControlClient, postJson, waitFor, type TestServer } from '@worktable/server/testing';
import { expectAccessible } from '../support/axe.js';
import { DESKTOP, joinByInvite, openPage, screenshot } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';
import { openSection } from '../support/sidePanel.js';

const POLL = { timeout: 10_000, interval: 50 };
const QUESTION = 'How can our rubric help students ask better questions of each other?';

describe('the presenter at the centre', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  const focusCard = (page: Page) => page.locator('.focus-question');
  const roleBadges = (page: Page) => page.locator('.protocol-badge').allTextContents();

  it('focusing question, presenter kept at Start, Open the notes, skip links, and the record', { timeout: 120_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Tuning: our rubric',
      protocol: 'tuning',
      hostName: 'Hana Host',
    });
    const host = await openPage(browser, server.url, DESKTOP, errors);
    await host.goto(`/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`);
    await host
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();
    const people: Page[] = [];
    for (const name of ['Ana Alvarez', 'Ben Brook', 'Cy Chen']) {
      const page = await openPage(browser, server.url, DESKTOP, errors);
      await joinByInvite(page, session.inviteUrl, name);
      people.push(page);
    }
    const [ana, ben] = people as [Page, Page, Page];

    // The host makes Ana the presenter in the lobby; the form says it stands at Start.
    const assign = host.getByRole('form', { name: 'Assign a role' });
    await assign.getByLabel('Role').selectOption({ label: 'Presenter' });
    await assign.getByLabel('Person').selectOption({ label: 'Ana Alvarez' });
    await host.getByText('Roles you assign now stand when the session starts').waitFor();
    await assign.getByRole('button', { name: 'Assign' }).click();
    await expect.poll(() => roleBadges(ana), POLL).toContain('Presenter');

    // Ana asks the focusing question; Ben sees who will ask it, then the question on top.
    await focusCard(ben).getByText('Ana Alvarez will ask the question').waitFor();
    await focusCard(ana).getByRole('textbox', { name: 'Focusing question' }).fill(QUESTION);
    await focusCard(ana).getByRole('button', { name: 'Ask the group' }).click();
    for (const page of [ben, host]) await focusCard(page).getByText(QUESTION).waitFor();
    await screenshot(ben, 'presenter-01-focusing-question');

    // Start keeps Ana as the presenter (she is not told she is no longer the presenter).
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    await ana
      .getByRole('region', { name: 'Current phase' })
      .getByRole('heading', { name: /·\s*Introduction$/ })
      .waitFor();
    await expect.poll(() => roleBadges(ana), POLL).toContain('Presenter');
    await focusCard(ana).getByText(QUESTION).waitFor();
    expect(await ana.getByText('You are no longer the presenter').count()).toBe(0);

    // The scribe opens the notes with one button: the notes document opens large.
    const pages = [host, ...people];
    let scribe: Page | undefined;
    await expect
      .poll(async () => {
        for (const page of pages) if ((await page.getByRole('button', { name: 'Open the notes' }).count()) > 0) scribe = page;
        return scribe !== undefined;
      }, POLL)
      .toBe(true);
    await scribe!.getByRole('button', { name: 'Open the notes' }).click();
    const expanded = scribe!.locator('dialog.dialog-expanded');
    await expanded.waitFor();
    await expect.poll(() => expanded.getAttribute('aria-label'), POLL).toMatch(/Notes — Tuning Protocol/);
    await screenshot(scribe!, 'presenter-02-open-notes');
    await scribe!.keyboard.press('Escape');

    // The feedback phase: Ana listens silently — no feedback or replies from her, a notes pad of her own instead.
    const control = openControlClient(server.url, session.hostToken);
    await waitFor(() => control.states.length > 0, 5_000, 'host control');
    // The presentation: everyone else follows Ana's view; a zoom of their own steps out.
    expect(await control.send({ action: 'next' })).toMatchObject({ ok: true });
    await openSection(ben, 'People');
    const followAna = ben.getByRole('button', { name: 'Stop following Ana Alvarez' });
    await expect.poll(() => followAna.getAttribute('aria-pressed'), POLL).toBe('true');
    await ben.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: 'Zoom in' }).click();
    await ben.getByRole('button', { name: 'Follow Ana Alvarez' }).waitFor();
    for (let i = 0; i < 4; i++) expect(await control.send({ action: 'next' })).toMatchObject({ ok: true });
    await ana
      .getByRole('region', { name: 'Current phase' })
      .getByRole('heading', { name: /·\s*Warm and cool feedback$/ })
      .waitFor();
    const notes = ana.getByRole('textbox', { name: 'Your notes while you listen (only you see them)' });
    await notes.fill('They want pairs first. Ask about timing.');
    await ben.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Sticky note' }).click();
    await ben.keyboard.type('Our draft rubric');
    await ben.keyboard.press('Escape');
    const benSticky = (page: Page) => page.getByRole('group', { name: /^Sticky note by Ben Brook/ });
    await benSticky(ben).focus();
    await openSection(ben, 'Feedback');
    const benFeedback = ben.getByRole('region', { name: 'Feedback', exact: true });
    await benFeedback.getByLabel('Your feedback').fill('The criteria name what good questions do.');
    await benFeedback.getByRole('button', { name: 'Add feedback' }).click();
    await benFeedback.getByText('The criteria name what good questions do.').waitFor();
    await benSticky(ana).focus();
    await openSection(ana, 'Feedback');
    const anaFeedback = ana.getByRole('region', { name: 'Feedback', exact: true });
    await anaFeedback.getByText('You listen silently in this phase').waitFor();
    expect(await anaFeedback.getByLabel('Your feedback').count()).toBe(0);
    await screenshot(ana, 'presenter-03-listening');
    await ana.reload();
    await expect.poll(() => notes.inputValue(), POLL).toBe('They want pairs first. Ask about timing.');

    // Skip links: the first Tabs reach them, and each lands where it says.
    await ben.reload();
    await ben
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();
    await ben.keyboard.press('Tab');
    const toToolbar = ben.getByRole('link', { name: 'Skip to the toolbar' });
    for (let i = 0; i < 6 && !(await toToolbar.evaluate((el) => el === document.activeElement)); i++) await ben.keyboard.press('Tab');
    await ben.keyboard.press('Enter');
    await expect
      .poll(() => ben.evaluate(() => document.activeElement?.closest('[role="toolbar"]')?.getAttribute('aria-label') ?? ''), POLL)
      .toBe('Add to the table');
    await ben.getByRole('link', { name: 'Skip to the side panel' }).focus();
    await ben.keyboard.press('Enter');
    await expect.poll(() => ben.evaluate(() => document.activeElement?.tagName), POLL).toBe('ASIDE');
    await expectAccessible(ben, 'the table with a focusing question');

    // The end: everyone sees what we did — the question, what we heard, the next steps (added from the summary).
    for (let i = 0; i < 3; i++) expect(await control.send({ action: 'next' })).toMatchObject({ ok: true });
    control.close();
    const summary = (page: Page) => page.getByRole('region', { name: 'What we did' });
    for (const page of [ana, ben]) {
      await summary(page).getByText(QUESTION).waitFor();
      await summary(page).getByText('Warm feedback (1)').waitFor();
      await summary(page).getByText('The criteria name what good questions do.').waitFor();
    }
    await summary(ben).getByRole('button', { name: 'Add next steps' }).click();
    const checklist = ben.getByRole('group', { name: /^Checklist by Ben Brook/ });
    await checklist.waitFor();
    await expect.poll(() => ben.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), POLL).toMatch(/^Item: /);
    await ben.keyboard.type('Try pairs first in week one');
    await summary(ana).getByText('Try pairs first in week one').waitFor();
    await screenshot(ana, 'presenter-04-end-summary');
    expect(await summary(ana).getByRole('button', { name: 'Export record' }).count()).toBe(0);

    // The record carries the focusing question.
    const record = await fetch(`${server.url}/api/sessions/${session.sessionId}/export?format=md`, {
      headers: { authorization: `Bearer ${session.hostToken}` },
    });
    expect(await record.text()).toContain(`**Focusing question:** ${QUESTION}`);
    for (const page of pages) await page.context().close();
    expect(errors).toEqual([]);
  });
});
