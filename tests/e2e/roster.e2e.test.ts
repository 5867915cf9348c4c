/**
 * Planning before the event, end to end in Chromium against a real server: the host opens the
 * dashboard's Roster, sees a problem named by line in the preview, imports twelve people of four
 * organizations with three table hosts, copies personal links; seats three tables and previews
 * the plan (every round, hosts marked, what each round costs), reshuffles and gets the same plan
 * back from the same seed, copies an itinerary and looks at the printed itineraries; two people
 * open their personal links in browsers of their own and, once the host starts, sit at the
 * tables the plan gave them; the Move dialog warns, naming who, before seating someone with their
 * own organization; axe finds no serious or critical problem. Screenshots: roster-*.png.
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

/** How long live changes may take to show up in a browser (the machine may be shared). */
const POLL = { timeout: 10_000, interval: 50 };

const ROSTER = [
  'Name,Organization,System role,Table host,Email',
  'Ana Alvarez,Lincoln High,teacher,yes,ana@lincoln.example',
  'Ben Brook,Roosevelt Middle,principal,yes,',
  'Chen Costa,Eastside District,district leader,yes,',
  'Dev Diallo,North Academy,teacher,,',
  'Eli Eriksen,Lincoln High,coach,,',
  'Fay Fischer,Roosevelt Middle,teacher,,',
  'Gus Garcia,Eastside District,teacher,,',
  'Hana Ho,North Academy,researcher,,',
  'Ivo Ito,Lincoln High,teacher,,',
  'Jun Jensen,Roosevelt Middle,coach,,',
  'Kai Kim,Eastside District,principal,,',
  'Lea Lund,North Academy,teacher,,',
].join('\n');

