/**
 * The lifecycle every end-to-end suite shares: a real server on port 0 and a Chromium, started
 * before the suite's tests and stopped after them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '@worktable/server/testing';
import { launchBrowser } from './browser.js';

/**
 * Starts a server (with `env` on top of the test defaults) and a browser for the current suite;
 * `ready` receives them once both are up.
 */
export function withServerAndBrowser(ready: (server: TestServer, browser: Browser) => void, env: Record<string, string> = {}): void {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(env), launchBrowser()]);
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}
