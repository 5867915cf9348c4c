/**
 * End to end in real Chromium against a real server: a host starts a session on the home page,
 * a participant joins through the invite link, both edit a sticky note on the table live through
 * the relay, and an observer joins read-only. Screenshots land in tests/e2e/screenshots/ (gitignored).
 *
 * Needs the built client (`npm run build:client`; `npm test` builds it first) and Chromium at
 * /usr/bin/chromium (`apt-get install -y chromium`) or at $CHROMIUM_PATH.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@worktable/server/testing';
import { SCREENSHOTS, launchBrowser } from '../support/browser.js';
import { openSection } from '../support/sidePanel.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** How long live sync may take to show up in another browser. */
const POLL = { timeout: 5_000, interval: 25 };

describe('foundation: start, invite, join, sync, observe', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openPage(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
    if (!browser || !server) throw new Error('setup failed');
    const context = await browser.newContext({ viewport, baseURL: server.url });
    context.setDefaultTimeout(5_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
    return { context, page };
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  /** The text of the sticky note Pat puts on the table. */
  const notes = (page: Page) => page.getByRole('textbox', { name: 'Sticky note text by Pat Participant' });
  const connected = (page: Page) =>
    page
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();

  async function join(
    page: Page,
    inviteUrl: string,
    name: string,
    observer: boolean,
    about?: { organization: string; role: string },
  ): Promise<void> {
    await page.goto(inviteUrl);
    await page.getByRole('heading', { level: 1, name: 'Join the session' }).waitFor();
    await page.getByLabel('Your name').fill(name);
    if (about) {
      await page.getByLabel('Organization (optional)').fill(about.organization);
      await page.getByLabel('Your role (optional)').fill(about.role);
    }
    if (observer) await page.getByLabel('Join as observer (read-only)').check();
    await page.getByRole('button', { name: 'Join the table' }).click();
    await page.waitForURL(/\/s\/[A-Za-z0-9_-]+$/);
    await connected(page);
  }

  it('runs a session from the home page to a live, shared table', { timeout: 45_000 }, async () => {
    if (!server) throw new Error('setup failed');

    // The host starts a session.
    const { context: hostContext, page: host } = await openPage(DESKTOP);
    await hostContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    // The page arrives compressed (the build's Brotli files), its hashed scripts cached for good.
    const scripts: { encoding: string | undefined; cache: string | undefined }[] = [];
    host.on('response', (response) => {
      if (/\/assets\/index-[\w-]+\.js$/.test(response.url()))
        scripts.push({ encoding: response.headers()['content-encoding'], cache: response.headers()['cache-control'] });
    });
    const home = await host.goto('/');
    expect(home?.headers()['cache-control']).toBe('no-cache');
    await host.getByRole('heading', { level: 1, name: 'Start a session' }).waitFor();
    expect(scripts).toEqual([{ encoding: 'br', cache: 'public, max-age=31536000, immutable' }]);
    await shot(host, '01-home');
    await host.getByLabel('Session title').fill('Tuning: Grade 9 essay unit');
    await host.getByLabel('Your name').fill('Hana Host');
    await host.getByRole('button', { name: 'Start session' }).click();
    await host.getByRole('heading', { level: 1, name: 'Tuning: Grade 9 essay unit' }).waitFor();

    const inviteUrl = await host.getByRole('textbox', { name: 'Invite link' }).inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${server.url}/join/[A-Za-z0-9_-]+\\?code=[A-Z2-9]{8}$`));
    const hostLink = await host.getByRole('textbox', { name: 'Host link' }).inputValue();
    expect(hostLink).toMatch(/\/s\/[A-Za-z0-9_-]+#token=.+&code=[A-Z2-9]{8}$/);
    await host.getByRole('button', { name: 'Copy invite link' }).click();
    await host.getByRole('button', { name: 'Copied invite link' }).waitFor();
    expect(await host.evaluate<string>('navigator.clipboard.readText()')).toBe(inviteUrl);
    await shot(host, '02-session-created');

    await host.getByRole('link', { name: 'Open the table' }).click();
    await connected(host);
    await host.getByText('You are observing').waitFor({ state: 'detached' });

    // A participant joins through the invite link, in another browser context.
    const { page: pat } = await openPage(DESKTOP);
    await pat.goto(inviteUrl);
    await pat.getByRole('heading', { level: 1, name: 'Join the session' }).waitFor();
    await shot(pat, '03-join');
    await join(pat, inviteUrl, 'Pat Participant', false, { organization: 'Lincoln High', role: 'teacher' });
    await pat.getByRole('heading', { level: 1, name: 'Tuning: Grade 9 essay unit' }).waitFor();

    // Live sync through the server, both ways: Pat puts a sticky note on the table.
    await pat.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Sticky note' }).click();
    await notes(pat).click();
    await notes(pat).pressSequentially('Evidence: three essays.');
    await expect.poll(() => notes(host).inputValue(), POLL).toBe('Evidence: three essays.');
    await notes(host).focus();
    await notes(host).press('Control+End');
    await notes(host).pressSequentially('\nQuestion: what counts as a claim?');
    const shared = 'Evidence: three essays.\nQuestion: what counts as a claim?';
    await expect.poll(() => notes(pat).inputValue(), POLL).toBe(shared);

    // Both know who is at the table (the host's list refreshes when Pat appears in presence).
    for (const page of [host, pat]) {
      await openSection(page, 'People');
      const participants = page.getByRole('list', { name: 'Participants' });
      await participants.getByText('Hana Host').waitFor();
      await participants.getByText('Pat Participant').waitFor();
      await participants.getByText('teacher · Lincoln High').waitFor();
      await page.getByRole('list', { name: 'Connected now' }).getByText('Pat Participant').waitFor();
    }
    await shot(host, '04-host-table');

    // An observer joins on a phone-sized screen: sees everything, cannot type.
    const { page: olga } = await openPage(PHONE);
    await join(olga, inviteUrl, 'Olga Observer', true);
    await olga.getByText('You are observing: read-only.').waitFor();
    await expect.poll(() => notes(olga).inputValue(), POLL).toBe(shared);
    expect(await notes(olga).getAttribute('readonly')).not.toBeNull();
    expect(await notes(olga).isEditable()).toBe(false);
    await notes(olga).focus();
    await olga.keyboard.type('observer was here');
    expect(await notes(olga).inputValue()).toBe(shared);
    await host.getByRole('list', { name: 'Participants' }).getByText('Olga Observer').waitFor();
    await shot(olga, '05-observer-phone');

    // Pat keeps typing; the observer follows live.
    await notes(pat).press('Control+End');
    await notes(pat).pressSequentially(' Notes welcome.');
    await expect.poll(() => notes(olga).inputValue(), POLL).toBe(`${shared} Notes welcome.`);
    expect(await notes(host).inputValue()).not.toContain('observer was here');
    await shot(pat, '06-participant-table');

    // Reopening the invite link from the same browser goes straight back to the table as Pat.
    await pat.goto(inviteUrl);
    await pat.waitForURL(/\/s\/[A-Za-z0-9_-]+$/);
    await connected(pat);
    await pat.getByText('You are Pat Participant').waitFor();

    // The host link works in a fresh browser and leaves no token in the address bar.
    const { page: hostElsewhere } = await openPage(PHONE);
    await hostElsewhere.goto(hostLink);
    await connected(hostElsewhere);
    await hostElsewhere.getByText('You are Hana Host').waitFor();
    expect(new URL(hostElsewhere.url()).hash).toBe('');
    await shot(hostElsewhere, '07-host-link-phone');
    expect(pageErrors).toEqual([]);

    // A stranger: a wrong invite code is explained, and so is opening a table without joining.
    // (Chromium logs the refused requests as console errors, hence after the check above.)
    const { page: stranger } = await openPage(PHONE);
    const sessionId = new URL(inviteUrl).pathname.split('/').pop() ?? '';
    await stranger.goto(`/join/${sessionId}?code=ZZZZZZZZ`);
    await stranger.getByLabel('Your name').fill('Sam Stranger');
    await stranger.getByRole('button', { name: 'Join the table' }).click();
    await stranger.getByRole('alert').filter({ hasText: 'ask the host for the link' }).waitFor();
    await shot(stranger, '08-join-wrong-code-phone');
    await stranger.goto(`/s/${sessionId}`);
    await stranger.getByRole('heading', { level: 1, name: 'You have not joined this session' }).waitFor();
    await stranger.getByRole('link', { name: 'Start a session' }).waitFor();

    // The server shuts down: the relay closes with 4503 and the table says why and what happens next.
    const { port } = new URL(server.url);
    const { dataDir } = server;
    await server.stop({ keepData: true });
    await host.getByRole('alert').filter({ hasText: 'Connection closed: server unavailable, retry later.' }).waitFor();
    await host.getByRole('status').filter({ hasText: 'Offline, reconnecting…' }).waitFor();
    await shot(host, '09-server-stopped');

    // It comes back with another token secret: the handshake is refused with HTTP 401 (a browser
    // sees only 1006), so the table re-checks its token, stops retrying and says what to do.
    server = await startTestServer({ PORT: port, DATA_DIR: dataDir, TOKEN_SECRET: 'rotated-secret-'.padEnd(40, 'x') });
    await host.getByRole('alert').filter({ hasText: 'Join again with the invite link' }).waitFor({ timeout: 15_000 });
    await shot(host, '10-token-refused');
  });
});
