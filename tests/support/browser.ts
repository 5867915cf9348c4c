/**
 * Shared setup of the end-to-end tests: Debian's Chromium driven by playwright-core, against the
 * built client served by a real server on port 0.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The built client; `npm run build:client` (run by `npm test`) writes it. */
export const CLIENT_INDEX = path.resolve(import.meta.dirname, '../../client/dist/index.html');
/** Where tests save screenshots (gitignored). */
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../e2e/screenshots');
/** The browser binary. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Laptop and tablet viewports. */
export const DESKTOP = { width: 1280, height: 800 };
/** Laptop and tablet viewports. */
export const TABLET = { width: 820, height: 1180 };

/** Fails with what to do when the client is not built or Chromium is missing; launches Chromium (with `extraArgs`). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!fs.existsSync(CLIENT_INDEX)) throw new Error(`${CLIENT_INDEX} is missing: run \`npm run build:client\` first (\`npm test\` does).`);
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: install it (\`apt-get install -y chromium\`) or set CHROMIUM_PATH.`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** A new page in its own context (its own storage: another person), recording page errors. */
export async function openPage(browser: Browser, baseURL: string, viewport = DESKTOP, errors: string[] = []): Promise<Page> {
  const context = await browser.newContext({ viewport, baseURL });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  // The server's Content-Security-Policy must not block anything the client does.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(`CSP: ${message.text()}`);
  });
  return page;
}

/** Saves a screenshot under tests/e2e/screenshots/<name>.png (`fullPage`: the whole scrolled page, e.g. a phone's). */
export function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<Buffer> {
  return page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), ...options });
}

/** Joins a session through its invite link as `name`, and waits until the table is connected. */
export async function joinByInvite(page: Page, inviteUrl: string, name: string, observer = false): Promise<void> {
  await page.goto(inviteUrl);
  await page.getByLabel('Your name').fill(name);
  if (observer) await page.getByLabel('Join as observer (read-only)').check();
  await page.getByRole('button', { name: 'Join the table' }).click();
  await page.waitForURL(/\/s\/[A-Za-z0-9_-]+$/);
  await page
    .getByRole('status')
    .filter({ hasText: /^Connected$/ })
    .waitFor();
}
