/**
 * A server with `CREATE_SESSION_SECRET`, in real Chromium: the home page's first attempt to start
 * a session is refused, the form then asks for the organization's secret and says whom to ask; a
 * wrong secret says so, the right one starts the session. Screenshots in tests/e2e/screenshots/.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@worktable/server/testing';
import { SCREENSHOTS, launchBrowser, openPage } from '../support/browser.js';

const SECRET = 'north-district-2026-workshops';

describe('starting a session on a server that asks for a secret', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ CREATE_SESSION_SECRET: SECRET }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('E-CS1 the form asks for the secret when the server does; wrong is explained, right starts the session', async () => {
    const errors: string[] = [];
    const page = await openPage(browser!, server!.url, undefined, errors);
    await page.goto('/');
    const secretField = page.getByLabel('Your organization’s secret');
    expect(await secretField.count()).toBe(0);
    await page.getByLabel('Session title').fill('Tuning: Grade 9 essay unit');
    await page.getByRole('button', { name: 'Start session' }).click();

    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'organization’s secret' }).waitFor();
    await expect.poll(() => secretField.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await secretField.getAttribute('type')).toBe('password');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'create-secret-asked.png'), fullPage: true });

    await secretField.fill('not-the-secret');
    await page.getByRole('button', { name: 'Start session' }).click();
    await alert.filter({ hasText: 'This is not the organization’s secret' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'create-secret-wrong.png'), fullPage: true });

    await secretField.fill(SECRET);
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByText('Session created').waitFor();
    expect(errors).toEqual([]);
  });
});
