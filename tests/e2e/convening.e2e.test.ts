/**
 * A convening end to end, in real Chromium against a real server: a host (driving the convening
 * over socket.io, watching the plenary in a browser) and four participants in a World Café run as
 * its agenda. The host seats two tables and starts: everyone is together for the welcome, then
 * round 1 opens at the tables with its question; each page opens its own table; people write the
 * round's notes and stickies; a table's reporter and the host post harvest cards; round 2 reseats
 * (table hosts stay, the two travelers swap): each traveler's page follows to the new table, says
 * so, and shows that table's round-1 notes and stickies under "Before you arrived"; the table host is asked
 * to welcome them; a broadcast reaches everyone; the host shows one table to everyone; the summon
 * brings everyone to the plenary, where the harvest wall shows the cards under "Table N · Round 1";
 * the closing harvest groups cards into a theme and dot-votes on the themes; the host exports the
 * record, which opens with the summary and the themes; axe finds no serious or critical violations.
 * Screenshots (convening-*.png) land in tests/e2e/screenshots/ (gitignored).
 *
 * Needs the built client (`npm run build:client`) and Chromium at /usr/bin/chromium or $CHROMIUM_PATH.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PLENARY_DOC, PlenaryRoot, type CreateSessionResponse, type HarvestCard, type SessionState } from '@worktable/shared';
import {
  openControlClient,
  seatingSeenBy,
  type ControlClient,
  connectClient,
  postJson,
  waitFor,
  type TestServer,
} from '@worktable/server/testing';
import { DESKTOP, SCREENSHOTS, joinByInvite, openPage, screenshot } from '../support/browser.js';
import { expectAccessible } from '../support/axe.js';
import { withServerAndBrowser } from '../support/suite.js';

/** How long live changes may take to show up in a browser (the machine may be shared). */
const POLL = { timeout: 10_000, interval: 50 };

/** A participant: their page and a control client of their own (to read which table the server gives them). */
interface Person {
  name: string;
  page: Page;
  participantId: string;
  control: ControlClient;
}

