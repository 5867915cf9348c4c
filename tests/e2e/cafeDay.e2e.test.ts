/**
 * A World Café run the way its host runs it, every step through the UI: four people join from the
 * invite link, each in their own browser; the host seats them from the dashboard, starts the
 * welcome, closes it, and moves the café on round after round with the agenda's controls (nobody
 * touches a table's own controls); reporters post from their tables; travelers move and are told
 * where; the harvest with everyone together; the host exports the record from the table page.
 * Screenshots cafe-day-*.png land in tests/e2e/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@worktable/shared';
import { postJson, type TestServer } from '@worktable/server/testing';
import { expectAccessible } from '../support/axe.js';
import { DESKTOP, joinByInvite, openPage, screenshot } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';

const POLL = { timeout: 10_000, interval: 50 };

describe('a café day through the UI', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  const place = (page: Page) => page.locator('.session-place');

  it('from the invite link to the record, the host only using the dashboard', { timeout: 120_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Network café',
      protocol: 'world-cafe',
      hostName: 'Hana Host',
    });
    const hostTable = await openPage(browser, server.url, DESKTOP, errors);
    await hostTable.goto(`/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`);
    await hostTable.getByRole('link', { name: 'Host dashboard' }).waitFor();
    const people: { name: string; page: Page }[] = [];
    for (const name of ['Ana Alvarez', 'Ben Brook', 'Cy Chen', 'Dee Diaz']) {
      const page = await openPage(browser, server.url, DESKTOP, errors);
      await joinByInvite(page, session.inviteUrl, name);
      people.push({ name, page });
    }
    // The dashboard in a second tab of the host's browser.
    const dash = await hostTable.context().newPage();
    await dash.goto(`/s/${session.sessionId}/dashboard`);
    await dash
      .getByRole('status')
      .filter({ hasText: /^Live$/ })
      .waitFor();

    await dash.getByRole('radio', { name: 'Number of tables' }).check();
    await dash.getByRole('spinbutton', { name: 'Number of tables' }).fill('2');
    await dash.getByRole('button', { name: 'Seat people' }).click();
    await expect.poll(() => dash.locator('.table-card').count(), POLL).toBe(2);
    // The host's own video platform: everyone's call, and Table 1 its own.
    await dash.getByText('Call links (your own video platform)…').click();
    const everyoneForm = dash.getByRole('form', { name: 'Call link: Everyone (the plenary)' });
    await everyoneForm.getByLabel('Everyone (the plenary)').fill('https://meet.example.org/network-cafe');
    await everyoneForm.getByRole('button', { name: 'Save' }).click();
    await dash.getByText('Everyone (the plenary): call link saved.').waitFor();
    const tableForm = dash.getByRole('form', { name: 'Call link: Table 1' });
    await tableForm.getByLabel('Table 1').fill('javascript:alert(1)');
    await tableForm.getByRole('button', { name: 'Save' }).click();
    await tableForm.getByRole('alert').filter({ hasText: 'https://' }).waitFor();
    await tableForm.getByLabel('Table 1').fill('https://meet.example.org/table-1');
    await tableForm.getByRole('button', { name: 'Save' }).click();
    await dash.getByText('Table 1: call link saved.').waitFor();
    /** Each person's call follows where they sit: Table 1's own, else everyone's. */
    const expectCalls = async () => {
      for (const p of people) {
        const at = (await place(p.page).textContent()) ?? '';
        const want = at.startsWith('Table 1 ') ? 'https://meet.example.org/table-1' : 'https://meet.example.org/network-cafe';
        await expect.poll(() => p.page.locator('.call-link a').getAttribute('href'), POLL).toBe(want);
      }
    };
    await dash.getByRole('button', { name: 'Start Welcome and café etiquette' }).click();
    for (const p of people) await expect.poll(() => place(p.page).textContent(), POLL).toBe('Plenary · Welcome and café etiquette');
    await dash.getByRole('button', { name: 'Finish Welcome and café etiquette' }).click();

    // Round 1 at the tables, each with the question; a reporter posts what their table found.
    const seats = new Map<string, string>();
    for (const p of people) {
      await expect.poll(() => place(p.page).textContent(), POLL).toMatch(/^Table \d · Round 1$/);
      seats.set(p.name, (await place(p.page).textContent()) ?? '');
      await p.page.locator('.protocol-question').first().waitFor();
    }
    await expectCalls();
    await screenshot(people[0]!.page, 'cafe-day-01-round-one');
    const poster = people.find((p) => p.page.getByRole('form', { name: 'Post to the plenary' }));
    for (const p of people) {
      const form = p.page.getByRole('form', { name: 'Post to the plenary' });
      if ((await form.count()) === 0) continue;
      await form.getByLabel('The insight', { exact: true }).fill(`${p.name.split(' ')[0]}'s table: feedback lands when it is asked for`);
      await form.getByRole('button', { name: 'Post to the plenary' }).click();
      await form.getByRole('status').filter({ hasText: 'Posted to the plenary' }).waitFor();
    }
    expect(poster).toBeDefined();

    // Who speaks at a table: a hand goes up, a neighbour calls them, the table sees who has the floor.
    const asker = people[0]!;
    const neighbour = people.find((p) => p !== asker && seats.get(p.name) === seats.get(asker.name))!;
    const askerCard = asker.page.getByRole('region', { name: 'Who speaks' });
    await askerCard.getByRole('button', { name: 'Raise my hand' }).click();
    const neighbourCard = neighbour.page.getByRole('region', { name: 'Who speaks' });
    await neighbourCard.getByRole('list', { name: 'Hands up, in order' }).getByText(asker.name).waitFor();
    await neighbourCard.getByRole('button', { name: `Call ${asker.name}` }).click();
    await askerCard.locator('.speaking-floor').filter({ hasText: 'You have the floor.' }).waitFor();
    await neighbourCard
      .locator('.speaking-floor')
      .filter({ hasText: `${asker.name} has the floor.` })
      .waitFor();
    // …and it was announced to screen readers.
    await neighbourCard
      .locator('[aria-live="polite"]')
      .filter({ hasText: `${asker.name} has the floor.` })
      .waitFor();
    await screenshot(neighbour.page, 'cafe-day-01b-who-speaks');

    // The host moves the café on: round 2 reseats; the travelers are told where they sit now.
    await dash.getByRole('button', { name: 'End Round 1 now' }).click();
    await dash
      .getByRole('group', { name: 'End Round 1 everywhere and start Round 2 now?' })
      .getByRole('button', { name: 'Start Round 2' })
      .click();
    let moved = 0;
    for (const p of people) {
      await expect.poll(() => place(p.page).textContent(), POLL).toMatch(/ · Round 2$/);
      if ((await place(p.page).textContent())?.replace(' · Round 2', '') !== seats.get(p.name)?.replace(' · Round 1', '')) {
        moved += 1;
        await p.page
          .getByTestId('convening-announcer')
          .filter({ hasText: /^You moved to Table \d for round 2\.$/ })
          .waitFor();
      }
    }
    expect(moved).toBe(2);
    await expectCalls();
    await screenshot(dash, 'cafe-day-02-dashboard-round-two');

    // Round 3, then the harvest with everyone together.
    await dash.getByRole('button', { name: 'End Round 2 now' }).click();
    await dash.getByRole('button', { name: 'Start Round 3' }).click();
    for (const p of people) await expect.poll(() => place(p.page).textContent(), POLL).toMatch(/ · Round 3$/);
    await dash.getByRole('button', { name: 'End Round 3 now' }).click();
    await dash.getByRole('button', { name: 'Start Harvest' }).click();
    for (const p of people) await expect.poll(() => place(p.page).textContent(), POLL).toBe('Plenary · Harvest');
    await expectCalls();
    const wall = people[1]!.page.getByRole('region', { name: 'Harvest', exact: true });
    await expect.poll(() => wall.textContent(), POLL).toContain('feedback lands when it is asked for');
    await screenshot(people[1]!.page, 'cafe-day-03-harvest');
    await expectAccessible(people[1]!.page, 'the harvest');
    await screenshot(dash, 'cafe-day-04-dashboard-harvest');

    // A go round in the plenary: the host starts it and speaks first, then passes the piece to Ana.
    const hostCard = hostTable.getByRole('region', { name: 'Who speaks' });
    await hostCard.getByRole('button', { name: 'Start a go round' }).click();
    await hostCard.locator('.speaking-piece').filter({ hasText: 'You hold' }).waitFor();
    const anaCard = people[0]!.page.getByRole('region', { name: 'Who speaks' });
    await anaCard.locator('.speaking-piece').filter({ hasText: 'Hana Host holds' }).waitFor();
    await hostCard.getByRole('button', { name: 'Pass the piece' }).click();
    await anaCard.locator('.speaking-piece').filter({ hasText: 'You hold' }).waitFor();
    await screenshot(people[0]!.page, 'cafe-day-04b-talking-piece');
    await expectAccessible(people[0]!.page, 'the talking piece');
    await anaCard.getByRole('button', { name: 'Pass the piece' }).click();
    await anaCard.locator('.speaking-piece').filter({ hasText: 'Ben Brook holds' }).waitFor();

    // The host finishes the harvest: the agenda is over for everyone; the record opens with its summary.
    await dash.getByRole('button', { name: 'Finish Harvest now' }).click();
    await dash.getByRole('button', { name: 'Finish', exact: true }).click();
    await dash.locator('.dash-meta').filter({ hasText: 'The agenda is over' }).waitFor();
    for (const p of people) {
      await p.page.getByRole('heading', { name: 'The convening is over' }).waitFor();
      await expect.poll(() => place(p.page).textContent(), POLL).toBe('Plenary · after the agenda');
      // Nobody is asked to brief newcomers, mark themselves ready or hold a table role any more.
      expect(await p.page.getByText(/brief them on what this table discussed/).count()).toBe(0);
      expect(await p.page.getByRole('heading', { name: 'Your role' }).count()).toBe(0);
    }
    await hostTable.bringToFront();
    await hostTable.getByRole('button', { name: 'Export record' }).click();
    const dialog = hostTable.getByRole('dialog', { name: 'The session record' });
    const [download] = await Promise.all([
      hostTable.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Markdown', exact: true }).click(),
    ]);
    const markdown = await (await download.createReadStream())
      .toArray()
      .then((chunks) => Buffer.concat(chunks as Buffer[]).toString('utf8'));
    expect(markdown.indexOf('## Summary')).toBeGreaterThan(-1);
    expect(markdown.indexOf('## Summary')).toBeLessThan(markdown.indexOf('## Round 1'));
    expect(markdown).toContain('feedback lands when it is asked for');
    await screenshot(people[0]!.page, 'cafe-day-05-over');
    expect(errors).toEqual([]);
  });
});
