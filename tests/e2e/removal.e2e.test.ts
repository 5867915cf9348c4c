/**
 * Removing people and sessions, and the roaming host's visit, end to end in real Chromium against a
 * real server. A host and two participants (Ana, Ben) at one table: the host removes Ana after a
 * confirmation (Escape cancels it first); Ana's page says the host removed her and stops taking
 * edits, her link stops working, what she put on the table stays, and Ben carries on. Then a
 * convening with two tables and a timer per table (three more people on sockets only): the host's
 * page visits Table 2, whose phase and timer the protocol panel then shows, and pauses it from
 * the panel; Table 1 keeps running; back at the plenary the panel follows the round clock again.
 * Last, the host deletes the session after typing its title (a wrong title is refused): the host
 * lands on the home page with "Session deleted", Ben's page says the host deleted the session, and
 * opening the session again says it no longer exists. axe finds no serious or critical violations.
 * Screenshots (removal-*.png) land in tests/e2e/screenshots/ (gitignored).
 *
 * Needs the built client (`npm run build:client`) and Chromium at /usr/bin/chromium or $CHROMIUM_PATH.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse, JoinSessionResponse } from '@worktable/shared';
import { openControlClient, type ControlClient, postJson, waitFor, type TestServer } from '@worktable/server/testing';
import { DESKTOP, joinByInvite, openPage, screenshot } from '../support/browser.js';
import { expectAccessible } from '../support/axe.js';
import { withServerAndBrowser } from '../support/suite.js';
import { openSection } from '../support/sidePanel.js';

/** How long live changes may take to show up in a browser (the machine may be shared). */
const POLL = { timeout: 10_000, interval: 50 };

