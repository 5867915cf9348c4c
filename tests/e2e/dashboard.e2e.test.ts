/**
 * The host dashboard end to end in Chromium: eight people join (REST) and stay connected (their
 * own control sockets); the host opens the dashboard from the table, seats three tables with the
 * form, starts the round and sees three cards with members and running timers; drags a person to
 * another table (their socket's `session:state` follows), moves another with the keyboard and
 * pins them, pauses and resumes every table, broadcasts a message every socket receives; a
 * participant gets a way back instead; axe finds no serious or critical problem. With a timer
 * per table each card's time menu pauses, adds time and moves on for that table only, and Visit
 * opens the table. Then a convening of 120 people at 40 tables stays usable (screenshots, filter).
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateSessionResponse, JoinSessionResponse } from '@worktable/shared';
import { openControlClient, type ControlClient, postJson, waitFor, type TestServer } from '@worktable/server/testing';
import { expectAccessible } from '../support/axe.js';
import { DESKTOP, openPage, screenshot, SCREENSHOTS, TABLET } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';

const FIRST = [
  'Ana',
  'Bo',
  'Chen',
  'Dev',
  'Eli',
  'Fay',
  'Gus',
  'Hana',
  'Ivo',
  'Jun',
  'Kai',
  'Lea',
  'Max',
  'Noor',
  'Omar',
  'Pia',
  'Quin',
  'Rui',
  'Sam',
  'Tove',
];
const LAST = ['Alvarez', 'Brown', 'Costa', 'Diallo', 'Eriksen', 'Fischer'];
const ORGS = ['Lincoln High', 'Roosevelt Middle', 'Eastside District', 'North Academy', 'State University', 'Westview Elementary'];

describe('host dashboard: seat, run, move and broadcast across tables', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  const sockets: ControlClient[] = [];

  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  /** A session with `count` participants, each joined over REST and connected with a control socket of their own. */
  async function convening(title: string, count: number, protocol = 'tuning') {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title,
      protocol,
      hostName: 'Hana Host',
    });
    const people: { participantId: string; token: string; name: string; socket: ControlClient }[] = [];
    for (let i = 0; i < count; i++) {
      const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`;
      const { status, body } = await postJson<JoinSessionResponse>(`${server.url}/api/sessions/${session.sessionId}/join`, {
        inviteCode: session.inviteCode,
        name,
        organization: ORGS[i % ORGS.length],
      });
      expect(status).toBe(201);
      const socket = openControlClient(server.url, body.token);
      sockets.push(socket);
      people.push({ ...body, name, socket });
    }
    await waitFor(() => people.every((p) => p.socket.states.length > 0), 15_000, 'every participant connected');
    return { session, people };
  }

  /** Opens the table with the host link (which stores the host's identity), then the dashboard through its link. */
  async function openDashboard(session: CreateSessionResponse, tableShot?: string): Promise<Page> {
    const host = await openPage(browser, server.url, DESKTOP, errors);
    await host.goto(`/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`);
    await host.getByRole('link', { name: 'Host dashboard' }).waitFor();
    if (tableShot) await screenshot(host, tableShot);
    await host.getByRole('link', { name: 'Host dashboard' }).click();
    await host.waitForURL(/\/dashboard$/);
    await host
      .getByRole('status')
      .filter({ hasText: /^Live$/ })
      .waitFor();
    await host.locator('.table-card').first().waitFor();
    return host;
  }

  const card = (page: Page, tableId: string) => page.locator(`.table-card[data-table-id="${tableId}"]`);
  const chip = (page: Page, participantId: string) => page.locator(`.chip[data-participant-id="${participantId}"]`);
  const tableOf = (page: Page, participantId: string) =>
    page.evaluate(
      (id) => document.querySelector(`.chip[data-participant-id="${id}"]`)?.closest('.table-card')?.getAttribute('data-table-id') ?? null,
      participantId,
    );

  it('seats three tables, runs the round, moves people by drag and by keyboard, broadcasts', { timeout: 90_000 }, async () => {
    const { session, people } = await convening('Spring convening', 8, 'world-cafe');
    const host = await openDashboard(session, 'dashboard-00-table-with-link');
    await host.getByRole('heading', { level: 1, name: 'Spring convening' }).waitFor();
    await screenshot(host, 'dashboard-01-before-seating');

    // Seat three tables with one round clock.
    await host.getByRole('radio', { name: 'Number of tables' }).check();
    await host.getByRole('spinbutton', { name: 'Number of tables' }).fill('3');
    await host.getByRole('radio', { name: 'One round clock' }).check();
    await host.getByRole('button', { name: 'Seat people' }).click();
    await host.getByText('Seated everyone present at 3 tables.').waitFor();
    await expect.poll(() => host.locator('.table-card').count()).toBe(3);
    for (const id of ['table-1', 'table-2', 'table-3']) await card(host, id).locator('.chip').first().waitFor();
    expect(await host.locator('.table-grid .chip').count()).toBe(8);
    expect(await host.locator('.mark-host').count()).toBe(3);
    await host.locator('.dash-meta').filter({ hasText: 'Seated · not started' }).waitFor();
    // The agenda, with each round's question, editable before it starts.
    const agendaList = host.getByRole('region', { name: 'Agenda' });
    await agendaList.getByRole('button', { name: 'Edit the question of Round 3' }).click();
    await agendaList.getByLabel('Question for Round 3').fill('What will we try before we meet again?');
    await agendaList.getByRole('button', { name: 'Save' }).click();
    await agendaList.getByText('What will we try before we meet again?').waitFor();

    // Start the agenda: the welcome with everyone together, run by the host; then round 1 at the tables.
    await host.getByRole('button', { name: 'Start Welcome and café etiquette' }).click();
    await host.locator('.dash-meta').filter({ hasText: 'Welcome and café etiquette · everyone together' }).waitFor();
    await waitFor(() => people.every((p) => p.socket.latest()?.gathering === 'plenary'), 5_000, 'everyone together for the welcome');
    await screenshot(host, 'dashboard-01b-welcome');
    await host.getByRole('button', { name: 'Finish Welcome and café etiquette' }).click();
    await expect.poll(() => host.locator('.table-card.status-running').count()).toBe(3);
    const timer = card(host, 'table-1').locator('.card-timer');
    await expect.poll(() => timer.textContent()).toMatch(/^Time left: \d+:\d\d$/);
    const before = await timer.textContent();
    await expect.poll(() => timer.textContent(), { timeout: 3_000 }).not.toBe(before);
    // One round clock: no card has time controls of its own (the server would refuse them).
    expect(await host.getByRole('button', { name: /^Time at / }).count()).toBe(0);
    await screenshot(host, 'dashboard-02-round-running');

    // Drag someone who is not a table host from table 1 onto table 2.
    const t1 = card(host, 'table-1');
    const movedId = await t1.locator('.chip:not(:has(.mark-host))').first().getAttribute('data-participant-id');
    expect(movedId).toBeTruthy();
    const moved = people.find((p) => p.participantId === movedId);
    if (!moved || !movedId) throw new Error('no movable participant at table 1');
    await chip(host, movedId).dragTo(card(host, 'table-2').locator('.table-card-head'));
    await host.getByText(`${moved.name} moved to Table 2`).waitFor();
    await expect.poll(() => tableOf(host, movedId)).toBe('table-2');
    await waitFor(() => moved.socket.latest()?.tableId === 'table-2', 5_000, `${moved.name}'s socket to move to table 2`);

    // The keyboard way: Move… → Table 3, pinned for the next rounds.
    const otherId = await card(host, 'table-1').locator('.chip:not(:has(.mark-host))').first().getAttribute('data-participant-id');
    const keyboardMoved = people.find((p) => p.participantId === otherId);
    if (!keyboardMoved) throw new Error('nobody left to move at table 1');
    await chip(host, keyboardMoved.participantId)
      .getByRole('button', { name: `Move ${keyboardMoved.name}…` })
      .focus();
    await host.keyboard.press('Enter');
    const dialog = host.getByRole('dialog', { name: `Move ${keyboardMoved.name}` });
    await dialog.waitFor();
    await dialog.getByLabel('Move to table').selectOption('table-3');
    await dialog.getByLabel('Pin here for next rounds').check();
    await screenshot(host, 'dashboard-03-move-dialog');
    await host.keyboard.press('Enter');
    await host.getByText(`${keyboardMoved.name} moved to Table 3 and pinned there for the next rounds`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => tableOf(host, keyboardMoved.participantId)).toBe('table-3');
    await chip(host, keyboardMoved.participantId).getByText('Pinned to Table 3').waitFor();
    await waitFor(() => keyboardMoved.socket.latest()?.tableId === 'table-3', 5_000, 'the keyboard move to reach the socket');
    // Focus followed the person to their new table.
    await expect
      .poll(() => host.evaluate(() => document.activeElement?.closest('.table-card')?.getAttribute('data-table-id') ?? null))
      .toBe('table-3');

    // Show to everyone: every page opens table 2's canvas, until the host sends them back.
    await card(host, 'table-2').getByRole('button', { name: 'Show to everyone' }).click();
    await host.getByText('Everyone now sees Table 2.').waitFor();
    await waitFor(() => people.every((p) => p.socket.latest()?.spotlight === 'table-2'), 5_000, 'the spotlight on every socket');
    await card(host, 'table-2').getByRole('button', { name: 'Shown to everyone' }).click();
    await waitFor(() => people.every((p) => p.socket.latest()?.spotlight === null), 5_000, 'everyone sent back');

    // One round clock: pause and resume every table.
    await host.getByRole('button', { name: 'Pause all' }).click();
    await expect.poll(() => host.locator('.table-card.status-paused').count()).toBe(3);
    await host.getByRole('button', { name: 'Resume all' }).click();
    await expect.poll(() => host.locator('.table-card.status-running').count()).toBe(3);
    await host.getByRole('button', { name: '+1 min' }).click();
    await host.getByText('Added 1 minute at every table.').waitFor();

    // Broadcast: every participant's socket receives it.
    const message = 'Five minutes to wrap up, then harvest your best question.';
    await host.getByLabel('Message to every table').fill(message);
    await host.getByRole('button', { name: 'Send to every table' }).click();
    await host.locator('.dash-sent').filter({ hasText: message }).waitFor();
    await waitFor(() => people.every((p) => p.socket.latest()?.broadcast?.message === message), 5_000, 'the broadcast on every socket');

    // Once the first round started, the rounds reseat by themselves: no seating form any more.
    expect(await host.getByText('Seat again…').count()).toBe(0);

    // The filter finds a person's table.
    await host.getByLabel('Find a person or table').fill(moved.name);
    await expect.poll(() => host.locator('.table-card').count()).toBe(1);
    await host.locator('.chip.is-match').filter({ hasText: moved.name }).waitFor();
    await host.getByLabel('Find a person or table').fill('');
    await expect.poll(() => host.locator('.table-card').count()).toBe(3);

    await screenshot(host, 'dashboard-04-after-moves');
    await expectAccessible(host, 'dashboard');

    // The plenary: everyone is called (running tables pause), then sent back (they resume).
    await host.getByRole('button', { name: 'Call everyone to the plenary' }).click();
    await host.locator('.dash-meta').filter({ hasText: 'Everyone is in the plenary' }).waitFor();
    await waitFor(() => people.every((p) => p.socket.latest()?.gathering === 'plenary'), 5_000, 'everyone summoned to the plenary');
    await expect.poll(() => host.locator('.table-card.status-paused').count()).toBe(3);
    await host.getByRole('button', { name: 'Send everyone back to their tables' }).click();
    await host.locator('.dash-meta').filter({ hasText: 'Everyone is at their tables' }).waitFor();
    await expect.poll(() => host.locator('.table-card.status-running').count()).toBe(3);

    // Hold the end of round 1, then end it now (asked once more): round 2 reseats; the pinned person stays at table 3.
    await host.getByRole('checkbox', { name: /^Hold at the end of Round 1/ }).check();
    await host.getByText('Round 1 will wait for you at its end.').waitFor();
    await host.getByRole('button', { name: 'End Round 1 now' }).click();
    await host
      .getByRole('group', { name: 'End Round 1 everywhere and start Round 2 now?' })
      .getByRole('button', { name: 'Start Round 2' })
      .click();
    await host.locator('.dash-meta').filter({ hasText: 'Round 2 of 3' }).waitFor();
    await expect.poll(() => host.locator('.table-card.status-running').count()).toBe(3);
    await expect.poll(() => tableOf(host, keyboardMoved.participantId)).toBe('table-3');
    await waitFor(
      () => keyboardMoved.socket.latest()?.round === 2 && keyboardMoved.socket.latest()?.tableId === 'table-3',
      5_000,
      'the pin to hold in round 2',
    );
    await screenshot(host, 'dashboard-05-round-two');

    // A participant who opens the dashboard gets a way back to their table.
    const pat = people[0];
    if (!pat) throw new Error('no participant');
    const visitor = await openPage(browser, server.url, DESKTOP, errors);
    await visitor.goto('/');
    await visitor.evaluate(([key, value]) => window.localStorage.setItem(key, value), [
      `worktable:identity:${session.sessionId}`,
      JSON.stringify({ participantId: pat.participantId, token: pat.token, name: pat.name, role: 'participant' }),
    ] as const);
    await visitor.goto(`/s/${session.sessionId}/dashboard`);
    await visitor.getByRole('heading', { name: 'Only the host sees the dashboard' }).waitFor();
    await visitor.getByRole('link', { name: 'Go to the table' }).waitFor();
    await visitor.context().close();
    await host.context().close();
    expect(errors).toEqual([]);
  });

  it('a timer per table: each card’s time menu acts on its table only; Visit opens the table', { timeout: 60_000 }, async () => {
    const { session, people } = await convening('Per-table timers', 4);
    const host = await openDashboard(session);
    await host.getByRole('radio', { name: 'Number of tables' }).check();
    await host.getByRole('spinbutton', { name: 'Number of tables' }).fill('2');
    await host.getByRole('radio', { name: 'Each table its own timer' }).check();
    await host.getByRole('button', { name: 'Seat people' }).click();
    await expect.poll(() => host.locator('.table-card').count()).toBe(2);
    // Before the round there is no time to set at a table.
    const time2 = host.getByRole('button', { name: 'Time at Table 2' });
    expect(await time2.count()).toBe(0);
    await host.getByRole('button', { name: 'Start Tuning Protocol' }).click();
    await expect.poll(() => host.locator('.table-card.status-running').count()).toBe(2);
    await time2.waitFor();

    // Keyboard: Enter opens Table 2's menu with focus on its first item, Pause; Enter pauses.
    await time2.focus();
    await host.keyboard.press('Enter');
    const menu = host.getByRole('menu', { name: 'Time at Table 2' });
    await menu.waitFor();
    await expect.poll(() => host.evaluate(() => document.activeElement?.textContent)).toBe('Pause');
    await screenshot(host, 'dashboard-11-table-time-menu');
    await host.keyboard.press('Enter');
    await host.getByText('Paused Table 2.').waitFor();
    await expect.poll(() => card(host, 'table-2').getAttribute('class')).toContain('status-paused');
    expect(await card(host, 'table-1').getAttribute('class')).toContain('status-running');
    const atTable2 = people.filter((p) => p.socket.latest()?.tableId === 'table-2');
    await waitFor(() => atTable2.every((p) => p.socket.latest()?.status === 'paused'), 5_000, 'table 2 paused on its sockets');

    // Resume, +1 min and Next phase, with the mouse.
    await time2.click();
    await menu.getByRole('menuitem', { name: 'Resume' }).click();
    await host.getByText('Resumed Table 2.').waitFor();
    await time2.click();
    await menu.getByRole('menuitem', { name: '+1 min' }).click();
    await host.getByText('Added 1 minute at Table 2.').waitFor();
    const phase1 = await card(host, 'table-1').locator('.table-phase').textContent();
    await time2.click();
    await menu.getByRole('menuitem', { name: 'Next phase' }).click();
    await host.getByText('Table 2 moved to the next phase.').waitFor();
    await expect.poll(() => card(host, 'table-2').locator('.table-phase').textContent()).not.toBe(phase1);
    expect(await card(host, 'table-1').locator('.table-phase').textContent()).toBe(phase1);
    // Escape closes the menu and gives focus back to its button.
    await time2.focus();
    await host.keyboard.press('Enter');
    await menu.waitFor();
    await host.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => host.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Time at Table 2');
    await screenshot(host, 'dashboard-12-per-table-timers');
    await expectAccessible(host, 'dashboard with a timer per table');

    // Visit opens the table page looking at Table 2.
    await card(host, 'table-2').getByRole('link', { name: 'Visit Table 2' }).click();
    await host.waitForURL(/\/s\/[A-Za-z0-9_-]+\?table=table-2$/);
    await host.locator('.session-place').filter({ hasText: 'Table 2' }).waitFor();
    await host.getByRole('region', { name: 'Table canvas' }).waitFor();
    expect(await host.getByLabel('Looking at').inputValue()).toBe('table-2');
    await screenshot(host, 'dashboard-13-visiting-table-2');
    await host.context().close();
    expect(errors).toEqual([]);
  });

  it('stays usable with 120 people at 40 tables', { timeout: 120_000 }, async () => {
    const { session } = await convening('Regional network day', 120);
    const host = await openDashboard(session);
    await host.getByRole('radio', { name: 'Number of tables' }).check();
    await host.getByRole('spinbutton', { name: 'Number of tables' }).fill('40');
    await host.getByRole('button', { name: 'Seat people' }).click();
    await expect.poll(() => host.locator('.table-card').count(), { timeout: 10_000 }).toBe(40);
    expect(await host.locator('.table-grid .chip').count()).toBe(120);
    await host.getByRole('button', { name: 'Start Tuning Protocol' }).click();
    await expect.poll(() => host.locator('.table-card.status-running').count()).toBe(40);
    await screenshot(host, 'dashboard-06-forty-tables');
    await host.locator('.table-grid').scrollIntoViewIfNeeded();
    await screenshot(host, 'dashboard-07-forty-tables-grid');
    await host.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-08-forty-tables-full.png'), fullPage: true });

    // Cards stay about 220 px wide.
    const widths = await host.locator('.table-card').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().width));
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...widths)).toBeLessThanOrEqual(300);

    await host.getByLabel('Find a person or table').fill('table 17');
    await expect.poll(() => host.locator('.table-card').count()).toBe(1);
    await host.getByText('Showing 1 table of 40.').waitFor();
    await screenshot(host, 'dashboard-09-forty-tables-filtered');
    await host.getByLabel('Find a person or table').fill('');
    await host.setViewportSize(TABLET);
    await screenshot(host, 'dashboard-10-forty-tables-tablet');
    await host.context().close();
    expect(errors).toEqual([]);
  });

  it('the host composes a convening day by hand and starts it with everyone together', { timeout: 60_000 }, async () => {
    const { session, people } = await convening('Network day', 6, 'world-cafe');
    const host = await openDashboard(session);
    await host.getByText('Compose the agenda by hand…').click();
    await host.getByRole('button', { name: /^A convening day/ }).click();
    await expect.poll(() => host.locator('.dash-compose-list > li').count()).toBe(5);
    // Move the closing circle before the café, then back: the order is the host's.
    await host.getByRole('button', { name: 'Move Closing circle earlier' }).click();
    await expect.poll(() => host.locator('.dash-compose-list > li').nth(3).locator('select').first().inputValue()).toBe('closing-circle');
    await host.getByRole('button', { name: 'Move Closing circle later' }).click();
    await host.getByRole('button', { name: 'Use this agenda' }).click();
    await host.getByText('The agenda has 5 parts.').waitFor();
    await screenshot(host, 'dashboard-14-compose');
    await host.getByRole('radio', { name: 'Number of tables' }).check();
    await host.getByRole('spinbutton', { name: 'Number of tables' }).fill('2');
    await host.getByRole('button', { name: 'Seat people' }).click();
    const agendaList = host.getByRole('region', { name: 'Agenda' });
    await expect.poll(() => agendaList.getByRole('listitem').count()).toBe(9);
    await host.getByRole('button', { name: 'Start Check-in' }).click();
    await host.locator('.dash-meta').filter({ hasText: 'Check-in · everyone together' }).waitFor();
    await waitFor(
      () => people.every((p) => p.socket.latest()?.gathering === 'plenary' && p.socket.latest()?.phase?.id === 'connections'),
      5_000,
      'everyone at the check-in',
    );
    await host.getByRole('button', { name: 'Finish Check-in' }).click();
    await host.locator('.dash-meta').filter({ hasText: 'Norms setting · everyone together' }).waitFor();
    await screenshot(host, 'dashboard-15-composed-running');
    await expectAccessible(host, 'dashboard with a composed agenda');
    await host.context().close();
    expect(errors).toEqual([]);
  });
});