describe('roster: import, plan, itineraries and personal links', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];

  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  const clipboard = (page: Page) => page.evaluate<string>('navigator.clipboard.readText()');
  const tab = (page: Page, name: string) => page.getByRole('tab', { name });
  const rosterRow = (page: Page, name: string) =>
    page
      .getByRole('region', { name: 'People on the roster' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  const itinerary = (page: Page, name: string) => page.locator('.itinerary').filter({ has: page.getByText(name, { exact: true }) });

  it('the host imports a roster, previews the plan and starts; people with personal links sit where planned', {
    timeout: 150_000,
  }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Spring convening',
      protocol: 'world-cafe',
      hostName: 'Hana Host',
    });
    const host = await openPage(browser, server.url, DESKTOP, errors);
    await host.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await host.goto(`/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`);
    await host.getByRole('link', { name: 'Host dashboard' }).click();
    await host.waitForURL(/\/dashboard$/);
    await host
      .getByRole('status')
      .filter({ hasText: /^Live$/ })
      .waitFor();

    // The views are tabs, with the arrow keys: the plan says to seat people first.
    await tab(host, 'Tables').focus();
    await host.keyboard.press('End');
    await expect.poll(() => tab(host, 'Plan and itineraries').getAttribute('aria-selected')).toBe('true');
    await host.getByText(/^Seat people first/).waitFor();
    await screenshot(host, 'roster-00-plan-before-seating');

    // The Roster view, empty: the import form.
    await host.keyboard.press('ArrowLeft');
    await expect
      .poll(() => tab(host, 'Roster').evaluate((el) => el === document.activeElement && el.getAttribute('aria-selected') === 'true'))
      .toBe(true);
    const csv = host.getByLabel('Roster (CSV)');
    await csv.waitFor();
    await screenshot(host, 'roster-01-empty');

    // A problem is named by line before anything is sent; Import says to fix it first.
    await csv.fill('Name,Organization\nAna Alvarez,Lincoln High\n,Roosevelt Middle');
    await host.getByText('line 3: name: is required').waitFor();
    await screenshot(host, 'roster-02-preview-problem');
    await host.getByRole('button', { name: 'Import', exact: true }).click();
    await host.getByRole('alert').filter({ hasText: 'Fix the 1 problem in the preview first.' }).waitFor();
    await expect.poll(() => host.evaluate(() => document.activeElement?.classList.contains('roster-problems'))).toBe(true);

    // The real roster: the preview says who and how the columns were read.
    await csv.fill(ROSTER);
    await host.getByText('12 people · 4 organizations · 3 table hosts').waitFor();
    await host.getByText(/Not used: “Email”/).waitFor();
    await screenshot(host, 'roster-03-preview');
    await expectAccessible(host, 'roster preview');
    await host.getByRole('button', { name: 'Import 12 people' }).click();
    await host.getByText('Imported 12 people: 12 new, 0 updated.').waitFor();
    await host.getByText('12 on the roster · 0 here · 12 expected').waitFor();
    await expect.poll(() => host.evaluate(() => document.activeElement?.textContent)).toBe('On the roster');
    // The table hosts got tables 1, 2 and 3, and are named hosts there.
    await expect
      .poll(() => rosterRow(host, 'Chen Costa').getByLabel('Pinned table of Chen Costa', { exact: false }).inputValue(), POLL)
      .toBe('3');
    expect(await rosterRow(host, 'Ben Brook').getByRole('checkbox', { name: 'Ben Brook hosts Table 2' }).isChecked()).toBe(true);
    await screenshot(host, 'roster-04-imported');

    // Personal links: one, and all of them as text.
    await rosterRow(host, 'Ana Alvarez')
      .getByRole('button', { name: /^Copy link\s*, Ana Alvarez$/ })
      .click();
    const anaLink = await clipboard(host);
    expect(anaLink).toMatch(new RegExp(`^${server.url}/s/${session.sessionId}#token=[\\w-]+\\.[\\w-]+$`));
    await host.getByRole('button', { name: 'Copy all links' }).click();
    await expect.poll(() => clipboard(host), POLL).toMatch(/^Ana Alvarez \(Lincoln High\): http/);
    expect((await clipboard(host)).split('\n')).toHaveLength(12);
    await rosterRow(host, 'Dev Diallo')
      .getByRole('button', { name: /^Copy link\s*, Dev Diallo$/ })
      .click();
    await expect.poll(() => clipboard(host), POLL).not.toBe(anaLink);
    const devLink = await clipboard(host);
    await expectAccessible(host, 'roster');

    // Seat three tables: everyone expected is planned in.
    await host.getByRole('radio', { name: 'Number of tables' }).check();
    await host.getByRole('spinbutton', { name: 'Number of tables' }).fill('3');
    await host.getByRole('button', { name: 'Seat people' }).click();
    await host.getByText('Seated everyone present and expected at 3 tables.').waitFor();

    // The plan: three café rounds, each with three tables of four, hosts marked.
    await tab(host, 'Plan and itineraries').click();
    for (const round of [1, 2, 3]) await host.getByRole('heading', { name: `Round ${round}`, exact: true }).waitFor();
    const round1 = host.getByRole('list', { name: 'Tables of round 1' });
    expect(
      await round1
        .getByRole('listitem')
        .filter({ has: host.getByRole('heading') })
        .count(),
    ).toBe(3);
    expect(await round1.locator('.mark-host').count()).toBe(3);
    await host
      .getByText(/^(No repeated pairs|\d+ repeated pairs?) · /)
      .first()
      .waitFor();
    await host.getByRole('heading', { name: 'Round 1', exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(host, 'roster-05-plan');
    await expectAccessible(host, 'plan');

    // The same seed gives the same plan: note it, reshuffle, plan with it again.
    const itineraryOf = (name: string) => itinerary(host, name).locator('.itinerary-stops').textContent();
    const everyItinerary = () => host.locator('.itinerary-list').textContent();
    const seed = await host.getByRole('textbox', { name: 'Seating seed' }).inputValue();
    const planned = await everyItinerary();
    // A new seed may happen to give the same plan: reshuffle until it differs (the seed field and the plan come in one payload).
    let reshuffled = false;
    for (let attempt = 0; attempt < 5 && !reshuffled; attempt++) {
      const before = await host.getByRole('textbox', { name: 'Seating seed' }).inputValue();
      await host.getByRole('button', { name: 'Reshuffle' }).click();
      await expect.poll(() => host.getByRole('textbox', { name: 'Seating seed' }).inputValue(), POLL).not.toBe(before);
      reshuffled = (await everyItinerary()) !== planned;
    }
    expect(reshuffled, 'five reshuffles all gave the same plan').toBe(true);
    await host.getByRole('textbox', { name: 'Seating seed' }).fill(seed);
    await host.getByRole('button', { name: 'Plan with this seed' }).click();
    await host.getByText(`Planned again with seed ${seed}.`).waitFor();
    await expect.poll(everyItinerary, POLL).toBe(planned);

    // Itineraries: copy one; the printed page shows the itineraries only.
    await host.getByRole('button', { name: /^Copy\s*, itinerary of Ana Alvarez$/ }).click();
    await expect
      .poll(() => clipboard(host), POLL)
      .toMatch(/^Ana Alvarez — Round 1: Table 1 \(host\) · Round 2: Table 1 \(host\) · Round 3: Table 1 \(host\)$/);
    const devStops = (await itineraryOf('Dev Diallo')) ?? '';
    expect(devStops).toMatch(/^Round 1: Table \d · Round 2: Table \d · Round 3: Table \d$/);
    const devTable = /^Round 1: (Table \d)/.exec(devStops)?.[1];
    await itinerary(host, 'Dev Diallo').scrollIntoViewIfNeeded();
    await screenshot(host, 'roster-06-itineraries');
    await host.evaluate(() => (document.documentElement.dataset.printing = 'itineraries'));
    await host.emulateMedia({ media: 'print' });
    expect(await host.getByRole('heading', { name: 'Round 1', exact: true }).isVisible()).toBe(false);
    expect(await host.getByRole('button', { name: 'Copy all itineraries' }).isVisible()).toBe(false);
    await host.getByText('Spring convening: where you sit in each round').waitFor();
    await screenshot(host, 'roster-07-print-itineraries');
    await host.evaluate(() => (document.documentElement.dataset.printing = 'plan'));
    expect(await host.getByRole('heading', { name: 'Round 1', exact: true }).isVisible()).toBe(true);
    expect(await host.getByText('Spring convening: where you sit in each round').isVisible()).toBe(false);
    await host.evaluate(() => window.scrollTo(0, 0));
    await screenshot(host, 'roster-07-print-plan');
    await host.emulateMedia({ media: 'screen' });
    await host.evaluate(() => delete document.documentElement.dataset.printing);

    // Two people open their personal links, each in a browser of their own: seated as planned.
    const ana = await openPage(browser, server.url, DESKTOP, errors);
    await ana.goto(anaLink);
    const dev = await openPage(browser, server.url, DESKTOP, errors);
    await dev.goto(devLink);
    for (const page of [ana, dev]) {
      await page
        .getByRole('status')
        .filter({ hasText: /^Connected$/ })
        .waitFor();
      expect(page.url()).not.toContain('token');
    }
    await expect.poll(() => ana.locator('.session-place').textContent(), POLL).toBe('Table 1 · Round 1');
    await expect.poll(() => dev.locator('.session-place').textContent(), POLL).toBe(`${devTable} · Round 1`);
    await tab(host, 'Roster').click();
    await host.getByText('12 on the roster · 2 here · 10 expected').waitFor();
    await expect.poll(() => rosterRow(host, 'Dev Diallo').locator('.roster-arrival').textContent(), POLL).toBe('Here');
    await screenshot(host, 'roster-08-two-here');

    // The host starts: the opening in the plenary, then round 1 at the tables the plan gave them.
    await tab(host, 'Tables').click();
    await host.getByRole('button', { name: 'Start Welcome and café etiquette' }).click();
    await expect.poll(() => ana.locator('.session-place').textContent(), POLL).toBe('Plenary · Welcome and café etiquette');
    await host.getByRole('button', { name: 'Finish Welcome and café etiquette' }).click();
    await expect.poll(() => ana.locator('.session-place').textContent(), POLL).toBe('Table 1 · Round 1');
    await expect.poll(() => dev.locator('.session-place').textContent(), POLL).toBe(`${devTable} · Round 1`);
    await screenshot(dev, 'roster-09-personal-link-at-table');

    // The Move dialog warns, naming who, before seating someone of Lincoln High with Ana (Table 1's host, of Lincoln High too).
    const tableOfChip = (name: string) =>
      host
        .locator('.chip')
        .filter({ hasText: name })
        .evaluate((el) => el.closest('.table-card')?.getAttribute('data-table-id'));
    const mover = (await tableOfChip('Eli Eriksen')) !== 'table-1' ? 'Eli Eriksen' : 'Ivo Ito';
    await host
      .locator('.chip')
      .filter({ hasText: mover })
      .getByRole('button', { name: `Move ${mover}…` })
      .click();
    const dialog = host.getByRole('dialog', { name: `Move ${mover}` });
    await dialog.getByLabel('Move to table').selectOption('table-1');
    await dialog.getByText(`Before you move ${mover} to Table 1:`).waitFor();
    await dialog.getByText(/Ana Alvarez.* also of Lincoln High\./).waitFor();
    await dialog.getByRole('button', { name: 'Move anyway' }).waitFor();
    await screenshot(host, 'roster-10-move-warning');
    await expectAccessible(host, 'move dialog with a warning');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    expect(errors).toEqual([]);
  });
});