describe('convening: tables, rounds, travelers, harvest and plenary', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  const controls: ControlClient[] = [];

  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  const place = (page: Page) => page.locator('.session-place');
  const announced = (page: Page) => page.getByTestId('convening-announcer');
  const notesFrame = (page: Page, round: number) => page.getByRole('group', { name: new RegExp(`^Document by .*Notes · Round ${round}`) });
  const stateOf = (person: Person): SessionState => {
    const state = person.control.latest();
    if (!state) throw new Error(`${person.name} has no state yet`);
    return state;
  };

  /** Opens a notes document large, writes `text` at its end, and closes it again. */
  async function writeNotes(page: Page, round: number, text: string): Promise<void> {
    const frame = notesFrame(page, round);
    await frame.waitFor();
    await frame.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: new RegExp(`Notes · Round ${round}`) });
    const editor = dialog.locator('.ProseMirror');
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(text);
    await expect.poll(() => editor.textContent(), POLL).toContain(text);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  }

  it('seats tables, moves the traveler with the table’s history, and harvests to the plenary', { timeout: 120_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Café: what makes feedback land',
      protocol: 'world-cafe',
      hostName: 'Hana Host',
    });
    const host = openControlClient(server.url, session.hostToken);
    controls.push(host);
    const hostPage = await openPage(browser, server.url, DESKTOP, errors);
    await hostPage.goto(`/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`);
    await hostPage
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();

    const people: Person[] = [];
    for (const name of ['Ana Alvarez', 'Ben Brook', 'Cy Chen', 'Dee Diaz']) {
      const page = await openPage(browser, server.url, DESKTOP, errors);
      await joinByInvite(page, session.inviteUrl, name);
      const identity = await page.evaluate(
        (id) => JSON.parse(localStorage.getItem(`worktable:identity:${id}`) ?? '{}') as { participantId: string; token: string },
        session.sessionId,
      );
      const control = openControlClient(server.url, identity.token);
      controls.push(control);
      people.push({ name, page, participantId: identity.participantId, control });
    }
    await waitFor(
      () => people.every((p) => p.control.states.length > 0) && host.states.length > 0,
      5000,
      'everyone on the control channel',
    );

    // Two tables planned; the agenda opens with everyone together for the welcome.
    const seated = await host.send({ action: 'seat', tableCount: 2 });
    expect(seated.ok).toBe(true);
    const started = await host.send({ action: 'startRound' });
    expect(started).toMatchObject({ ok: true, state: { gathering: 'plenary', phase: { title: 'Welcome and café etiquette' } } });
    for (const person of people) {
      await expect.poll(() => place(person.page).textContent(), POLL).toBe('Plenary · Welcome and café etiquette');
      await person.page.getByRole('heading', { name: /Welcome and café etiquette/ }).waitFor();
      expect(await person.page.getByRole('button', { name: 'I’m done' }).count()).toBe(0);
    }
    await screenshot(people[0]!.page, 'convening-00-welcome');
    // The host closes the welcome: round 1 opens at the tables, with its question.
    expect(await host.send({ action: 'next' })).toMatchObject({ ok: true, state: { gathering: 'tables', agenda: { index: 1 } } });
    await waitFor(
      () =>
        people.every(
          (p) => p.control.latest()?.round === 1 && p.control.latest()?.status === 'running' && p.control.latest()?.gathering === 'tables',
        ),
      5000,
      'round 1 running',
    );
    const question1 = stateOf(people[0]!).agenda!.blocks[1]!.question!;
    for (const person of people) await person.page.locator('.protocol-question').filter({ hasText: question1 }).waitFor();
    const round1 = new Map(people.map((p) => [p.participantId, stateOf(p).tableId]));
    const tables1 = seatingSeenBy(people.map((p) => p.control));
    expect(tables1).toHaveLength(2);
    for (const person of people) {
      const table = tables1.find((t) => t.id === round1.get(person.participantId));
      expect(table).toBeDefined();
      await expect.poll(() => place(person.page).textContent(), POLL).toBe(`${table!.name} · Round 1`);
    }
    await expect.poll(() => place(hostPage).textContent(), POLL).toBe('Plenary · Round 1');
    await screenshot(people[0]!.page, 'convening-01-round-one');

    // Each table's notes of round 1 (kept by the reporter, table host or facilitator's browser), and a sticky.
    const notesOf: Record<string, string> = {};
    const stickyOf: Record<string, string> = {};
    for (const table of tables1) {
      const writer = people.find((p) => round1.get(p.participantId) === table.id)!;
      notesOf[table.id] = `At ${table.name} we found that feedback lands when it is asked for.`;
      await writeNotes(writer.page, 1, notesOf[table.id]!);
      stickyOf[table.id] = `${table.name}: ask before you advise`;
      await writer.page.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Sticky note' }).click();
      await expect
        .poll(() => writer.page.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL)
        .toBe(`Sticky note text by ${writer.name}`);
      await writer.page.keyboard.type(stickyOf[table.id]!);
      await writer.page.keyboard.press('Escape');
    }

    // The reporter of the first table posts a shift; everyone at that table sees it, read-only.
    const first = tables1[0]!;
    const atFirst = people.filter((p) => round1.get(p.participantId) === first.id);
    const roles = stateOf(atFirst[0]!).roles;
    const harvesterId = roles.reporter ?? roles.scribe ?? roles.facilitator;
    const reporter = atFirst.find((p) => p.participantId === harvesterId);
    expect(reporter, `someone at ${first.name} harvests`).toBeDefined();
    const form = reporter!.page.getByRole('form', { name: 'Post to the plenary' });
    await form.getByLabel('We thought… it turns out…', { exact: true }).check();
    await form.getByRole('button', { name: 'Post to the plenary' }).click();
    await form.getByText('Write something first.').first().waitFor();
    await form.getByLabel('We thought…', { exact: true }).fill('Feedback is about the work');
    await form.getByLabel('It turns out…', { exact: true }).fill('Feedback is about the next step');
    await form.getByRole('button', { name: 'Post to the plenary' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: `Posted to the plenary: We thought… it turns out… from ${first.name}.` })
      .waitFor();
    for (const person of atFirst) {
      await person.page.getByRole('article', { name: `We thought… it turns out… from ${first.name}, round 1` }).waitFor();
    }
    await screenshot(reporter!.page, 'convening-02-reporter-posted');

    // The host posts for the second table from the plenary (choosing the table).
    const second = tables1[1]!;
    const hostForm = hostPage.getByRole('form', { name: 'Post to the plenary' });
    await hostForm.getByLabel('For table', { exact: true }).selectOption(second.id);
    await hostForm.getByLabel('Question', { exact: true }).check();
    await hostForm.getByLabel('The question', { exact: true }).fill('Who decides when feedback is welcome?');
    await hostForm.getByRole('button', { name: 'Post to the plenary' }).click();
    await hostForm
      .getByRole('status')
      .filter({ hasText: `from ${second.name}` })
      .waitFor();

    // Round 2: the server reseats; table hosts stay, the traveler moves.
    const round2Ack = await host.send({ action: 'startRound' });
    expect(round2Ack.ok).toBe(true);
    await waitFor(() => people.every((p) => p.control.latest()?.round === 2), 5000, 'round 2 seated');
    const tables2 = seatingSeenBy(people.map((p) => p.control));
    const travelers = people.filter((p) => stateOf(p).tableId !== round1.get(p.participantId));
    // Two tables of two: the hosts stay, the two travelers swap.
    expect(travelers).toHaveLength(2);
    for (const other of travelers) {
      const at = tables2.find((t) => t.id === stateOf(other).tableId)!;
      const arrived = other.page.getByRole('region', { name: 'Before you arrived' });
      await expect.poll(() => arrived.textContent(), POLL).toContain(notesOf[at.id]!);
      await arrived.getByRole('list', { name: 'Items from earlier rounds' }).getByText(stickyOf[at.id]!).waitFor();
    }
    const traveler = travelers[0];
    const newTable = tables2.find((t) => t.id === stateOf(traveler!).tableId)!;
    await expect.poll(() => place(traveler!.page).textContent(), POLL).toBe(`${newTable.name} · Round 2`);
    await expect.poll(() => announced(traveler!.page).textContent(), POLL).toBe(`You moved to ${newTable.name} for round 2.`);

    // "Before you arrived": the new table's round-1 notes, and a way to them on the canvas.
    const before = traveler!.page.getByRole('region', { name: 'Before you arrived' });
    await before.getByRole('heading', { name: 'Notes · Round 1' }).waitFor();
    await expect.poll(() => before.textContent(), POLL).toContain(notesOf[newTable.id]!);
    // …and the sticky that round left on the canvas.
    await before.getByRole('list', { name: 'Items from earlier rounds' }).getByText(stickyOf[newTable.id]!).waitFor();
    if (newTable.id === first.id) await before.getByRole('article', { name: /from/ }).first().waitFor();
    await before.getByRole('button', { name: 'Show on the canvas: Notes · Round 1' }).click();
    await expect.poll(() => notesFrame(traveler!.page, 1).evaluate((el) => el === document.activeElement), POLL).toBe(true);
    await screenshot(traveler!.page, 'convening-03-traveler-before-you-arrived');
    await expectAccessible(traveler!.page, 'traveler at the new table');

    // The new table's host is asked to brief the traveler; collapsing the panel hides its content.
    const tableHost = people.find((p) => p.participantId === newTable.host);
    if (tableHost && tableHost !== traveler) {
      await tableHost.page
        .getByRole('status')
        .filter({ hasText: `Welcome ${traveler!.name}: brief them on what this table discussed` })
        .waitFor();
      await screenshot(tableHost.page, 'convening-04-table-host-welcome');
    }
    await before.getByRole('button', { name: 'Before you arrived' }).click();
    await expect.poll(() => before.getByRole('heading', { name: 'Notes · Round 1' }).isVisible(), POLL).toBe(false);
    await before.getByRole('button', { name: 'Before you arrived' }).click();

    // A broadcast reaches everyone, announced; dismissing it keeps it away.
    expect((await host.send({ action: 'broadcast', message: 'Ten minutes left in this round.' })).ok).toBe(true);
    for (const person of people)
      await person.page.getByRole('alert').filter({ hasText: 'From the host: Ten minutes left in this round.' }).waitFor();
    await screenshot(traveler!.page, 'convening-05-broadcast');
    await traveler!.page.getByRole('button', { name: 'Dismiss the host’s message' }).click();
    await expect.poll(() => traveler!.page.getByRole('alert').filter({ hasText: 'From the host' }).count(), POLL).toBe(0);

    // The host shows the traveler's new table to everyone, then sends everyone back.
    expect((await host.send({ action: 'spotlight', tableId: newTable.id })).ok).toBe(true);
    for (const person of people) await expect.poll(() => place(person.page).textContent(), POLL).toBe(`${newTable.name} · Round 2`);
    await people
      .find((p) => p !== traveler && stateOf(p).tableId !== newTable.id)
      ?.page.getByText(`Everyone is looking at ${newTable.name}.`)
      .waitFor();
    await screenshot(hostPage, 'convening-05b-spotlight-host');
    expect((await host.send({ action: 'spotlight', tableId: null })).ok).toBe(true);
    await expect.poll(() => place(hostPage).textContent(), POLL).toBe('Plenary · Round 2');

    // The summon: everyone to the plenary, where the harvest wall groups cards by round and table.
    expect((await host.send({ action: 'summon', to: 'plenary' })).ok).toBe(true);
    for (const person of people) {
      await expect.poll(() => place(person.page).textContent(), POLL).toBe('Plenary · Round 2');
      await expect.poll(() => announced(person.page).textContent(), POLL).toBe('The host called everyone to the plenary.');
    }
    const wall = traveler!.page.getByRole('region', { name: 'Harvest', exact: true });
    const firstGroup = wall.getByRole('region', { name: `${first.name} · Round 1` });
    await expect.poll(() => firstGroup.textContent(), POLL).toContain('Feedback is about the next step');
    expect(await firstGroup.textContent()).toContain(`Posted by ${reporter!.name}`);
    await expect
      .poll(() => wall.getByRole('region', { name: `${second.name} · Round 1` }).textContent(), POLL)
      .toContain('Who decides when feedback is welcome?');
    await wall.scrollIntoViewIfNeeded();
    await screenshot(traveler!.page, 'convening-06-plenary-harvest');
    await screenshot(hostPage, 'convening-07-host-plenary');
    await expectAccessible(traveler!.page, 'plenary');

    // Forty tables with several cards each: columns per round that scroll on their own.
    const writer = connectClient(server.wsUrl, session.sessionId, PLENARY_DOC, session.hostToken);
    await writer.synced;
    const kinds = ['insight', 'question', 'shift'] as const;
    writer.doc.transact(() => {
      const map = writer.doc.getMap<HarvestCard>(PlenaryRoot.Harvest);
      for (let table = 1; table <= 40; table++) {
        for (let i = 0; i < 3; i++) {
          const kind = kinds[i]!;
          const round = i === 2 ? 2 : 1;
          const id = `bulk-${table}-${i}`;
          map.set(id, {
            id,
            tableId: `table-${table}`,
            tableName: `Table ${table}`,
            round,
            kind,
            text: `Table ${table} noticed something worth sharing (${i + 1}).`,
            ...(kind === 'shift' ? { turnsOut: 'It turns out the opposite held.' } : {}),
            by: 'bulk',
            byName: `Reporter ${table}`,
            at: 1_000 + i,
          });
        }
      }
    });
    await wall.getByRole('button', { name: 'By round and table' }).click();
    await wall.getByRole('region', { name: 'Table 40 · Round 2' }).waitFor();
    const round1Column = wall.getByRole('region', { name: /^Round 1/ });
    expect(await round1Column.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await wall.scrollIntoViewIfNeeded();
    await screenshot(traveler!.page, 'convening-08-plenary-forty-tables');
    await wall.getByLabel('Show', { exact: true }).selectOption({ label: 'Table 40' });
    await expect.poll(() => wall.getByRole('region', { name: / · Round \d$/ }).count(), POLL).toBe(2);
    await screenshot(traveler!.page, 'convening-09-plenary-one-table');
    await wall.getByLabel('Show', { exact: true }).selectOption({ label: 'All tables' });
    writer.destroy();

    // Back to the tables: each page returns to its round-2 table.
    expect((await host.send({ action: 'summon', to: 'tables' })).ok).toBe(true);
    await expect.poll(() => place(traveler!.page).textContent(), POLL).toBe(`${newTable.name} · Round 2`);
    await expect.poll(() => announced(traveler!.page).textContent(), POLL).toBe('Back to your tables.');

    // Round 3, then the closing harvest with everyone together.
    expect(await host.send({ action: 'startRound' })).toMatchObject({ ok: true, state: { round: 3 } });
    expect(await host.send({ action: 'startRound' })).toMatchObject({
      ok: true,
      state: { gathering: 'plenary', phase: { id: 'harvest' } },
    });
    for (const person of people)
      await person.page
        .getByRole('heading', { name: /Harvest/ })
        .first()
        .waitFor();
    // Themes: the traveler names one and drags the shift card into it; Ana uses the card's menu.
    const board = traveler!.page.getByRole('region', { name: 'Harvest', exact: true });
    await board.getByRole('button', { name: 'By theme' }).click();
    await board.getByLabel('New theme').fill('Feedback as a next step');
    await board.getByRole('button', { name: 'Add theme' }).click();
    await board.getByLabel('New theme').fill('Who decides');
    await board.getByRole('button', { name: 'Add theme' }).click();
    const themeColumn = board.getByRole('region', { name: /^Feedback as a next step/ });
    await themeColumn.waitFor();
    const shiftCard = board.getByRole('listitem').filter({ hasText: 'Feedback is about the next step' });
    await shiftCard.dragTo(themeColumn);
    await expect.poll(() => themeColumn.textContent(), POLL).toContain('Feedback is about the next step');
    const anaWall = people[0]!.page.getByRole('region', { name: 'Harvest', exact: true });
    await anaWall.getByRole('button', { name: 'By theme' }).click();
    await anaWall.getByLabel('Theme of “Who decides when feedback is welcome?”').selectOption({ label: 'Who decides' });
    await expect
      .poll(() => board.getByRole('region', { name: /^Who decides/ }).textContent(), POLL)
      .toContain('Who decides when feedback is welcome?');
    // The host opens a dot vote on the themes; everyone places dots on the wall; the host reveals.
    await hostPage.getByRole('region', { name: 'Harvest', exact: true }).getByRole('button', { name: 'Dot vote on the 2 themes' }).click();
    for (const person of people) {
      const dots = person.page.getByRole('group', { name: /^Your dots on Feedback as a next step/ });
      await dots.getByRole('button', { name: 'Add a dot' }).click();
      await expect.poll(() => dots.getAttribute('aria-label'), POLL).toMatch(/: 1 here, 2 of 3 left$/);
    }
    await screenshot(traveler!.page, 'convening-10-themes-vote');
    await hostPage.getByRole('button', { name: 'Reveal results' }).click();
    const ranking = traveler!.page.getByRole('list', { name: 'Results, most dots first' });
    await expect.poll(() => ranking.textContent(), POLL).toMatch(new RegExp(`^1Feedback as a next step${people.length} dots`));
    await screenshot(traveler!.page, 'convening-11-vote-results');
    await expectAccessible(traveler!.page, 'plenary themes and vote');

    // The record a network lead sends: summary first, then the themes, then the rounds in order.
    await hostPage.getByRole('button', { name: 'Export record' }).click();
    const recordDialog = hostPage.getByRole('dialog', { name: 'The session record' });
    const [download] = await Promise.all([
      hostPage.waitForEvent('download'),
      recordDialog.getByRole('button', { name: 'HTML', exact: true }).click(),
    ]);
    const recordPath = path.join(SCREENSHOTS, 'convening-record.html');
    await download.saveAs(recordPath);
    const record = fs.readFileSync(recordPath, 'utf8');
    const at = (text: string) => record.indexOf(text);
    expect(at('<h2>Summary</h2>')).toBeGreaterThan(-1);
    expect(at('<h2>Summary</h2>')).toBeLessThan(at('<h2>Themes and harvest</h2>'));
    expect(at('Feedback as a next step')).toBeGreaterThan(at('<h2>Themes and harvest</h2>'));
    // The summary's agenda names each round's question; the rounds follow the themes, in order.
    expect(at(question1)).toBeLessThan(at('<h2>Themes and harvest</h2>'));
    expect(at('<h2>Themes and harvest</h2>')).toBeLessThan(at('<h2>Round 1</h2>'));
    expect(at('<h2>Round 1</h2>')).toBeLessThan(at('<h2>Round 2</h2>'));
    expect(at('<h2>Round 2</h2>')).toBeLessThan(at('<h2>Round 3</h2>'));
    expect(at(stickyOf[tables1[0]!.id]!)).toBeGreaterThan(at('<h2>Themes and harvest</h2>'));
    const recordPage = await openPage(browser, server.url, DESKTOP, errors);
    await recordPage.goto(`file://${recordPath}`);
    await screenshot(recordPage, 'convening-12-record');
    await recordPage.context().close();

    for (const control of controls) control.close();
    expect(errors).toEqual([]);
  });
});