describe('removal: the host removes a participant, visits a table, deletes the session', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  const controls: ControlClient[] = [];

  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  const addTool = (page: Page, name: string) =>
    page.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name, exact: true }).click();
  const sticky = (page: Page, by: string) => page.getByRole('textbox', { name: `Sticky note text by ${by}` });
  const focusedLabel = (page: Page) =>
    page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null);
  const place = (page: Page) => page.locator('.session-place');
  const phaseStep = (page: Page) => page.locator('.protocol-phase-step');
  const timerLabel = (page: Page) => page.getByRole('timer').getAttribute('aria-label');
  const identityOf = (page: Page, sessionId: string) =>
    page.evaluate(
      (id) => JSON.parse(localStorage.getItem(`worktable:identity:${id}`) ?? '{}') as { participantId: string; token: string },
      sessionId,
    );

  /** Writes a sticky note as `by` and waits until `reader` sees it. */
  async function putSticky(page: Page, by: string, text: string, reader: Page): Promise<void> {
    await addTool(page, 'Sticky note');
    await expect.poll(() => focusedLabel(page), POLL).toBe(`Sticky note text by ${by}`);
    await page.keyboard.type(text);
    await expect.poll(() => sticky(reader, by).inputValue(), POLL).toBe(text);
  }

  it('removes Ana, follows a visited table’s clock, and deletes the session for everyone', { timeout: 150_000 }, async () => {
    const title = 'Tuning: Grade 9 essay unit';
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title,
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
    await joinByInvite(ben, session.inviteUrl, 'Ben Brook');
    const anaIdentity = await identityOf(ana, session.sessionId);

    // Ana puts a note on the table; it stays after she is removed.
    await putSticky(ana, 'Ana Alvarez', 'Ana: the rubric needs an example.', host);

    // Only the host has Remove buttons, never for themselves.
    await openSection(host, 'People');
    const list = host.getByRole('list', { name: 'Participants' });
    await list.getByRole('button', { name: 'Remove Ben Brook' }).waitFor();
    const removeAna = list.getByRole('button', { name: 'Remove Ana Alvarez' });
    await removeAna.waitFor();
    expect(await list.getByRole('button', { name: 'Remove Hana Host' }).count()).toBe(0);
    expect(await ben.getByRole('button', { name: /^Remove / }).count()).toBe(0);

    // The confirmation says what happens; Cancel has the focus; Escape cancels and gives focus back.
    await removeAna.click();
    const confirm = host.getByRole('dialog', { name: 'Remove Ana Alvarez from the session?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(
      'Their connection closes and their link stops working. What they put on the table stays.',
    );
    await expect.poll(() => focusedLabel(host), POLL).toBe('Cancel');
    await screenshot(host, 'removal-01-confirm-remove');
    await expectAccessible(host, 'remove confirmation');
    await host.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => focusedLabel(host), POLL).toBe('Remove Ana Alvarez');
    expect(await list.getByText('Ana Alvarez').count()).toBe(1);

    // With the keyboard this time: Enter opens, Shift+Tab reaches Remove, Enter removes.
    await host.keyboard.press('Enter');
    await confirm.waitFor();
    await host.keyboard.press('Shift+Tab');
    await expect.poll(() => focusedLabel(host), POLL).toBe('Remove Ana Alvarez');
    await host.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await host.getByRole('status').filter({ hasText: 'Ana Alvarez was removed from the session.' }).waitFor();
    await expect.poll(() => list.getByText('Ana Alvarez').count(), POLL).toBe(0);
    await expect.poll(() => focusedLabel(host), POLL).toMatch(/^Participants/);
    expect(await sticky(host, 'Ana Alvarez').inputValue()).toBe('Ana: the rubric needs an example.');
    await screenshot(host, 'removal-02-host-after-removal');

    // Ana's page: the host removed her; nothing there can change the table any more.
    await ana.getByRole('alert').filter({ hasText: 'Connection closed: removed from the session by the host.' }).waitFor();
    await ana.getByRole('alert').filter({ hasText: 'You are no longer part of this session, so the timer and roles stop here.' }).waitFor();
    await expect.poll(() => ana.getByRole('toolbar', { name: 'Add to the table' }).count(), POLL).toBe(0);
    expect(await sticky(ana, 'Ana Alvarez').isEditable()).toBe(false);
    await ana.getByRole('link', { name: 'Go to the home page' }).waitFor();
    await screenshot(ana, 'removal-03-removed-participant');
    await expectAccessible(ana, 'removed participant');
    const refused = await fetch(`${server.url}/api/sessions/${session.sessionId}`, {
      headers: { authorization: `Bearer ${anaIdentity.token}` },
    });
    expect(refused.status).toBe(403);
    await ana.reload();
    await ana.getByRole('heading', { level: 1, name: 'You are no longer part of this session' }).waitFor();
    expect(await ana.getByRole('link', { name: 'Join again' }).count()).toBe(0);
    await screenshot(ana, 'removal-04-removed-participant-reload');
    await ana.context().close();

    // Ben carries on.
    await putSticky(ben, 'Ben Brook', 'Ben: try peer review first.', host);
    expect(await ben.getByRole('alert').filter({ hasText: 'Connection closed' }).count()).toBe(0);

    // The host makes a new invite link: the old one (the one Ana kept) no longer lets anyone in.
    await openSection(host, 'People');
    const inviteField = host.getByRole('region', { name: 'Invite' }).getByRole('textbox', { name: 'Invite link' });
    const oldLink = await inviteField.inputValue();
    await host.getByRole('button', { name: 'New invite link' }).click();
    await host.getByRole('group', { name: 'Make a new invite link' }).getByRole('button', { name: 'Make a new link' }).click();
    await expect.poll(() => inviteField.inputValue(), POLL).not.toBe(oldLink);
    const inviteCode = new URL(await inviteField.inputValue()).searchParams.get('code') ?? '';
    expect(inviteCode).not.toBe(session.inviteCode);
    const stale = await postJson(`${server.url}/api/sessions/${session.sessionId}/join`, {
      inviteCode: session.inviteCode,
      name: 'Ana Again',
    });
    expect(stale.status).toBe(403);
    await screenshot(host, 'removal-04b-new-invite-link');

    // A convening: three more people (sockets only), two tables, a timer per table.
    const others: ControlClient[] = [];
    for (const name of ['Cy Chen', 'Dee Diaz', 'Eve Ekwe']) {
      const joined = await postJson<JoinSessionResponse>(`${server.url}/api/sessions/${session.sessionId}/join`, { inviteCode, name });
      expect(joined.status).toBe(201);
      const control = openControlClient(server.url, joined.body.token);
      controls.push(control);
      others.push(control);
    }
    const hostControl = openControlClient(server.url, session.hostToken);
    controls.push(hostControl);
    await waitFor(
      () => others.every((c) => c.states.length > 0) && hostControl.states.length > 0,
      5_000,
      'everyone on the control channel',
    );
    expect(await hostControl.send({ action: 'seat', tableCount: 2, clock: 'perTable' })).toMatchObject({ ok: true });
    expect(await hostControl.send({ action: 'startRound' })).toMatchObject({ ok: true });
    await waitFor(() => others.every((c) => c.latest()?.status === 'running'), 5_000, 'round 1 running');
    // Table 2 moves one phase on, so the two tables show different phases.
    expect(await hostControl.send({ action: 'next', tableId: 'table-2' })).toMatchObject({ ok: true });
    const atTable = (tableId: string) => others.filter((c) => c.latest()?.tableId === tableId);
    expect(atTable('table-1').length).toBeGreaterThan(0);
    expect(atTable('table-2').length).toBeGreaterThan(0);
    await waitFor(() => atTable('table-2').every((c) => c.latest()?.phaseIndex === 1), 5_000, 'table 2 in its second phase');

    // The host's page at the plenary follows the round clock (Table 1's run).
    await expect.poll(() => place(host).textContent(), POLL).toBe('Plenary · Round 1');
    await expect.poll(() => phaseStep(host).textContent(), POLL).toMatch(/^1 \//);

    // Visiting Table 2: the panel shows its phase and timer, and Pause acts on it alone.
    await host.getByLabel('Looking at').selectOption('table-2');
    await expect.poll(() => place(host).textContent(), POLL).toBe('Table 2 · Round 1');
    await expect.poll(() => phaseStep(host).textContent(), POLL).toMatch(/^2 \//);
    await openSection(host, 'Phase');
    await host.getByRole('group', { name: 'Timer' }).getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => timerLabel(host), POLL).toMatch(/^Paused/);
    await waitFor(() => atTable('table-2').every((c) => c.latest()?.status === 'paused'), 5_000, 'table 2 paused');
    expect(atTable('table-1').every((c) => c.latest()?.status === 'running')).toBe(true);
    // Ben's page shows his own table's clock.
    const benTable = (await place(ben).textContent()) ?? '';
    await expect.poll(() => timerLabel(ben), POLL).toMatch(benTable.startsWith('Table 2') ? /^Paused/ : /^(?!Paused)/);
    expect(await host.getByLabel('Looking at').inputValue()).toBe('table-2');
    await screenshot(host, 'removal-05-host-visits-table-2-paused');
    await expectAccessible(host, 'host visiting table 2');

    // Back at the plenary: the panel follows Table 1 again, still running.
    await host.getByLabel('Looking at').selectOption({ label: 'Plenary' });
    await expect.poll(() => place(host).textContent(), POLL).toBe('Plenary · Round 1');
    await expect.poll(() => phaseStep(host).textContent(), POLL).toMatch(/^1 \//);
    await expect.poll(() => timerLabel(host), POLL).not.toMatch(/^Paused/);
    // Table 2 stays paused: the visit changed nothing but what the host sees.
    expect(atTable('table-2').every((c) => c.latest()?.status === 'paused')).toBe(true);

    // The dashboard offers Delete session too; back to the table to use it there.
    await host.getByRole('link', { name: 'Host dashboard' }).click();
    await host.getByRole('heading', { level: 1, name: title }).waitFor();
    await host.locator('.table-card').first().waitFor();
    await host.getByRole('button', { name: 'Delete session…' }).waitFor();
    await screenshot(host, 'removal-06-dashboard-header');
    await host.getByRole('link', { name: 'Back to the table' }).click();
    await expect.poll(() => place(host).textContent(), POLL).toBe('Plenary · Round 1');

    // Deleting: the dialog wants the title typed; a wrong one is refused with what to do.
    const deleteButton = host.getByRole('button', { name: 'Delete session…' });
    await deleteButton.click();
    const deleteDialog = host.getByRole('dialog', { name: 'Delete this session?' });
    await deleteDialog.waitFor();
    expect(await deleteDialog.textContent()).toContain('documents, uploads, history and every link');
    expect(await deleteDialog.textContent()).toContain('This cannot be undone.');
    const typed = deleteDialog.getByLabel('Type the session title to confirm');
    await expect.poll(() => typed.evaluate((el) => el === document.activeElement), POLL).toBe(true);
    await typed.fill('Tuning');
    await deleteDialog.getByRole('button', { name: 'Delete session for everyone' }).click();
    await deleteDialog
      .getByRole('alert')
      .filter({ hasText: `That is not the session title. Type “${title}” exactly as shown, or cancel.` })
      .waitFor();
    await screenshot(host, 'removal-07-delete-dialog-wrong-title');
    await expectAccessible(host, 'delete dialog');
    // Cancel gives the focus back and deletes nothing.
    await deleteDialog.getByRole('button', { name: 'Cancel' }).click();
    await deleteDialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedLabel(host), POLL).toBe('Delete session…');
    await deleteButton.click();
    await deleteDialog.waitFor();
    await typed.fill(title);
    await deleteDialog.getByRole('button', { name: 'Delete session for everyone' }).click();

    // The host lands on the home page with the news; the others are told the session is gone.
    await host.waitForURL((url) => url.pathname === '/');
    await host
      .getByRole('status')
      .filter({ hasText: `Session deleted. “${title}” and everything in it are gone for everyone.` })
      .waitFor();
    await screenshot(host, 'removal-08-host-home-session-deleted');
    await expectAccessible(host, 'home after deleting');
    await ben.getByRole('alert').filter({ hasText: 'Connection closed: the host deleted this session.' }).waitFor();
    await ben.getByRole('alert').filter({ hasText: 'This session no longer exists. Start a new session from the home page.' }).waitFor();
    await expect.poll(() => ben.getByRole('toolbar', { name: 'Add to the table' }).count(), POLL).toBe(0);
    await screenshot(ben, 'removal-09-participant-session-deleted');
    await expectAccessible(ben, 'participant of a deleted session');
    await waitFor(() => others.every((c) => !c.socket.connected) && !hostControl.socket.connected, 5_000, 'every socket disconnected');

    // Opening the session again: it no longer exists.
    await ben.goto(`/s/${session.sessionId}`);
    await ben.getByRole('heading', { level: 1, name: 'This session no longer exists' }).waitFor();
    await ben.getByRole('link', { name: 'Go to the home page' }).waitFor();
    await screenshot(ben, 'removal-10-deleted-session-url');
    await expectAccessible(ben, 'deleted session page');

    for (const control of controls) control.close();
    expect(errors).toEqual([]);
  });
});
